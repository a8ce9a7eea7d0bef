package exercises_test

import (
	"fmt"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/internal/course"
	"github.com/eif-notebooks/eif-notebooks/internal/notebooks"
)

func allNames(ps []course.Pair) (en, fr []string) {
	for _, p := range ps {
		en, fr = append(en, p.EN), append(fr, p.FR)
	}
	return en, fr
}

func sourceNotebook(t testing.TB, name string) *notebook {
	return readNotebook(t, filepath.Join(repoRoot, "exercises", "source", name, name+".ipynb"))
}

// testCell is the grade id of an exercise's test cell, "ex3-test", and its label, "Ex. 3".
var testCell = regexp.MustCompile(`^ex([0-9]+)-test$`)

// passedLine is the last line every graded test cell must have (the grader seals it).
var passedLine = regexp.MustCompile(`^check\.Passed\("([^"]*)"\)$`)

// TestSources checks the source notebooks' nbgrader metadata and rules without
// running anything: unique grade ids, points on graded cells, a Go kernel, no
// outputs, the setup cell first; every graded test cell ends with
// check.Passed of its own exercise (the grader wants that line, sealed); every
// exercise with a test states its tolerances; every section a statement cites
// (§A2, §6) is a heading of the teaching notebook it names.
func TestSources(t *testing.T) {
	en, fr := allNames(course.Pairs(t))
	for _, a := range append(en, fr...) {
		nb := sourceNotebook(t, a)
		french := contains(fr, a)
		seen := map[string]bool{}
		var code []string
		for _, c := range nb.Cells {
			id := gradeID(c)
			if meta(c) != nil && (id == "" || seen[id]) {
				t.Errorf("%s: grade_id %q missing or repeated", a, id)
			}
			seen[id] = true
			if is(c, "grade") {
				if p, _ := meta(c)["points"].(float64); p <= 0 {
					t.Errorf("%s: cell %s has no points", a, id)
				}
			}
			if c["cell_type"] != "code" {
				continue
			}
			code = append(code, id)
			if len(outputs(c)) > 0 {
				t.Errorf("%s: cell %s has outputs (commit sources without them)", a, id)
			}
			if is(c, "grade") && !is(c, "solution") {
				m := testCell.FindStringSubmatch(id)
				lines := strings.Split(strings.TrimSpace(source(c)), "\n")
				last := passedLine.FindStringSubmatch(strings.TrimSpace(lines[len(lines)-1]))
				if m == nil || last == nil || last[1] != "Ex. "+m[1] {
					t.Errorf("%s: the graded cell %s must be named exN-test and end with check.Passed(\"Ex. N\") of its exercise; it ends %q", a, id, lines[len(lines)-1])
				}
				statement := nb.cell(t, strings.TrimSuffix(id, "-test")+"-statement")
				word := map[bool]string{false: "**Tolerances.**", true: "**Tolérances.**"}[french]
				if !strings.Contains(source(statement), word) {
					t.Errorf("%s: the statement of %s does not state its tolerances (a paragraph %s)", a, id, word)
				}
			}
		}
		if len(code) == 0 || code[0] != "setup" {
			t.Errorf("%s: the first code cell is %v, want the setup cell", a, code[:min(1, len(code))])
		}
		ks, _ := nb.Doc["metadata"].(map[string]any)["kernelspec"].(map[string]any)
		if ks["name"] != "gonb" || ks["language"] != "go" {
			t.Errorf("%s: kernelspec %v, want gonb with language go (nbgrader picks the Go stub by it)", a, ks)
		}
		checkCitations(t, a, nb, french)
	}
}

var (
	citedNotebook = regexp.MustCompile("`(0[0-9]-[a-z-]+\\.ipynb)`")
	citedSection  = regexp.MustCompile(`§([A-Z]?[0-9]+)`)
	citedTitle    = regexp.MustCompile(`notebook (0[0-9]), (?:"([^"]+)"|«[\s\x{a0}]*([^»]+?)[\s\x{a0}]*»)`)
	// citedElsewhere is a section of another notebook than the introduction's: notebook 05, §2.
	citedElsewhere = regexp.MustCompile(`notebook (0[0-9]),?[\s\x{a0}]*§([A-Z]?[0-9]+)`)
)

