package notebooks

import (
	"encoding/json"
	"fmt"
	"os"
)

// Raw is a notebook read as generic JSON, for a test that rewrites a
// notebook and must keep every field (nbgrader's metadata, fields this
// package does not know): Doc is the whole document, Cells its cells, which
// Write puts back.
type Raw struct {
	Doc   map[string]any
	Cells []map[string]any
}

// ReadRaw reads the notebook file at path as generic JSON.
func ReadRaw(path string) (*Raw, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	nb := &Raw{}
	if err := json.Unmarshal(b, &nb.Doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	cells, _ := nb.Doc["cells"].([]any)
	for _, c := range cells {
		m, ok := c.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s: a cell is not a JSON object", path)
		}
		nb.Cells = append(nb.Cells, m)
	}
	return nb, nil
}

// Write writes the notebook, with Cells as its cells, to path.
func (nb *Raw) Write(path string) error {
	cells := make([]any, len(nb.Cells))
	for i, c := range nb.Cells {
		cells[i] = c
	}
	nb.Doc["cells"] = cells
	b, err := json.MarshalIndent(nb.Doc, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// RawOutputs returns the outputs of a cell of a Raw notebook as Outputs, to
// be judged by OutputProblem.
func RawOutputs(cell map[string]any) []Output {
	var c struct {
		Outputs []Output `json:"outputs"`
	}
	b, _ := json.Marshal(cell)
	_ = json.Unmarshal(b, &c)
	return c.Outputs
}
