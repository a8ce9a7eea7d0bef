package cellcache_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// These tests run the kernel's go command (internal/cmd/kernelgo, built once)
// the way GoNB does, in folders named like GoNB's (/tmp/.../gonb_<id>), on a
// cell that imports a small local module (replace => DIR) with an embedded
// file, and run the binaries it leaves. What the cache did is read from its
// log (EIF_CELLCACHE_VERBOSE=1).

var (
	wrapperOnce sync.Once
	wrapperPath string
	wrapperErr  error
)

// wrapper builds the kernel's go command once.
func wrapper(t testing.TB) string {
	t.Helper()
	wrapperOnce.Do(func() {
		dir, err := os.MkdirTemp("", "kernelgo")
		if err != nil {
			wrapperErr = err
			return
		}
		wrapperPath = filepath.Join(dir, "go")
		out, err := exec.Command("go", "build", "-o", wrapperPath, "github.com/eif-notebooks/eif-notebooks/internal/cmd/kernelgo").CombinedOutput()
		if err != nil {
			wrapperErr = fmt.Errorf("building the kernel's go: %v\n%s", err, out)
		}
	})
	if wrapperErr != nil {
		t.Fatal(wrapperErr)
	}
	return wrapperPath
}

func realGo(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go on PATH")
	}
	return p
}

// world is one test's setting: a local module, a user's cache, a log.
type world struct {
	t      *testing.T
	tmp    string
	mod    string // the local module example.com/eiftest
	cache  string // EIF_CELLCACHE
	seeds  string // EIF_CELLCACHE_SEED
	log    string
	logPos int
	env    []string // more variables
	goBin  string   // EIF_GO
	n      int
}

const modPath = "example.com/eiftest"

func newWorld(t *testing.T) *world {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: these tests link programs with the real go (about 80 s in all)")
	}
	tmp := t.TempDir()
	w := &world{t: t, tmp: tmp, mod: filepath.Join(tmp, "eiftest"), cache: filepath.Join(tmp, "cache"),
		log: filepath.Join(tmp, "cache.log"), goBin: realGo(t)}
	w.write(w.mod, "go.mod", "module "+modPath+"\n\ngo 1.22\n")
	w.write(w.mod, "val/val.go", "package val\n\nimport _ \"embed\"\n\n// V is what the cell prints.\nconst V = \"v1\"\n\n//go:embed words.txt\nvar Words string\n")
	w.write(w.mod, "val/words.txt", "hello")
	w.write(w.mod, "val/val_test.go", "package val\n")
	return w
}

func (w *world) write(dir, name, text string) {
	w.t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		w.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		w.t.Fatal(err)
	}
}

// kernel is one GoNB kernel's folder.
type kernel struct {
	dir, name string
}

// newKernel makes a GoNB folder whose cell prints val.V, val.Words and the
// variable main.x (set with -ldflags=-X), then body.
func (w *world) newKernel(body string) *kernel {
	w.t.Helper()
	w.n++
	name := fmt.Sprintf("gonb_%08x", w.n*7919+len(w.t.Name()))
	k := &kernel{dir: filepath.Join(w.tmp, "kernels", name), name: name}
	w.write(k.dir, "go.mod", fmt.Sprintf("module %s\n\ngo 1.22\n\nreplace %s => %s\n\nrequire %s v0.0.0-00010101000000-000000000000\n",
		name, modPath, w.mod, modPath))
	w.setCell(k, body)
	return k
}

func (w *world) setCell(k *kernel, body string) {
	w.write(k.dir, "main.go", "package main\n\nimport (\n\t\"fmt\"\n\n\t\""+modPath+"/val\"\n)\n\nvar x = \"x0\"\n\nfunc main() {\n\tfmt.Println(val.V, val.Words, x)\n"+body+"}\n")
}

// goCmd runs the kernel's go in k's folder, as GoNB does, and returns its
// output and the cache's log lines it wrote.
func (w *world) goCmd(k *kernel, args ...string) (out string, log string, err error) {
	w.t.Helper()
	cmd := exec.Command(wrapper(w.t), args...)
	cmd.Dir = k.dir
	cmd.Env = append(os.Environ(), "EIF_GO="+w.goBin, "EIF_CELLCACHE="+w.cache, "EIF_CELLCACHE_SEED="+w.seeds,
		"EIF_CELLCACHE_LOG="+w.log, "EIF_CELLCACHE_VERBOSE=1", "GOFLAGS=-mod=mod", "GOPROXY=off", "GOSUMDB=off",
		"GOTOOLCHAIN=local", "GOWORK=off")
	cmd.Env = append(cmd.Env, w.env...)
	b, err := cmd.CombinedOutput()
	return string(b), w.newLog(), err
}

