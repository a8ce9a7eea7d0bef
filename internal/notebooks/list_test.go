package notebooks

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// List gives the English notebooks, sorted, then the French edition's; no
// other file or folder.
func TestList(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"02-b.ipynb", "01-a.ipynb", "README.md", "fr/02-b.ipynb", "fr/01-a.ipynb", "fr/notes.txt", "out/x.ipynb"} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := List(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"01-a.ipynb", "02-b.ipynb", "fr/01-a.ipynb", "fr/02-b.ipynb"}
	if !slices.Equal(got, want) {
		t.Errorf("List = %q, want %q", got, want)
	}
	for name, en := range map[string]string{"fr/01-a.ipynb": "01-a.ipynb", "01-a.ipynb": "01-a.ipynb"} {
		if English(name) != en || IsFrench(name) != (name != en) {
			t.Errorf("English(%q) = %q, IsFrench %v", name, English(name), IsFrench(name))
		}
	}
	if _, err := List(t.TempDir()); err == nil {
		t.Error("List of an empty folder: no error")
	}
}

// The rule for a failing output: errors, stderr that reads as an error and
// GoNB's stderr HTML fail; the go tool's progress lines and stdout do not.
func TestOutputProblem(t *testing.T) {
	for _, c := range []struct {
		o    Output
		fail bool
	}{
		{Output{OutputType: "error", Ename: "ERROR", Evalue: "failed to run go build"}, true},
		{Output{OutputType: "stream", Name: "stderr", Text: "panic: 1\n\ngoroutine 1 [running]:\n"}, true},
		{Output{OutputType: "stream", Name: "stderr", Text: "./main.go:3:2: undefined: x\n"}, true},
		{Output{OutputType: "stream", Name: "stderr", Text: "go: downloading gonum.org/v1/gonum v0.17.0\n"}, false},
		{Output{OutputType: "stream", Name: "stdout", Text: "error: 1e-9 mV\n"}, false},
		{Output{OutputType: "display_data", Data: map[string]Text{"text/html": `<div data-mime-type="application/vnd.jupyter.stderr">x</div>`}}, true},
		{Output{OutputType: "display_data", Data: map[string]Text{"text/html": `<div class="eif-chart"></div>`}}, false},
	} {
		if got := OutputProblem(c.o); (got != "") != c.fail {
			t.Errorf("OutputProblem(%+v) = %q, want a failure: %v", c.o, got, c.fail)
		}
	}
}

func TestJoinText(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want string
	}{
		{"a\nb", "a\nb"},
		{[]any{"a\n", "b"}, "a\nb"},
		{nil, ""},
		{map[string]any{"x": 1.0}, ""},
	} {
		if got := JoinText(tc.v); got != tc.want {
			t.Errorf("JoinText(%#v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}

// The notebooks' folder holds exactly the notebooks of Course (but the planned ones), in
// both editions, and Course is in the order of its numbers.
func TestCourseIsTheFolder(t *testing.T) {
	dir := filepath.Join("..", "..", "notebooks")
	names, err := List(dir)
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, n := range names {
		have[n] = true
	}
	known := map[string]bool{}
	for k, e := range Course {
		if want := fmt.Sprintf("%02d-", k+1); !strings.HasPrefix(e.File, want) {
			t.Errorf("Course[%d] = %s: its name must start with %s (the course's order)", k, e.File, want)
		}
		for _, name := range []string{e.File, French + "/" + e.File} {
			known[name] = true
			switch {
			case e.Planned == "" && !have[name]:
				t.Errorf("Course lists %s, which is not in notebooks/ (mark it Planned until it is written)", name)
			case e.Planned != "" && have[name]:
				t.Errorf("%s is written: remove Planned (%q) from its entry in Course", name, e.Planned)
			}
		}
	}
	for _, n := range names {
		if !known[n] {
			t.Errorf("notebooks/%s is not in Course (internal/notebooks/course.go): add it there, with its number", n)
		}
	}
}

// Stale: missing, edited since it ran, older than the code; fresh otherwise.
func TestStale(t *testing.T) {
	dir, executed := t.TempDir(), t.TempDir()
	write := func(p, body string, at time.Time) {
		t.Helper()
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, at, at); err != nil {
			t.Fatal(err)
		}
	}
	nb := `{"cells": [{"cell_type": "markdown", "source": ["# A"]}, {"cell_type": "code", "source": "x := 1", "outputs": []}]}`
	ran := `{"cells": [{"cell_type": "markdown", "source": "# A"}, {"cell_type": "code", "source": ["x := 1"], "execution_count": 1, "outputs": [{"output_type": "stream", "name": "stdout", "text": "1"}]}]}`
	now := time.Now()
	code := Code{"eif/x.go", now.Add(-time.Hour)}
	write(filepath.Join(dir, "a.ipynb"), nb, now)
	for _, tc := range []struct {
		name, executed string
		at             time.Time
		want           string
	}{
		{"missing", "", now, "not executed yet"},
		{"fresh", ran, now, ""},
		{"older than the code", ran, code.Time.Add(-time.Minute), "eif/x.go changed after it was executed"},
		{"edited", strings.Replace(ran, "x := 1", "x := 2", 1), now, `cell 1 (code cell #1, starts "x := 1") has changed`},
		{"a cell more", strings.Replace(ran, `{"cell_type": "markdown", "source": "# A"}, `, `{"cell_type": "markdown", "source": "# A"}, {"cell_type": "markdown", "source": "B"}, `, 1), now, "the notebook has 2 cells, its executed copy 3"},
	} {
		p := filepath.Join(executed, "a.ipynb")
		os.Remove(p)
		if tc.executed != "" {
			write(p, tc.executed, tc.at)
		}
		got, err := Stale(dir, executed, "a.ipynb", code)
		if err != nil || !strings.Contains(got, tc.want) || (tc.want == "") != (got == "") {
			t.Errorf("%s: Stale = %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
}
