package notebooks

import (
	"os"
	"path/filepath"
	"testing"
)

// A Raw notebook keeps fields this package does not know through a rewrite,
// and its outputs read as Outputs.
func TestRawRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nb.ipynb")
	const doc = `{"metadata": {"kernelspec": {"name": "gonb"}}, "nbformat": 4, "cells": [
 {"cell_type": "code", "metadata": {"nbgrader": {"grade_id": "a1"}}, "source": ["x", "y"],
  "outputs": [{"output_type": "error", "ename": "ERROR", "evalue": "failed to run go build", "traceback": []},
              {"output_type": "stream", "name": "stderr", "text": ["go: downloading x\n"]}]}]}`
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	nb, err := ReadRaw(path)
	if err != nil {
		t.Fatal(err)
	}
	outs := RawOutputs(nb.Cells[0])
	if len(outs) != 2 || OutputProblem(outs[0]) == "" || OutputProblem(outs[1]) != "" || outs[1].Text != "go: downloading x\n" {
		t.Errorf("RawOutputs = %+v", outs)
	}
	nb.Cells = append(nb.Cells, map[string]any{"cell_type": "markdown", "metadata": map[string]any{}, "source": "z"})
	if err := nb.Write(path); err != nil {
		t.Fatal(err)
	}
	again, err := ReadRaw(path)
	if err != nil {
		t.Fatal(err)
	}
	g, _ := again.Cells[0]["metadata"].(map[string]any)["nbgrader"].(map[string]any)
	if len(again.Cells) != 2 || g["grade_id"] != "a1" || again.Doc["nbformat"] != 4.0 {
		t.Errorf("after a rewrite: %+v", again.Doc)
	}
}
