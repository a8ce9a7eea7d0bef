package notebooktest_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The memory test edits the parameters of every cell the way a student might, to the
// values that cost the most, and runs the cell: no cell may use more than maxCellRSS. It
// runs the English notebooks and one French one (notebooks.Sample).
//
// A cell's parameters are the lines before its first blank line. Each number on them is
// replaced, one at a time, by each of worstFloats (or worstInts for an integer): about the
// longest runs the trace allows at the default and at a fine output interval, and the
// largest current. The cells run as Go programs, built from the notebook the way GoNB
// builds them (the declarations of every cell, and the cell's body as the program), outside
// the kernel, where the chart output is built but not shown. Each program runs under a
// 4 GB limit of address space, so an edit that would take the machine down fails instead.

// maxCellRSS bounds the peak resident memory of one cell.
const maxCellRSS = 500 << 20

var (
	worstFloats = []string{"9.9e3", "9.9e4", "1e6"}
	worstInts   = []string{"9900", "99000", "1000000"}
)

// numberRe finds the numbers of a parameter line: not inside an identifier.
var numberRe = regexp.MustCompile(`(^|[^\w.])(\d+(\.\d*)?([eE][-+]?\d+)?)`)

// cellProgram is a notebook turned into Go source: its imports, its declarations, and the
// variants of its cells' bodies.
type cellProgram struct {
	imports  map[string]bool
	decls    []string
	variants []variant
}

type variant struct {
	name, cell, edit, body string
}