// checkCitations checks that each § a statement cites is a section heading of
// the assignment's teaching notebook (the first one its introduction names),
// and each section it cites by its title, `notebook 03, "Title"`, or by its
// number in another notebook, `notebook 05, §2`, a heading of that notebook.
func checkCitations(t *testing.T, a string, nb *notebook, french bool) {
	dir := filepath.Join(repoRoot, "notebooks")
	if french {
		dir = filepath.Join(dir, "fr")
	}
	for _, c := range nb.Cells {
		for _, m := range citedTitle.FindAllStringSubmatch(source(c), -1) {
			title := strings.ReplaceAll(m[2]+m[3], "\u00a0", " ")
			files, _ := filepath.Glob(filepath.Join(dir, m[1]+"-*.ipynb"))
			found := false
			for _, f := range files {
				for _, tc := range readNotebook(t, f).Cells {
					found = found || regexp.MustCompile(`(?m)^## `+regexp.QuoteMeta(title)+`\s*$`).MatchString(strings.ReplaceAll(source(tc), "\u00a0", " "))
				}
			}
			if !found {
				t.Errorf("%s %s cites %q of notebook %s, which is no section heading of it (in %s)", a, gradeID(c), title, m[1], dir)
			}
		}
	}
	intro := source(nb.Cells[0])
	m := citedNotebook.FindStringSubmatch(intro)
	if m == nil {
		t.Errorf("%s: the introduction names no teaching notebook (`0N-....ipynb`)", a)
		return
	}
	path := filepath.Join(repoRoot, "notebooks", m[1])
	if french {
		path = filepath.Join(repoRoot, "notebooks", "fr", m[1])
	}
	headings := headingsOf(t, path)
	for _, c := range nb.Cells {
		if !strings.HasSuffix(gradeID(c), "-statement") {
			continue
		}
		text := source(c)
		for _, m := range citedElsewhere.FindAllStringSubmatch(text, -1) {
			files, _ := filepath.Glob(filepath.Join(dir, m[1]+"-*.ipynb"))
			if len(files) != 1 || !isSection(headingsOf(t, files[0]), m[2]) {
				t.Errorf("%s %s cites §%s of notebook %s, which is no section of it (in %s)", a, gradeID(c), m[2], m[1], dir)
			}
		}
		for _, s := range citedSection.FindAllStringSubmatch(citedElsewhere.ReplaceAllString(text, ""), -1) {
			if !isSection(headings, s[1]) {
				t.Errorf("%s %s cites §%s, which is no section of %s", a, gradeID(c), s[1], path)
			}
		}
	}
}

// headingsOf returns the section headings (## lines) of the notebook at path.
func headingsOf(t *testing.T, path string) string {
	var headings strings.Builder
	for _, c := range readNotebook(t, path).Cells {
		for _, line := range strings.Split(source(c), "\n") {
			if strings.HasPrefix(line, "## ") {
				headings.WriteString(line + "\n")
			}
		}
	}
	return headings.String()
}

// isSection reports whether headings have section n: "## 2. …" or "## A2 – …".
func isSection(headings, n string) bool {
	return regexp.MustCompile(`(?m)^## ` + regexp.QuoteMeta(n) + `(\.| –)`).MatchString(headings)
}