func (w *world) newLog() string {
	b, _ := os.ReadFile(w.log)
	s := string(b[min(w.logPos, len(b)):])
	w.logPos = len(b)
	return s
}

// build runs GoNB's two commands for a cell (go get, then go build -o), runs
// the binary and returns what it printed and what the cache's log said.
func (w *world) build(k *kernel, flags ...string) (printed, log string) {
	w.t.Helper()
	out, getLog, err := w.goCmd(k, "get")
	if err != nil {
		w.t.Fatalf("go get: %v\n%s\nlog: %s", err, out, getLog)
	}
	bin := filepath.Join(k.dir, k.name)
	out, l, err := w.goCmd(k, append([]string{"build", "-o", bin}, flags...)...)
	l = getLog + l
	if err != nil {
		w.t.Fatalf("go build: %v\n%s\nlog: %s", err, out, l)
	}
	got, err := exec.Command(bin).CombinedOutput()
	if err != nil {
		w.t.Fatalf("running the cell's binary: %v\n%s\nlog: %s", err, got, l)
	}
	return strings.TrimSpace(string(got)), l
}

// prime builds two cells of the default imports, so that the next build of
// a cell with those imports finds a recipe (the first build may have had to
// compile the local package, and a build that compiles a dependency leaves none).
func (w *world) prime() {
	w.t.Helper()
	w.build(w.newKernel("\tfmt.Println(\"prime 1\")\n"))
	w.build(w.newKernel("\tfmt.Println(\"prime 2\")\n"))
}

// built reports whether the log says the cell was built (not taken from a cache).
func built(log string) bool {
	return strings.Contains(log, linked) || strings.Contains(log, rebuilt) || strings.Contains(log, recipe) ||
		strings.Contains(log, checked)
}

// expect checks what the binary printed and that the log says want.
func (w *world) expect(what, printed, log, wantPrinted, wantLog string) {
	w.t.Helper()
	if printed != wantPrinted {
		w.t.Errorf("%s: the cell printed %q, want %q\nlog:\n%s", what, printed, wantPrinted, log)
	}
	if !strings.Contains(log, wantLog) {
		w.t.Errorf("%s: the cache's log does not say %q:\n%s", what, wantLog, log)
	}
}

const (
	cached  = ": cached binary" // served from the user's cache, without go build
	linked  = ": linked"        // go build, the first build of a cell
	rebuilt = ": relinked"      // go build, from the last binary built from the same cell
	checked = "go build found the last binary up to date"
	recipe  = ": compiled and linked from the recipe" // compile and link, without the go command
)

// TestReuseAcrossKernels: a cell that a kernel built is served to another
// kernel of the same user from the cache, without go build, whatever the
// variables that do not change a build.
func TestReuseAcrossKernels(t *testing.T) {
	w := newWorld(t)
	k1 := w.newKernel("")
	printed, log := w.build(k1)
	w.expect("first build", printed, log, "v1 hello x0", linked)
	k2 := w.newKernel("")
	// Variables of each kernel, of gopls, and of go's caches change no binary.
	// (GO_VERSION: a Docker build argument of the image's build stage, where the seed is made.)
	w.env = append(w.env, "GONB_DIR=/elsewhere", "GOPLSCACHE=/elsewhere", "GOMAXPROCS=1", "GO_VERSION=1.0",
		"GOCACHE="+filepath.Join(w.tmp, "gocache"))
	printed, log = w.build(k2)
	w.expect("same cell, another kernel", printed, log, "v1 hello x0", cached)
	if !strings.Contains(log, "go get skipped") {
		t.Errorf("the second go get with the same inputs was not skipped:\n%s", log)
	}
}

