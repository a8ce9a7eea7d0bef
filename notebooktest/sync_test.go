package notebooktest_test

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/internal/notebooks"
)

// The French edition (notebooks/fr/) is kept in step with the English one:
// each French notebook has an English twin of the same name, with the same
// cells in the same order and of the same types, and each code cell is the
// same program by the rule of notebooks.CodeDiff (internal/notebooks/
// edition.go: only comments, spacing, string literals and the `%env EIF_LANG`
// line may differ), which the graded assignments' twins follow too. A French
// setup cell must have the line `%env EIF_LANG fr`, an English one must not.

// frDir is the French edition's folder, relative to notebooks/.
const frDir = "fr"

// langLine is a GoNB magic line that sets EIF_LANG.
var langLine = notebooks.LangLine

func TestFrenchEditionInStep(t *testing.T) {
	var english []string
	for _, name := range notebookNames(t) {
		if !notebooks.IsFrench(name) {
			english = append(english, name)
		}
	}
	french, err := filepath.Glob(filepath.Join(frDir, "*.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, f := range french {
		have[filepath.Base(f)] = true
	}
	for _, name := range english {
		if !have[name] {
			t.Errorf("notebooks/%s has no French twin notebooks/%s/%s", name, frDir, name)
		}
	}
	for _, f := range french {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			en, err := readNotebook(name)
			if err != nil {
				t.Fatalf("notebooks/%s/%s has no English twin: %v", frDir, name, err)
			}
			fr, err := readNotebook(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range editionDiffs(*en, *fr, "notebooks/"+f, "notebooks/"+name) {
				t.Error(d)
			}
		})
	}
}

// A test of the test: a French notebook edited in its code (a number, an
// identifier, a line more) or in its cell list fails and names the cell; one
// edited only in a string literal or a comment passes.
func TestEditionDiffsCatchEdits(t *testing.T) {
	french, _ := filepath.Glob(filepath.Join(frDir, "*.ipynb"))
	if len(french) == 0 {
		t.Fatalf("no French notebooks in notebooks/%s", frDir)
	}
	name := filepath.Base(french[0])
	enp, err := readNotebook(name)
	if err != nil {
		t.Fatal(err)
	}
	frp, err := readNotebook(french[0])
	if err != nil {
		t.Fatal(err)
	}
	en, fr := *enp, *frp
	if d := editionDiffs(en, fr, "fr", "en"); len(d) > 0 {
		t.Fatalf("the unmodified pair differs already: %v", d)
	}
	last := -1 // the last code cell that has a number, a string and a comment
	for i, c := range fr.Cells {
		s := string(c.Source)
		if c.CellType == "code" && regexp.MustCompile(`\b[0-9]+\b`).MatchString(s) && strings.Contains(s, `"`) && strings.Contains(s, "//") {
			last = i
		}
	}
	if last < 0 {
		t.Fatalf("%s has no code cell with a number, a string and a comment", name)
	}
	src := string(fr.Cells[last].Source)
	edit := func(f func(s string) string) notebook {
		c := clone(t, fr)
		c.Cells[last].Source = notebooks.Text(f(src))
		return c
	}
	wantCell := fmt.Sprintf("cell %d", last)
	for what, nb := range map[string]notebook{
		"a number changed": edit(func(s string) string {
			return regexp.MustCompile(`\b[0-9]+\b`).ReplaceAllStringFunc(s, func(d string) string { return d + "1" })
		}),
		"a line added": edit(func(s string) string { return s + "\nfmt.Println()" }),
		"an identifier renamed": edit(func(s string) string {
			return regexp.MustCompile(`\b(fmt|nb|eif)\.`).ReplaceAllString(s, "${1}x.")
		}),
		"the language line missing": func() notebook {
			c := clone(t, fr)
			for i := range c.Cells {
				if c.Cells[i].CellType == "code" { // the setup cell
					c.Cells[i].Source = notebooks.Text(langLine.ReplaceAllString(string(c.Cells[i].Source), ""))
					break
				}
			}
			return c
		}(),
	} {
		d := editionDiffs(en, nb, "fr", "en")
		if len(d) == 0 {
			t.Errorf("%s: no difference reported", what)
		} else if !strings.Contains(strings.Join(d, "\n"), "cell ") {
			t.Errorf("%s: the report names no cell: %v", what, d)
		} else if what != "the language line missing" && !strings.Contains(d[0], wantCell) {
			t.Errorf("%s: the report names %q, want %s", what, d[0], wantCell)
		} else {
			t.Logf("%s: %s", what, d[0])
		}
	}
	dropped := clone(t, fr)
	dropped.Cells = append(dropped.Cells[:last:last], dropped.Cells[last+1:]...)
	if d := editionDiffs(en, dropped, "fr", "en"); len(d) == 0 {
		t.Error("a cell removed: no difference reported")
	}
	retyped := clone(t, fr)
	retyped.Cells[0].CellType = "raw"
	if d := editionDiffs(en, retyped, "fr", "en"); len(d) == 0 || !strings.Contains(d[0], "cell 0") {
		t.Errorf("a cell's type changed: got %v, want a report naming cell 0", d)
	}
	// the Markdown cells keep their structure: a heading, a <details> block or a "Your
	// turn" task lost in the French edition is reported
	for what, f := range map[string]func(string) string{
		"a heading dropped":  func(s string) string { return regexp.MustCompile(`(?m)^#+ `).ReplaceAllString(s, "") },
		"a <details> added":  func(s string) string { return s + "\n<details>\n<summary>Réponse</summary>\n\nx\n</details>" },
		"a task added":       func(s string) string { return s + "\n**À vous.** x" },
		"a display equation": func(s string) string { return s + "\n$$x = 1$$" },
	} {
		c := clone(t, fr)
		for i := range c.Cells {
			if c.Cells[i].CellType == "markdown" && regexp.MustCompile(`(?m)^#+ `).MatchString(string(c.Cells[i].Source)) {
				c.Cells[i].Source = notebooks.Text(f(string(c.Cells[i].Source)))
				if d := editionDiffs(en, c, "fr", "en"); len(d) == 0 || !strings.Contains(d[0], fmt.Sprintf("cell %d ", i)) {
					t.Errorf("%s: got %v, want a report naming cell %d", what, d, i)
				}
				break
			}
		}
	}
	translated := edit(func(s string) string {
		s = regexp.MustCompile(`"[^"\n]*"`).ReplaceAllString(s, `"autre texte, 7,25"`)
		return strings.ReplaceAll(s, "//", "// commentaire traduit,")
	})
	if d := editionDiffs(en, translated, "fr", "en"); len(d) > 0 {
		t.Errorf("only strings and comments changed, yet: %v", d)
	}
}

