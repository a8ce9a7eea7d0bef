package chart

import (
	"encoding/json"
	"os"
	"testing"
)

func TestZZDump(t *testing.T) {
	out := os.Getenv("ZZ_DUMP")
	if out == "" {
		t.Skip()
	}
	var all []json.RawMessage
	for _, f := range demoFigures(t) {
		h, err := f.HTML()
		if err != nil {
			t.Fatal(err)
		}
		m := optionRe.FindStringSubmatch(h)
		all = append(all, json.RawMessage(m[1]))
	}
	b, _ := json.Marshal(all)
	os.WriteFile(out, b, 0o644)
}
