package cellcache

import (
	"bytes"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// CanonicalModule is the module path every cell is built as, whatever the
// kernel's id: GoNB names its module and its binary gonb_<id>.
const CanonicalModule = "gonb_cell"

// cell is what GoNB wrote for one cell, in its folder, normalised so that two
// kernels that run the same cell read the same cell.
type cell struct {
	dir     string            // GoNB's folder, /tmp/gonb_<id>
	name    string            // gonb_<id>: GoNB's module and binary
	files   map[string][]byte // *.go, go.mod (module line normalised), go.sum
	imports []string          // the import paths of the *.go files, sorted, unique
	mod     modFile           // go.mod
}

// errNotCell says why a folder is not one the cache builds (GoNB's own
// `go build` then runs as it would without the cache).
type errNotCell struct{ why string }

func (e errNotCell) Error() string { return e.why }

func notCell(format string, args ...any) error {
	return errNotCell{fmt.Sprintf(format, args...)}
}

// cgoFiles are the extensions of files that a package's build reads besides
// .go files (cgo, assembly, SWIG, objects): the cache leaves such a folder alone.
var cgoFiles = map[string]bool{
	".c": true, ".cc": true, ".cpp": true, ".cxx": true, ".h": true, ".hh": true, ".hpp": true,
	".hxx": true, ".s": true, ".S": true, ".sx": true, ".f": true, ".F": true, ".for": true,
	".f90": true, ".m": true, ".swig": true, ".swigcxx": true, ".syso": true,
}

// readCell reads GoNB's folder dir, whose binary is named name.
func readCell(dir, name string) (*cell, error) {
	c := &cell{dir: dir, name: name, files: map[string][]byte{}}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	for _, e := range ents {
		n := e.Name()
		switch {
		case e.IsDir():
			if hasGoFiles(filepath.Join(dir, n), 3) {
				return nil, notCell("the folder %s has Go files in a subfolder (%s)", dir, n)
			}
		case n == "go.work" || n == "go.work.sum":
			return nil, notCell("the folder %s has a go.work", dir)
		case strings.HasSuffix(n, ".go") || n == "go.mod" || n == "go.sum":
			if !e.Type().IsRegular() {
				return nil, notCell("%s is not a regular file", n)
			}
			b, err := os.ReadFile(filepath.Join(dir, n))
			if err != nil {
				return nil, err
			}
			c.files[n] = b
		case cgoFiles[filepath.Ext(n)]:
			return nil, notCell("the folder %s has a %s file (%s)", dir, filepath.Ext(n), n)
		}
	}
	gomod, ok := c.files["go.mod"]
	if !ok {
		return nil, notCell("the folder %s has no go.mod", dir)
	}
	if c.mod, err = parseModFile(gomod); err != nil {
		return nil, notCell("%v", err)
	}
	if c.mod.module != name {
		return nil, notCell("the module is %q, not GoNB's %q", c.mod.module, name)
	}
	c.files["go.mod"] = withModule(gomod, CanonicalModule)
	set := map[string]bool{}
	for n, src := range c.files {
		if !strings.HasSuffix(n, ".go") {
			continue
		}
		if bytes.Contains(src, []byte("//go:embed")) {
			return nil, notCell("%s embeds files", n)
		}
		imps, err := importsOf(n, src)
		if err != nil {
			// A cell that does not parse: let go build say so, as it would.
			return nil, notCell("%s does not parse: %v", n, err)
		}
		for _, p := range imps {
			set[p] = true
		}
	}
	for p := range set {
		c.imports = append(c.imports, p)
	}
	sort.Strings(c.imports)
	return c, nil
}

// importsOf returns the import paths of a Go file.
func importsOf(name string, src []byte) ([]string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ImportsOnly)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, imp := range f.Imports {
		p, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// hasGoFiles reports whether dir or its subfolders (depth levels down) hold a
// .go file or a go.mod, or could not be read.
func hasGoFiles(dir string, depth int) bool {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return !errors.Is(err, os.ErrNotExist)
	}
	for _, e := range ents {
		n := e.Name()
		if e.IsDir() {
			if depth == 0 || hasGoFiles(filepath.Join(dir, n), depth-1) {
				return true
			}
		} else if strings.HasSuffix(n, ".go") || n == "go.mod" {
			return true
		}
	}
	return false
}

// sortedNames returns the names of the cell's files in order.
func (c *cell) sortedNames() []string {
	names := make([]string, 0, len(c.files))
	for n := range c.files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
