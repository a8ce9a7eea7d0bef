package notebooktest_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/internal/notebooks"
	"github.com/eif-notebooks/eif-notebooks/notebooktest"
)

// The student's loop (issue 23): every notebook is a learning path a student reads in
// order, and both editions follow the same rules, written here once.
//
//   - It opens with "## What you will learn" (French "## Objectifs"), before the setup
//     cell: 3–5 list items, the part of the report it follows (the section says
//     "report" / "rapport") and a link to the glossary (../docs/glossary.md, from the
//     French edition ../../docs/glossary.md).
//   - It ends with "## Key points" ("## À retenir"), after its last code cell: 3–6 list
//     items, each backed by a number printed above.
//   - At least 3 predict-then-run blocks: a Markdown cell with "**Predict.**"
//     ("**Prédisez.**") and the question, then the code cell that answers it, then a
//     Markdown cell that starts with a collapsed <details> block whose summary is
//     "Answer" ("Réponse").
//   - At least 2 "Your turn" tasks: a Markdown cell with "**Your turn.**" ("**À vous.**")
//     followed, within the next 3 cells, by a code cell that calls nb.SelfCheck.
//   - Every <details> block is collapsed (no "open"), has a <summary>, and a blank line
//     after </summary> so that the Markdown inside it renders.
//   - At most 35 cells; no code cell over 20 lines, and at least half of them 12 lines or
//     fewer.
//
// The notebooks listed in Pending (checks.go) are not held to these rules yet.

// edition holds the words of one edition's markers.
type edition struct {
	objectives, keyPoints, predict, answer, yourTurn string
	glossary, report                                 *regexp.Regexp
}

var editions = map[bool]edition{
	false: {
		objectives: "What you will learn", keyPoints: "Key points",
		predict: "**Predict.**", answer: "Answer", yourTurn: "**Your turn.**",
		glossary: regexp.MustCompile(`\]\(\.\./docs/glossary\.md(#[^)]*)?\)`),
		report:   regexp.MustCompile(`(?i)\breport\b`),
	},
	true: {
		objectives: "Objectifs", keyPoints: "À retenir",
		predict: "**Prédisez.**", answer: "Réponse", yourTurn: "**À vous.**",
		glossary: regexp.MustCompile(`\]\(\.\./\.\./docs/glossary\.md(#[^)]*)?\)`),
		report:   regexp.MustCompile(`(?i)\brapport\b`),
	},
}

const (
	maxCells     = 35
	maxCodeLines = 20
	shortCode    = 12
	minPredict   = 3
	minYourTurn  = 2
)

var (
	heading  = regexp.MustCompile(`(?m)^#{1,6}\s`)
	listItem = regexp.MustCompile(`^ {0,3}(?:[-*+]|\d+[.)])\s+\S`)
)

// section returns the lines of src under the heading line "## title" (or ###), up to the
// next heading, and whether there is such a heading.
func section(src, title string) ([]string, bool) {
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		if t := strings.TrimSpace(strings.TrimLeft(l, "#")); strings.HasPrefix(l, "##") && t == title {
			var out []string
			for _, m := range lines[i+1:] {
				if heading.MatchString(m) {
					break
				}
				out = append(out, m)
			}
			return out, true
		}
	}
	return nil, false
}

// items counts the top-level list items among lines.
func items(lines []string) int {
	n := 0
	for _, l := range lines {
		if listItem.MatchString(l) {
			n++
		}
	}
	return n
}

// codeLines is the number of lines of a code cell's source.
func codeLines(c cell) int {
	s := strings.TrimRight(string(c.Source), "\n")
	if strings.TrimSpace(s) == "" {
		return 0
	}
	return strings.Count(s, "\n") + 1
}

var (
	detailsOpen = regexp.MustCompile(`<details\b[^>]*>`)
	summary     = regexp.MustCompile(`(?s)^<details>\s*<summary>(.*?)</summary>[ \t]*\n[ \t]*\n`)
)