// parseNotebookProgram splits the code cells of nb as GoNB does: before a line "%%",
// declarations (imports, functions, shell lines starting with "!", magic lines starting
// with "%"); after it, the body of the cell's program.
func parseNotebookProgram(nb *notebook) *cellProgram {
	p := &cellProgram{imports: map[string]bool{}}
	importRe := regexp.MustCompile(`"([^"]+)"`)
	for _, c := range nb.Cells {
		if c.CellType != "code" {
			continue
		}
		src := string(c.Source)
		decl, body, hasBody := strings.Cut(src, "%%\n")
		if !hasBody && strings.HasPrefix(src, "%%") {
			decl, body, hasBody = "", strings.TrimPrefix(src, "%%"), true
		}
		var keep []string
		lines := strings.Split(decl, "\n")
		for k := 0; k < len(lines); k++ {
			l := lines[k]
			switch {
			case strings.HasPrefix(l, "%"): // a GoNB magic line such as %env EIF_LANG fr
			case strings.HasPrefix(l, "!"):
				for strings.HasSuffix(l, `\`) && k+1 < len(lines) {
					k++
					l = lines[k]
				}
			case strings.HasPrefix(l, "import ("):
				for k++; k < len(lines) && strings.TrimSpace(lines[k]) != ")"; k++ {
					if m := importRe.FindStringSubmatch(lines[k]); m != nil {
						p.imports[m[1]] = true
					}
				}
			case strings.HasPrefix(l, "import "):
				if m := importRe.FindStringSubmatch(l); m != nil {
					p.imports[m[1]] = true
				}
			default:
				keep = append(keep, l)
			}
		}
		p.decls = append(p.decls, strings.Join(keep, "\n"))
		if !hasBody || strings.Contains(body, "explore.Run(") {
			continue // the explorer needs the page; its picture is tested in eif/chart
		}
		p.addVariants(c.ID, body)
	}
	return p
}

// addVariants adds the body of cell id once for every worst edit of a parameter.
func (p *cellProgram) addVariants(id, body string) {
	lines := strings.Split(body, "\n")
	for k, l := range lines {
		if strings.TrimSpace(l) == "" {
			break // the parameters end at the first blank line
		}
		code, comment, _ := strings.Cut(l, "//")
		if !isParameterLine(code, comment) {
			continue
		}
		for _, m := range numberRe.FindAllStringSubmatchIndex(code, -1) {
			start, end := m[4], m[5]
			lit := code[start:end]
			values := worstFloats
			if !strings.ContainsAny(lit, ".eE") {
				values = worstInts
			}
			for _, v := range values {
				edited := append([]string{}, lines...)
				edited[k] = l[:start] + v + l[end:]
				p.variants = append(p.variants, variant{
					name: fmt.Sprintf("v%d", len(p.variants)),
					cell: id,
					edit: strings.TrimSpace(edited[k]),
					body: strings.Join(edited, "\n"),
				})
			}
		}
	}
}

// isParameterLine reports whether a line of code with its comment sets a parameter: an
// assignment of numbers (or a list of them), documented by a comment, with no call and no
// string, as the notebooks write their parameters.
func isParameterLine(code, comment string) bool {
	code = strings.TrimSpace(code)
	switch {
	case strings.TrimSpace(comment) == "", strings.HasPrefix(code, "const"), strings.ContainsAny(code, `"(`):
		return false
	}
	return strings.Contains(code, "=")
}

// source returns the Go program with the variants not in drop.
func (p *cellProgram) source(drop map[string]bool) string {
	var b strings.Builder
	b.WriteString("package main\n\nimport (\n\t\"os\"\n")
	paths := make([]string, 0, len(p.imports))
	for path := range p.imports {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	for _, path := range paths {
		if !drop["import "+path] && path != "os" {
			fmt.Fprintf(&b, "\t%q\n", path)
		}
	}
	b.WriteString(")\n\n")
	for _, d := range p.decls {
		b.WriteString(d)
		b.WriteString("\n")
	}
	b.WriteString("\nvar variants = map[string]func(){\n")
	for _, v := range p.variants {
		if !drop[v.name] {
			fmt.Fprintf(&b, "\t%q: %s,\n", v.name, v.name)
		}
	}
	b.WriteString("}\n\nfunc main() { variants[os.Args[1]]() }\n")
	for _, v := range p.variants {
		if !drop[v.name] {
			fmt.Fprintf(&b, "\n// %s %s: %s\nfunc %s() {\n%s\n}\n", v.name, v.cell, v.edit, v.name, v.body)
		}
	}
	return b.String()
}

// build writes and compiles the program in dir, dropping the variants (and imports) the
// compiler rejects, such as an integer edit where a float is needed. It returns the binary
// and the variants kept.
func (p *cellProgram) build(t *testing.T, dir string) (string, []variant) {
	t.Helper()
	drop := map[string]bool{}
	src := filepath.Join(dir, "main.go")
	bin, err := filepath.Abs(filepath.Join(dir, "cells"))
	if err != nil {
		t.Fatal(err)
	}
	lineRe := regexp.MustCompile(`main\.go:(\d+):\d+: (.*)`)
	unusedRe := regexp.MustCompile(`"([^"]+)" imported and not used`)
	for attempt := 0; attempt < 20; attempt++ {
		text := p.source(drop)
		if err := os.WriteFile(src, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("go", "build", "-gcflags=-e", "-o", bin, ".")
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err == nil {
			var kept []variant
			for _, v := range p.variants {
				if !drop[v.name] {
					kept = append(kept, v)
				}
			}
			return bin, kept
		}
		lines := strings.Split(text, "\n")
		progress := false
		for _, m := range lineRe.FindAllStringSubmatch(string(out), -1) {
			if u := unusedRe.FindStringSubmatch(m[2]); u != nil {
				drop["import "+u[1]], progress = true, true
				continue
			}
			n, _ := strconv.Atoi(m[1])
			for k := min(n, len(lines)) - 1; k >= 0; k-- { // the variant the line is in
				if name, ok := strings.CutPrefix(lines[k], "func v"); ok {
					drop["v"+name[:strings.Index(name, "(")]], progress = true, true
					break
				}
			}
		}
		if !progress {
			t.Fatalf("the cells do not build:\n%s", out)
		}
	}
	t.Fatal("the cells do not build after 20 attempts")
	return "", nil
}

func TestCellMemoryUnderWorstEdits(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every parameter cell several times (about a minute): not with -short")
	}
	if _, err := exec.LookPath("go"); err != nil {
		skipOrFail(t, "no go command to build the cells: %v", err)
	}
	// The English notebooks and one French one: the French code is the English code
	// (TestFrenchEditionInStep), so its cells cost the same.
	for _, name := range sampleNotebookNames(t) {
		t.Run(name, func(t *testing.T) {
			nb, err := readNotebook(name)
			if err != nil {
				t.Fatal(err)
			}
			prog := parseNotebookProgram(nb)
			// A directory inside the module, so the cells import this repository's eif; its
			// name starts with a dot, so that ./... patterns leave it alone.
			dir, err := os.MkdirTemp(".", ".memtest-")
			if err != nil {
				t.Fatal(err)
			}
			defer os.RemoveAll(dir)
			bin, kept := prog.build(t, dir)
			worst, worstEdit := int64(0), ""
			for _, v := range kept {
				rss, wall, out, err := runLimited(bin, v.name)
				if rss > worst {
					worst, worstEdit = rss, fmt.Sprintf("%s %q", v.cell, v.edit)
				}
				if rss > maxCellRSS || err != nil { // a cell that prints an error still exits 0
					t.Errorf("cell %s with %q: %d MB, %v, %v\n%s", v.cell, v.edit, rss>>20, wall, err, lastBytes(out))
				}
			}
			t.Logf("%d edits run (%d built); the most memory: %d MB (%s)", len(kept), len(prog.variants), worst>>20, worstEdit)
		})
	}
}

// runLimited runs the variant under a 4 GB address-space limit and a 2-minute timeout, and
// returns its peak resident memory (bytes), wall time and output.
func runLimited(bin, name string) (rss int64, wall time.Duration, out []byte, err error) {
	cmd := exec.Command("sh", "-c", `ulimit -v 4194304; exec "$0" "$@"`, bin, name)
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	start := time.Now()
	if err = cmd.Start(); err != nil {
		return 0, 0, nil, err
	}
	timer := time.AfterFunc(2*time.Minute, func() { cmd.Process.Kill() })
	err = cmd.Wait()
	timer.Stop()
	wall = time.Since(start)
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss << 10 // kB on Linux
	}
	return rss, wall, buf.Bytes(), err
}

// lastBytes is the end of a command's output, at most 2000 bytes.
func lastBytes(b []byte) string {
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(b)
}