func clone(t *testing.T, nb notebook) notebook {
	t.Helper()
	raw, err := json.Marshal(nb)
	if err != nil {
		t.Fatal(err)
	}
	var c notebook
	if err := json.Unmarshal(raw, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// editionDiffs lists how the French notebook fr (named frName) departs from
// its English twin en (enName), one message per cell.
func editionDiffs(en, fr notebook, frName, enName string) []string {
	var diffs []string
	if len(fr.Cells) != len(en.Cells) {
		diffs = append(diffs, fmt.Sprintf("%s has %d cells, %s has %d", frName, len(fr.Cells), enName, len(en.Cells)))
	}
	firstCode := true
	for i := range min(len(fr.Cells), len(en.Cells)) {
		f, e := fr.Cells[i], en.Cells[i]
		where := fmt.Sprintf("%s cell %d (%s, id %q)", frName, i, f.CellType, f.ID)
		if f.CellType != e.CellType {
			diffs = append(diffs, fmt.Sprintf("%s: the English twin's cell %d is %s: insert or remove the same cells in both editions", where, i, e.CellType))
			break // the cells after it are out of step too
		}
		if f.CellType == "markdown" {
			if e, f := skeleton(string(e.Source), false), skeleton(string(f.Source), true); e != f {
				diffs = append(diffs, fmt.Sprintf("%s differs from %s cell %d in its structure: French %s; English %s (translate the same headings, lists of objectives and key points, questions, tasks and <details> blocks)", where, enName, i, f, e))
			}
		}
		if f.CellType != "code" {
			continue
		}
		fs, es := string(f.Source), string(e.Source)
		if firstCode {
			firstCode = false
			if !notebooks.FrenchLangLine.MatchString(fs) {
				diffs = append(diffs, fmt.Sprintf("%s: the French setup cell needs the line `%%env EIF_LANG fr` (French labels from eif/chart)", where))
			}
			if langLine.MatchString(es) {
				diffs = append(diffs, fmt.Sprintf("%s: the English setup cell sets EIF_LANG (%s cell %d)", where, enName, i))
			}
		}
		if d := notebooks.CodeDiff(es, fs); d != "" {
			diffs = append(diffs, fmt.Sprintf("%s differs from %s cell %d in its code: %s", where, enName, i, d))
		}
	}
	return diffs
}

// skeleton describes the structure of a Markdown cell, which both editions share: its
// headings' levels, its <details> blocks, its display equations, and the learning-path
// blocks (learning_test.go) with the number of objectives and key points.
func skeleton(src string, french bool) string {
	ed := editions[french]
	var b strings.Builder
	for _, h := range regexp.MustCompile(`(?m)^#{1,6}\s`).FindAllString(src, -1) {
		b.WriteString(strings.TrimSpace(h) + " ")
	}
	fmt.Fprintf(&b, "details=%d equations=%d", strings.Count(src, "<details"), strings.Count(src, "$$")/2)
	if lines, ok := section(src, ed.objectives); ok {
		fmt.Fprintf(&b, " objectives=%d", items(lines))
	}
	if lines, ok := section(src, ed.keyPoints); ok {
		fmt.Fprintf(&b, " key-points=%d", items(lines))
	}
	if strings.Contains(src, ed.predict) {
		b.WriteString(" predict")
	}
	if strings.Contains(src, ed.yourTurn) {
		b.WriteString(" your-turn")
	}
	return b.String()
}