// TestEveryChangeRebuilds: each change that can change the binary makes the
// next build miss the cache: an edited cell, an edited package file, an edited
// embedded file, a new file in the package, the local module's go.mod, GoNB's
// build flags, GOFLAGS, GOTOOLCHAIN and the go toolchain itself. Where the
// change shows in what the cell prints, the new binary is checked to print it.
func TestEveryChangeRebuilds(t *testing.T) {
	w := newWorld(t)
	w.prime()
	k := w.newKernel("")
	printed, log := w.build(k)
	w.expect("first build", printed, log, "v1 hello x0", recipe)

	steps := []struct {
		name, want, did string
		change          func() []string // returns build flags
	}{
		{"an edited cell", "v1 hello x0\nedited", recipe, func() []string {
			w.setCell(k, "\tfmt.Println(\"edited\")\n")
			return nil
		}},
		{"an edited package file", "v2 hello x0\nedited", rebuilt, func() []string {
			w.write(w.mod, "val/val.go", strings.Replace(read(t, w.mod, "val/val.go"), `"v1"`, `"v2"`, 1))
			return nil
		}},
		{"an edited embedded file", "v2 bonjour x0\nedited", rebuilt, func() []string {
			w.write(w.mod, "val/words.txt", "bonjour")
			return nil
		}},
		{"a new file in the package", "v2 bonjour! x0\nedited", rebuilt, func() []string {
			w.write(w.mod, "val/init.go", "package val\n\nfunc init() { Words += \"!\" }\n")
			return nil
		}},
		{"GoNB's build flags (%goflags)", "v2 bonjour! x1\nedited", rebuilt, func() []string {
			return []string{"-ldflags=-X main.x=x1"}
		}},
		{"GOFLAGS", "v2 bonjour! x2\nedited", rebuilt, func() []string {
			w.env = append(w.env, "GOFLAGS=-mod=mod -ldflags=-X=main.x=x2")
			return nil
		}},
	}
	for _, s := range steps {
		flags := s.change()
		printed, log := w.build(k, flags...)
		w.expect(s.name, printed, log, s.want, s.did)
	}
	final := "v2 bonjour! x2\nedited"

	// Changes that do not show in the output: the build must still miss.
	misses := []struct {
		name   string
		change func()
	}{
		{"the local module's go.mod", func() {
			w.write(w.mod, "go.mod", "module "+modPath+"\n\ngo 1.22\n\n// edited\n")
		}},
		{"GOTOOLCHAIN", func() { w.env = append(w.env, "GOTOOLCHAIN=local+path") }},
		{"the go toolchain (another GOROOT)", func() { w.goBin = copyToolchain(t, w.goBin) }},
		{"the go binary's time", func() {
			now := mustStat(t, w.goBin).ModTime().Add(1e9)
			if err := os.Chtimes(w.goBin, now, now); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, m := range misses {
		m.change()
		printed, log := w.build(k)
		w.expect(m.name, printed, log, final, "cell ")
		if !built(log) {
			t.Errorf("%s: the cell was not built again:\n%s", m.name, log)
		}
		// And the next build, with nothing changed, is a hit again.
		printed, log = w.build(k)
		w.expect(m.name+", then nothing", printed, log, final, cached)
	}
}

// TestGoGetRunsWhenImportsChange: the per-cell go get is skipped only for the
// inputs it ran with and changed nothing; a new import runs it again.
func TestGoGetRunsWhenImportsChange(t *testing.T) {
	w := newWorld(t)
	k := w.newKernel("")
	w.build(k)
	_, log := w.build(k)
	if !strings.Contains(log, "go get skipped") {
		t.Errorf("go get was not skipped with the same inputs:\n%s", log)
	}
	w.write(w.mod, "other/other.go", "package other\n\nconst O = \"o\"\n")
	w.write(k.dir, "extra.go", "package main\n\nimport \""+modPath+"/other\"\n\nvar _ = other.O\n")
	printed, log := w.build(k)
	if strings.Contains(log, "go get skipped") {
		t.Errorf("go get was skipped after the cell's imports changed:\n%s", log)
	}
	w.expect("a new import", printed, log, "v1 hello x0", "cell ")
	if !built(log) {
		t.Errorf("a new import: the cell was not built:\n%s", log)
	}
	w.write(w.mod, "other/other.go", "package other\n\nimport _ \"fmt\"\n\nconst O = \"o\"\n")
	_, log = w.build(k)
	if strings.Contains(log, "go get skipped") {
		t.Errorf("go get was skipped after a local package's imports changed:\n%s", log)
	}
}

func read(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mustStat(t *testing.T, p string) os.FileInfo {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi
}

// copyToolchain makes another GOROOT from the one of goBin: a copy of bin/go
// (go finds its GOROOT from its own path), the rest linked to the original.
func copyToolchain(t *testing.T, goBin string) string {
	t.Helper()
	real, err := filepath.EvalSymlinks(goBin)
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Dir(filepath.Dir(real))
	dst := filepath.Join(t.TempDir(), "goroot")
	if err := os.MkdirAll(filepath.Join(dst, "bin"), 0o755); err != nil {
		t.Fatal(err)
	}
	ents, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if e.Name() == "bin" {
			continue
		}
		if err := os.Symlink(filepath.Join(root, e.Name()), filepath.Join(dst, e.Name())); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(real)
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dst, "bin", "go")
	if err := os.WriteFile(bin, b, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "version").CombinedOutput(); err != nil || !bytes.HasPrefix(out, []byte("go version")) {
		t.Fatalf("the copied toolchain does not run: %v\n%s", err, out)
	}
	return bin
}
