package sourcecheck

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Forbidden are the functions of package math that the reproducible path must not use.
var Forbidden = []string{"Exp", "Log", "Expm1", "FMA"}

// FastPath is the import path of the fast kernels, which may fuse.
const FastPath = "github.com/eif-notebooks/eif-notebooks/eif/internal/fast"

// A Violation is a forbidden use at a place in a file.
type Violation struct {
	Pos  token.Position
	What string
}

// Files fails t with one error per violation in the named files; a file that cannot be
// read or parsed fails it too.
func Files(t *testing.T, names ...string) {
	t.Helper()
	if len(names) == 0 {
		t.Fatal("sourcecheck: no file to check")
	}
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		vs, err := Source(name, src)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vs {
			t.Errorf("%s: the reproducible path must not use %s", v.Pos, v.What)
		}
	}
}

// Source returns the violations in the source src of the file name: calls of, or
// references to, the forbidden functions of math under whatever name it is imported, a
// dot import of math (which would hide them), and imports of the fast kernels.
func Source(name string, src []byte) ([]Violation, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var out []Violation
	mathNames := map[string]bool{}
	for _, imp := range f.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		switch {
		case path == FastPath || strings.HasPrefix(path, FastPath+"/"):
			out = append(out, Violation{fset.Position(imp.Pos()), "an import of " + path})
		case path == "math":
			local := "math"
			if imp.Name != nil {
				local = imp.Name.Name
			}
			if local == "." {
				out = append(out, Violation{fset.Position(imp.Pos()), `a dot import of "math"`})
			}
			mathNames[local] = true
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if id, ok := sel.X.(*ast.Ident); ok && mathNames[id.Name] && forbidden(sel.Sel.Name) {
			out = append(out, Violation{fset.Position(sel.Pos()), "math." + sel.Sel.Name})
		}
		return true
	})
	return out, nil
}

func forbidden(name string) bool {
	for _, f := range Forbidden {
		if name == f {
			return true
		}
	}
	return false
}

// Products fails t with one error per unrounded float product (see the package doc) in
// the named files of the package in the current directory, which it type-checks from
// source to tell float products from integer ones.
func Products(t *testing.T, names ...string) {
	t.Helper()
	vs, err := PackageProducts(".", names...)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		t.Errorf("%s: %s", v.Pos, v.What)
	}
}

// PackageProducts type-checks the package in dir (its non-test files) and returns the
// unrounded float products in the named files.
func PackageProducts(dir string, names ...string) ([]Violation, error) {
	all, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	var files, checked []*ast.File
	for _, path := range all {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
		for _, n := range names {
			if filepath.Base(path) == n {
				checked = append(checked, f)
			}
		}
	}
	if len(checked) != len(names) {
		return nil, &os.PathError{Op: "sourcecheck", Path: strings.Join(names, ", "), Err: os.ErrNotExist}
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	if _, err := conf.Check(files[0].Name.Name, fset, files, info); err != nil {
		return nil, err
	}
	var out []Violation
	for _, f := range checked {
		out = append(out, products(fset, f, info)...)
	}
	return out, nil
}

// products returns the float products of f that are an operand of + or −, or are
// assigned to a variable, without a conversion that rounds them.
func products(fset *token.FileSet, f *ast.File, info *types.Info) []Violation {
	var out []Violation
	report := func(e ast.Expr, where string) {
		if p := floatProduct(e, info); p != nil {
			out = append(out, Violation{fset.Position(p.Pos()), "a product " + where + " that Go may fuse: write float64(…) around it"})
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if (n.Op == token.ADD || n.Op == token.SUB) && isFloat(info.TypeOf(n)) {
				report(n.X, "in a sum")
				report(n.Y, "in a sum")
			}
		case *ast.AssignStmt:
			for _, r := range n.Rhs {
				switch n.Tok {
				case token.ADD_ASSIGN, token.SUB_ASSIGN:
					report(r, "in a sum")
				case token.DEFINE, token.ASSIGN:
					report(r, "stored in a variable")
				}
			}
		case *ast.ValueSpec:
			for _, r := range n.Values {
				report(r, "stored in a variable")
			}
		}
		return true
	})
	return out
}

// floatProduct returns e, without its parentheses and a unary minus, if it is a float
// product that is not a constant, and nil otherwise.
func floatProduct(e ast.Expr, info *types.Info) *ast.BinaryExpr {
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
			continue
		case *ast.UnaryExpr:
			if x.Op == token.SUB || x.Op == token.ADD {
				e = x.X
				continue
			}
		}
		break
	}
	b, ok := e.(*ast.BinaryExpr)
	if !ok || b.Op != token.MUL {
		return nil
	}
	tv := info.Types[b]
	if tv.Value != nil || !isFloat(tv.Type) {
		return nil // a constant is exact, and integers do not fuse
	}
	return b
}

func isFloat(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsFloat != 0
}