// pathProblems lists how the notebook departs from the rules above.
func pathProblems(nb *notebook, french bool) []string {
	ed := editions[french]
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	if len(nb.Cells) > maxCells {
		add("%d cells, more than %d: split it by theme", len(nb.Cells), maxCells)
	}
	firstCode, lastCode := -1, -1
	var code, short int
	for i, c := range nb.Cells {
		if c.CellType != "code" {
			continue
		}
		if firstCode < 0 {
			firstCode = i
		}
		lastCode = i
		n := codeLines(c)
		code++
		if n <= shortCode {
			short++
		}
		if n > maxCodeLines {
			add("%s has %d lines, more than %d: move plumbing to eif/nb or split the cell", nb.CellName(i), n, maxCodeLines)
		}
	}
	if 2*short < code {
		add("%d of its %d code cells have %d lines or fewer: at least half must", short, code, shortCode)
	}
	var objectives, keyPoints bool
	var predicts, turns int
	for i, c := range nb.Cells {
		if c.CellType != "markdown" {
			continue
		}
		src := string(c.Source)
		if lines, ok := section(src, ed.objectives); ok {
			objectives = true
			text := strings.Join(lines, "\n")
			switch {
			case firstCode >= 0 && i > firstCode:
				add("%s: %q comes after the first code cell: the notebook opens with it", nb.CellName(i), ed.objectives)
			case items(lines) < 3 || items(lines) > 5:
				add("%s: %q has %d items, want 3 to 5", nb.CellName(i), ed.objectives, items(lines))
			case !ed.glossary.MatchString(text):
				add("%s: %q has no link to the glossary (%s)", nb.CellName(i), ed.objectives, ed.glossary)
			case !ed.report.MatchString(text):
				add("%s: %q does not say which part of the report the notebook follows", nb.CellName(i), ed.objectives)
			}
		}
		if lines, ok := section(src, ed.keyPoints); ok {
			keyPoints = true
			if i < lastCode {
				add("%s: %q comes before the last code cell: the notebook ends with it", nb.CellName(i), ed.keyPoints)
			}
			if n := items(lines); n < 3 || n > 6 {
				add("%s: %q has %d items, want 3 to 6", nb.CellName(i), ed.keyPoints, n)
			}
		}
		for _, m := range detailsOpen.FindAllStringIndex(src, -1) {
			block := src[m[0]:]
			if sm := summary.FindStringSubmatch(block); sm == nil {
				add("%s: a <details> block must read `<details>`, then `<summary>…</summary>`, then a blank line (collapsed, and its Markdown rendered)", nb.CellName(i))
			} else if !strings.Contains(block, "</details>") {
				add("%s: a <details> block is not closed", nb.CellName(i))
			}
		}
		if strings.Contains(src, ed.predict) {
			switch {
			case i+2 >= len(nb.Cells) || nb.Cells[i+1].CellType != "code":
				add("%s: a %s question must be followed by the code cell that answers it", nb.CellName(i), ed.predict)
			case nb.Cells[i+2].CellType != "markdown" || !strings.HasPrefix(strings.TrimSpace(string(nb.Cells[i+2].Source)), "<details>"):
				add("%s: the cell after the code cell of a %s question must start with a <details> answer", nb.CellName(i), ed.predict)
			default:
				sm := summary.FindStringSubmatch(strings.TrimSpace(string(nb.Cells[i+2].Source)) + "\n")
				if sm == nil || !strings.HasPrefix(strings.TrimSpace(sm[1]), ed.answer) {
					add("%s: the answer to a %s question must be `<details>` with `<summary>%s…</summary>` and a blank line", nb.CellName(i+2), ed.predict, ed.answer)
				} else {
					predicts++
				}
			}
		}
		if strings.Contains(src, ed.yourTurn) {
			found := false
			for j := i + 1; j <= i+3 && j < len(nb.Cells); j++ {
				if nb.Cells[j].CellType == "code" && strings.Contains(string(nb.Cells[j].Source), "nb.SelfCheck(") {
					found = true
				}
			}
			if found {
				turns++
			} else {
				add("%s: a %s task needs a self-check (a code cell calling nb.SelfCheck) within the next 3 cells", nb.CellName(i), ed.yourTurn)
			}
		}
	}
	if !objectives {
		add("no %q heading (## %s): the notebook opens with 3–5 objectives", ed.objectives, ed.objectives)
	}
	if !keyPoints {
		add("no %q heading (## %s): the notebook ends with 3–6 key points", ed.keyPoints, ed.keyPoints)
	}
	if predicts < minPredict {
		add("%d predict-then-run blocks (%s … <details><summary>%s</summary>), want at least %d", predicts, ed.predict, ed.answer, minPredict)
	}
	if turns < minYourTurn {
		add("%d %s tasks with a self-check, want at least %d", turns, ed.yourTurn, minYourTurn)
	}
	return out
}

