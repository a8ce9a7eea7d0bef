package notebooks

import (
	"encoding/json"
	"fmt"
	"html"
	"os"
	"regexp"
	"strings"
)

// Notebook is an .ipynb file (nbformat 4), as much as the tests read of it.
type Notebook struct {
	Cells    []Cell         `json:"cells"`
	Metadata map[string]any `json:"metadata"`
}

// Cell is one cell of a notebook.
type Cell struct {
	CellType       string          `json:"cell_type"`
	ID             string          `json:"id"`
	Source         Text            `json:"source"`
	ExecutionCount *int            `json:"execution_count"`
	Outputs        []Output        `json:"outputs"`
	Metadata       json.RawMessage `json:"metadata"`
}

// Output is one output of a code cell.
type Output struct {
	OutputType string          `json:"output_type"`
	Name       string          `json:"name"` // stream: stdout or stderr
	Text       Text            `json:"text"`
	Data       map[string]Text `json:"data"`
	Ename      string          `json:"ename"`
	Evalue     string          `json:"evalue"`
}

// Text is nbformat's text: a string, or a list of strings to join. Other
// MIME data (JSON objects) are kept as their JSON text.
type Text string

// UnmarshalJSON reads a string, a list of strings, or any other JSON value.
func (m *Text) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*m = Text(s)
		return nil
	}
	var parts []string
	if err := json.Unmarshal(b, &parts); err == nil {
		*m = Text(strings.Join(parts, ""))
		return nil
	}
	*m = Text(b)
	return nil
}

// JoinText is Text for a value already decoded into any (a notebook read as generic JSON,
// so that a rewrite keeps every field): a string, or a list joined; "" for anything else.
func JoinText(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []any:
		var b strings.Builder
		for _, s := range v {
			b.WriteString(fmt.Sprint(s))
		}
		return b.String()
	}
	return ""
}

// Read reads the notebook file at path.
func Read(path string) (*Notebook, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var nb Notebook
	if err := json.Unmarshal(b, &nb); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &nb, nil
}

// CellName names cell i for people: its index, its number among code cells
// and its first line.
func (nb *Notebook) CellName(i int) string {
	code := 0
	for j := 0; j <= i && j < len(nb.Cells); j++ {
		if nb.Cells[j].CellType == "code" {
			code++
		}
	}
	c := nb.Cells[i]
	first, _, _ := strings.Cut(strings.TrimSpace(string(c.Source)), "\n")
	if len(first) > 70 {
		first = first[:70] + "…"
	}
	kind := c.CellType
	if kind == "code" {
		kind = fmt.Sprintf("code cell #%d", code)
	}
	return fmt.Sprintf("cell %d (%s, starts %q)", i, kind, first)
}

// Texts returns the notebook's text outputs in cell order: stdout, then the
// text/plain, text/markdown and text/html data (HTML both raw and as text).
func (nb *Notebook) Texts() []string {
	var out []string
	for _, c := range nb.Cells {
		for _, o := range c.Outputs {
			if o.OutputType == "stream" && o.Name == "stdout" {
				out = append(out, string(o.Text))
			}
			for _, mime := range []string{"text/plain", "text/markdown", "text/html"} {
				if s, ok := o.Data[mime]; ok {
					out = append(out, string(s))
					if mime == "text/html" {
						out = append(out, HTMLText(string(s)))
					}
				}
			}
		}
	}
	return out
}

var (
	styleBlock = regexp.MustCompile(`(?is)<style.*?</style>`)
	anyTag     = regexp.MustCompile(`(?s)<[^>]+>`)
	blankLines = regexp.MustCompile(`\n\s*\n+`)
)

// HTMLText is the text of an HTML output: no style blocks, no tags, the
// entities decoded and blank lines dropped.
func HTMLText(s string) string {
	s = styleBlock.ReplaceAllString(s, "")
	s = anyTag.ReplaceAllString(s, "")
	return strings.TrimSpace(blankLines.ReplaceAllString(html.UnescapeString(s), "\n"))
}
