package fast_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestFusedSetOnce parses the package's source files and fails if any assigns to fused,
// or takes its address, outside its declaration: the choice of FMA is made once, when
// the program starts (internal/fast is the only package that can see the variable).
func TestFusedSetOnce(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	declared := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			var targets []ast.Expr
			switch n := n.(type) {
			case *ast.ValueSpec:
				for _, id := range n.Names {
					if id.Name == "fused" {
						declared++
					}
				}
			case *ast.AssignStmt:
				targets = n.Lhs
			case *ast.IncDecStmt:
				targets = []ast.Expr{n.X}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					targets = []ast.Expr{n.X}
				}
			}
			for _, e := range targets {
				if id, ok := e.(*ast.Ident); ok && id.Name == "fused" {
					t.Errorf("%s: fused is changed after its declaration", fset.Position(id.Pos()))
				}
			}
			return true
		})
	}
	if declared != 1 {
		t.Errorf("fused is declared %d times, want once", declared)
	}
}