func TestLearningPath(t *testing.T) {
	for _, name := range notebookNames(t) {
		t.Run(name, func(t *testing.T) {
			nb, err := readNotebook(name)
			if err != nil {
				t.Fatal(err)
			}
			problems := pathProblems(nb, notebooks.IsFrench(name))
			if why, ok := notebooktest.Pending[notebooks.English(name)]; ok {
				if len(problems) == 0 {
					t.Errorf("%s follows every rule of the learning path: remove it from Pending in checks.go (%s)", name, why)
				} else {
					showPending(t, problems)
					t.Skipf("pending (%s): %d problem(s), e.g. %s", why, len(problems), problems[0])
				}
				return
			}
			for _, p := range problems {
				t.Errorf("%s: %s", name, p)
			}
		})
	}
}

// Every pending notebook is one of the course, and every problem the rules report can
// be caught: a notebook built to break each rule gets each message.
func TestLearningPathCatches(t *testing.T) {
	for name := range notebooktest.Pending {
		found := false
		for _, e := range notebooks.Course {
			found = found || e.File == name
		}
		if !found {
			t.Errorf("Pending lists %s, which is not in the course (internal/notebooks.Course)", name)
		}
	}
	md := func(s string) cell { return cell{CellType: "markdown", Source: notebooks.Text(s)} }
	code := func(lines int) cell {
		return cell{CellType: "code", Source: notebooks.Text(strings.TrimSuffix(strings.Repeat("x := 1\n", lines), "\n"))}
	}
	good := func(fr bool) []cell {
		ed := editions[fr]
		glossary := "../docs/glossary.md"
		if fr {
			glossary = "../../docs/glossary.md"
		}
		cells := []cell{
			md("# T\n\n## " + ed.objectives + "\n\nFrom the report, rapport, [glossary](" + glossary + ").\n\n- a\n- b\n- c\n"),
			code(9),
		}
		for range minPredict {
			cells = append(cells, md(ed.predict+" Q?"), code(5), md("<details>\n<summary>"+ed.answer+"</summary>\n\nA.\n</details>"))
		}
		for range minYourTurn {
			cells = append(cells, md(ed.yourTurn+" Do."), cell{CellType: "code", Source: `nb.SelfCheck("x", 1, 1, 0, "h")`})
		}
		return append(cells, md("## "+ed.keyPoints+"\n\n1. a\n2. b\n3. c\n"))
	}
	for _, fr := range []bool{false, true} {
		ed := editions[fr]
		if p := pathProblems(&notebook{Cells: good(fr)}, fr); len(p) > 0 {
			t.Fatalf("french=%v: a notebook that follows the rules: %v", fr, p)
		}
		for what, edit := range map[string]func(c []cell) []cell{
			"lines, more than 20": func(c []cell) []cell { c[1] = code(21); return c },
			"have 12 lines or fewer": func(c []cell) []cell {
				for i := range c {
					if c[i].CellType == "code" {
						c[i] = code(13)
					}
				}
				return c
			},
			"more than 35": func(c []cell) []cell { return append(c[:len(c)-1:len(c)-1], append(make([]cell, 30), c[len(c)-1])...) },
			"has 2 items, want 3 to 5": func(c []cell) []cell {
				c[0].Source = notebooks.Text(strings.Replace(string(c[0].Source), "- c\n", "", 1))
				return c
			},
			"no link to the glossary": func(c []cell) []cell {
				c[0].Source = notebooks.Text(strings.ReplaceAll(string(c[0].Source), "glossary.md", "x.md"))
				return c
			},
			"which part of the report": func(c []cell) []cell {
				c[0].Source = notebooks.Text(strings.NewReplacer("report", "x", "rapport", "x").Replace(string(c[0].Source)))
				return c
			},
			"want 3 to 6":              func(c []cell) []cell { c[len(c)-1] = md("## " + ed.keyPoints + "\n\n- a\n"); return c },
			"ends with 3–6 key points": func(c []cell) []cell { return c[:len(c)-1] },
			"predict-then-run blocks": func(c []cell) []cell {
				c[4].Source = notebooks.Text("<details open>\n<summary>" + ed.answer + "</summary>\n\nA.\n</details>")
				return c
			},
			"then a blank line": func(c []cell) []cell {
				c[4].Source = notebooks.Text("<details>\n<summary>" + ed.answer + "</summary>\nA.\n</details>")
				return c
			},
			"needs a self-check":           func(c []cell) []cell { c[len(c)-2].Source = "fmt.Println(1)"; return c },
			"before the last code cell":    func(c []cell) []cell { return append(c, code(3)) },
			"comes after the first code":   func(c []cell) []cell { return append([]cell{code(3)}, c...) },
			"must be followed by the code": func(c []cell) []cell { c[3] = md("text"); return c },
		} {
			p := pathProblems(&notebook{Cells: edit(good(fr))}, fr)
			if !strings.Contains(strings.Join(p, "\n"), what) {
				t.Errorf("french=%v, a notebook whose %q rule is broken: got %q", fr, what, p)
			}
		}
	}
}