// TestFrenchAssignmentsInStep holds each French assignment in step with its
// English twin, as the teaching notebooks are: the same cells, in the same
// order and of the same types, with the same nbgrader metadata (grade ids,
// points, roles), and each code cell the same Go program (notebooks.CodeDiff:
// only comments and string literals may differ; the French setup cell sets
// EIF_LANG fr), whose translated literals are Go and keep their format verbs
// (literalDiffs). TestAssignments runs one French twin through grading and
// validates another, not the others: this test holds them. The French reads as the French notebooks do: their calques
// and typography (notebooks.FrenchProblems), and decimals with a comma in
// the prose.
func TestFrenchAssignmentsInStep(t *testing.T) {
	calques, err := notebooks.ReadCalques(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range course.Pairs(t) {
		t.Run(p.FR, func(t *testing.T) {
			for _, d := range assignmentDiffs(sourceNotebook(t, p.EN), sourceNotebook(t, p.FR)) {
				t.Error(d)
			}
			fr, err := notebooks.Read(filepath.Join(repoRoot, "exercises", "source", p.FR, p.FR+".ipynb"))
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range notebooks.FrenchProblems(fr, calques) {
				t.Error(d)
			}
		})
	}
}

// decimalPoint is a decimal with a point in French prose (outside code and LaTeX).
var decimalPoint = regexp.MustCompile(`\b[0-9]+\.[0-9]+\b`)

// prose is Markdown without its code spans, LaTeX and section numbers (§4.4).
func prose(md string) string {
	return regexp.MustCompile("(?s)```.*?```|`[^`]*`|\\$\\$.*?\\$\\$|\\$[^$]*\\$|§[0-9.]+").ReplaceAllString(md, " ")
}

// assignmentDiffs lists how the French assignment fr departs from its English twin en.
func assignmentDiffs(en, fr *notebook) []string {
	var diffs []string
	if len(en.Cells) != len(fr.Cells) {
		return []string{fmt.Sprintf("%d cells in French, %d in English: add or remove the same cells in both", len(fr.Cells), len(en.Cells))}
	}
	for i, f := range fr.Cells {
		e := en.Cells[i]
		where := fmt.Sprintf("cell %d (%s)", i, gradeID(f))
		if f["cell_type"] != e["cell_type"] {
			diffs = append(diffs, fmt.Sprintf("%s is %v in French, %v in English", where, f["cell_type"], e["cell_type"]))
			continue
		}
		if !reflect.DeepEqual(meta(f), meta(e)) {
			diffs = append(diffs, fmt.Sprintf("%s: nbgrader metadata %v in French, %v in English", where, meta(f), meta(e)))
		}
		if f["cell_type"] != "code" {
			text := prose(source(f))
			if m := decimalPoint.FindString(text); m != "" {
				diffs = append(diffs, fmt.Sprintf("%s: the decimal %q in French prose: write it with a comma", where, m))
			}
			continue
		}
		if i == firstCode(fr) {
			if !notebooks.FrenchLangLine.MatchString(source(f)) {
				diffs = append(diffs, where+": the French setup cell needs the line `%env EIF_LANG fr`")
			}
			if notebooks.LangLine.MatchString(source(e)) {
				diffs = append(diffs, where+": the English setup cell sets EIF_LANG")
			}
		}
		if d := notebooks.CodeDiff(source(e), source(f)); d != "" {
			diffs = append(diffs, where+": "+d)
		}
		for _, d := range literalDiffs(source(e), source(f)) {
			diffs = append(diffs, where+": "+d)
		}
	}
	return diffs
}

func firstCode(nb *notebook) int {
	for i, c := range nb.Cells {
		if c["cell_type"] == "code" {
			return i
		}
	}
	return -1
}

// A test of the test: a French assignment with a number changed in a test, a
// point changed, a cell removed, a format verb changed or a literal that is
// not Go is reported; one with only a string translated again is not.
func TestAssignmentDiffsCatchEdits(t *testing.T) {
	p := course.Pairs(t)[0]
	en := sourceNotebook(t, p.EN)
	if d := assignmentDiffs(en, sourceNotebook(t, p.FR)); len(d) > 0 {
		t.Fatalf("the unmodified pair differs already: %v", d)
	}
	edit := func(f func(fr *notebook)) []string {
		fr := sourceNotebook(t, p.FR)
		f(fr)
		return assignmentDiffs(en, fr)
	}
	test := func(fr *notebook) map[string]any { return fr.cell(t, "ex1-test") }
	for what, d := range map[string][]string{
		"a tolerance changed": edit(func(fr *notebook) {
			c := test(fr)
			c["source"] = strings.Replace(source(c), "1e-9", "1e-3", 1)
		}),
		"the points changed":      edit(func(fr *notebook) { meta(test(fr))["points"] = 5.0 }),
		"a cell removed":          edit(func(fr *notebook) { fr.Cells = fr.Cells[:len(fr.Cells)-1] }),
		"a decimal point in text": edit(func(fr *notebook) { fr.Cells[0]["source"] = source(fr.Cells[0]) + " 7.25 nA" }),
		"a format verb changed": edit(func(fr *notebook) {
			c := test(fr)
			c["source"] = strings.Replace(source(c), "Δ_T = %g mV", "Δ_T = %d mV", 1)
		}),
		"a literal that is not Go": edit(func(fr *notebook) {
			c := test(fr)
			c["source"] = strings.Replace(source(c), "Δ_T = %g mV", `Δ_T = %g \mV`, 1)
		}),
	} {
		if len(d) == 0 {
			t.Errorf("%s: no difference reported", what)
		} else {
			t.Logf("%s: %s", what, d[0])
		}
	}
	if d := edit(func(fr *notebook) {
		c := test(fr)
		c["source"] = regexp.MustCompile(`"Ex\. 1 : [^"]*"`).ReplaceAllStringFunc(source(c), func(lit string) string {
			return `"Ex. 1 : autre libellé, 7,25 ` + strings.Join(formatVerb.FindAllString(lit, -1), " ") + `"` // its verbs kept
		})
	}); len(d) > 0 {
		t.Errorf("only strings changed, yet: %v", d)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
