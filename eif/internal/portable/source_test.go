package portable

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// forbidden are the functions of package math whose results differ between machines, or
// which fuse: math.Exp and math.Log (fused multiply–adds on amd64 with FMA), math.Expm1
// (assembly on s390x) and math.FMA itself.
var forbidden = map[string]bool{"Exp": true, "Log": true, "Expm1": true, "FMA": true}

// fastPath is the import path of the fast kernels, which may fuse.
const fastPath = "github.com/eif-notebooks/eif-notebooks/eif/internal/fast"

// TestReproducibleSource parses the package's source files (not its tests, which compare
// with math) and fails if one calls or refers to a forbidden function of math, under
// whatever name math is imported, or imports the fast kernels.
func TestReproducibleSource(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		for _, bad := range violations(t, name) {
			t.Errorf("%s: the reproducible kernels must not use %s", bad.pos, bad.what)
		}
		checked++
	}
	if checked < 3 {
		t.Fatalf("checked %d source files, want the package's (at least 3)", checked)
	}
}

type violation struct {
	pos  token.Position
	what string
}

// violations returns the forbidden imports and uses of math in the file name.
func violations(t *testing.T, name string) []violation {
	t.Helper()
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return sourceViolations(t, name, src)
}

func sourceViolations(t *testing.T, name string, src []byte) []violation {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var out []violation
	mathNames := map[string]bool{}
	for _, imp := range f.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		switch {
		case path == fastPath || strings.HasPrefix(path, fastPath+"/"):
			out = append(out, violation{fset.Position(imp.Pos()), "an import of " + path})
		case path == "math":
			local := "math"
			if imp.Name != nil {
				local = imp.Name.Name
			}
			if local == "." {
				out = append(out, violation{fset.Position(imp.Pos()), `a dot import of "math"`})
			}
			mathNames[local] = true
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if id, ok := sel.X.(*ast.Ident); ok && mathNames[id.Name] && forbidden[sel.Sel.Name] {
			out = append(out, violation{fset.Position(sel.Pos()), "math." + sel.Sel.Name})
		}
		return true
	})
	return out
}

// TestReproducibleSourceCatches checks that the check of TestReproducibleSource finds
// each kind of violation, so that it cannot pass for want of looking.
func TestReproducibleSourceCatches(t *testing.T) {
	for _, c := range []struct {
		src  string
		want int
	}{
		{"package p\nimport \"math\"\nfunc f(x float64) float64 { return math.Exp(x) + math.Sqrt(x) }", 1},
		{"package p\nimport m \"math\"\nvar g = m.Expm1\nfunc f(x float64) float64 { return m.Log(x) * m.FMA(x, x, x) }", 3},
		{"package p\nimport _ \"" + fastPath + "\"", 1},
		{"package p\nimport . \"math\"\nfunc f(x float64) float64 { return Exp(x) }", 1},
		{"package p\nimport \"math\"\nfunc f(x float64) float64 { return math.Sqrt(x) + math.Ldexp(x, 2) }", 0},
	} {
		if got := sourceViolations(t, "case.go", []byte(c.src)); len(got) != c.want {
			t.Errorf("%q: %d violations %v, want %d", c.src, len(got), got, c.want)
		}
	}
}