// showPending logs the problems of a pending notebook when EIF_SHOW_PENDING is set:
// the list of what to fix while rewriting it.
func showPending(t *testing.T, problems []string) {
	if os.Getenv("EIF_SHOW_PENDING") == "" {
		return
	}
	for _, p := range problems {
		t.Log(p)
	}
}

// glossaryFile is the bilingual glossary the notebooks' objectives link to.
const glossaryFile = "docs/glossary.md"

// tableRows returns the rows of the first Markdown table under the heading "## title" of
// src (tableIn).
func tableRows(src, title string) [][]string {
	lines, _ := section(src, title)
	return tableIn(strings.Join(lines, "\n"))
}

// tableIn returns the rows of the first Markdown table of text, each as its trimmed
// cells, without the header and its rule.
func tableIn(text string) [][]string {
	var rows [][]string
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if !strings.HasPrefix(l, "|") {
			if len(rows) > 0 {
				break
			}
			continue
		}
		cells := strings.Split(strings.Trim(l, "|"), "|")
		for k := range cells {
			cells[k] = strings.TrimSpace(cells[k])
		}
		rows = append(rows, cells)
	}
	if len(rows) < 2 {
		return nil
	}
	return rows[2:]
}

// The glossary's two tables, French and English, hold the same terms in the same order:
// each row's term is the other table's translation, with the same symbol and notebook,
// and that notebook is one of the course.
func TestGlossary(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(repoRoot, glossaryFile))
	if err != nil {
		t.Fatal(err)
	}
	fr, en := tableRows(string(b), "Français"), tableRows(string(b), "English")
	if len(fr) < 30 || len(fr) != len(en) {
		t.Fatalf("%s: %d French and %d English terms, want the same number, at least 30", glossaryFile, len(fr), len(en))
	}
	for k := range fr {
		f, e := fr[k], en[k]
		if len(f) != 5 || len(e) != 5 {
			t.Errorf("%s: row %d: want 5 columns (term, translation, symbol, definition, notebook): %q, %q", glossaryFile, k+1, f, e)
			continue
		}
		if f[0] != e[1] || f[1] != e[0] || f[2] != e[2] || f[4] != e[4] {
			t.Errorf("%s: row %d differs between the tables: French %q / %q / %s / %s; English %q / %q / %s / %s",
				glossaryFile, k+1, f[0], f[1], f[2], f[4], e[1], e[0], e[2], e[4])
		}
		found := false
		for _, c := range notebooks.Course {
			found = found || strings.HasPrefix(c.File, f[4]+"-")
		}
		if !found {
			t.Errorf("%s: %q first appears in notebook %q, which is not one of the course", glossaryFile, f[0], f[4])
		}
	}
}
