package notebooks

import (
	"path/filepath"
	"slices"
	"testing"
)

// Sample keeps the English notebooks and SampleFrench, which must be a
// notebook of the French edition.
func TestSample(t *testing.T) {
	names, err := List(filepath.Join("..", "..", "notebooks"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(names, SampleFrench) {
		t.Fatalf("SampleFrench = %q is not a notebook of notebooks/ (%q): name another French one", SampleFrench, names)
	}
	got := Sample(names)
	french := 0
	for _, n := range names {
		if IsFrench(n) {
			french++
			continue
		}
		if !slices.Contains(got, n) {
			t.Errorf("Sample left out the English notebook %s", n)
		}
	}
	if len(got) != len(names)-french+1 || !slices.Contains(got, SampleFrench) {
		t.Errorf("Sample(%q) = %q, want the English notebooks and %s", names, got, SampleFrench)
	}
}
