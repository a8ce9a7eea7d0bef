package portable

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/eif/internal/portable/sourcecheck"
)

// TestReproducibleSource parses the package's source files (not its tests, which compare
// with math) and fails if one uses math.Exp, math.Log, math.Expm1 or math.FMA, under
// whatever name math is imported, or imports the fast kernels.
func TestReproducibleSource(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var src []string
	for _, name := range files {
		if !strings.HasSuffix(name, "_test.go") {
			src = append(src, name)
		}
	}
	if len(src) < 4 {
		t.Fatalf("found %d source files %v, want the package's (at least 4)", len(src), src)
	}
	sourcecheck.Files(t, src...)
}

// TestReproducibleSourceCatches checks that sourcecheck finds each kind of violation, so
// that TestReproducibleSource cannot pass for want of looking.
func TestReproducibleSourceCatches(t *testing.T) {
	for _, c := range []struct {
		src  string
		want int
	}{
		{"package p\nimport \"math\"\nfunc f(x float64) float64 { return math.Exp(x) + math.Sqrt(x) }", 1},
		{"package p\nimport m \"math\"\nvar g = m.Expm1\nfunc f(x float64) float64 { return m.Log(x) * m.FMA(x, x, x) }", 3},
		{"package p\nimport _ \"" + sourcecheck.FastPath + "\"", 1},
		{"package p\nimport . \"math\"\nfunc f(x float64) float64 { return Exp(x) }", 1},
		{"package p\nimport \"math\"\nfunc f(x float64) float64 { return math.Sqrt(x) + math.Ldexp(x, 2) }", 0},
	} {
		got, err := sourcecheck.Source("case.go", []byte(c.src))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != c.want {
			t.Errorf("%q: %d violations %v, want %d", c.src, len(got), got, c.want)
		}
	}
}

// TestReproducibleProducts fails on a float product that Go may fuse into a sum in the
// package's source files.
func TestReproducibleProducts(t *testing.T) {
	sourcecheck.Products(t, "exp.go", "emexp.go", "normal.go")
}

// TestReproducibleProductsCatches checks that sourcecheck finds the products Go may fuse,
// and only those: not integer products, constants, rounded products or products inside
// other products.
func TestReproducibleProductsCatches(t *testing.T) {
	dir := t.TempDir()
	src := `package p

const c = 2 * 3.5

func f(a, b, z float64, i, j int) float64 {
	x := a * b           // stored: 1
	y := float64(a * b)  // rounded
	k := i*j + 1         // integers
	w := a * b * z       // stored: 1 (the inner product is a factor)
	x += a * b           // in a sum: 1
	return (a*b + z) - -(a * z) + float64(a*b) + y + c*1 + float64(k) + w // 2
}
`
	if err := os.WriteFile(filepath.Join(dir, "p.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := sourcecheck.PackageProducts(dir, "p.go")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 5 {
		t.Errorf("%d products found, want 5: %v", len(got), got)
	}
}
