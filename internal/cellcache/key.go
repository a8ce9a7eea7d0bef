package cellcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
)

// keyVersion changes when what the keys cover changes: every old key then misses.
const keyVersion = "eif-cellcache-1"

// hasher writes length-prefixed fields, so that no two lists of fields hash alike.
type hasher struct{ h hash.Hash }

func newHasher(kind string) *hasher {
	h := &hasher{sha256.New()}
	h.str(keyVersion)
	h.str(kind)
	return h
}

func (h *hasher) bytes(b []byte) {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(b)))
	h.h.Write(n[:])
	h.h.Write(b)
}

func (h *hasher) str(s ...string) {
	for _, x := range s {
		h.bytes([]byte(x))
	}
}

func (h *hasher) sum() string { return hex.EncodeToString(h.h.Sum(nil)) }

// srcKey names a cell by what GoNB wrote for it (normalised): its folder in
// the cache. Two kernels that run the same cell share it.
//
// go.sum counts without its lines for go.mod files (`mod version/go.mod h1:…`):
// they change no binary (a module version's go.mod never changes, and the
// kernel's -mod=mod adds a missing one), and they come and go with who ran go
// in GoNB's folder first (gopls, the setup cell's go list): with them, a new
// student's kernel missed the image's seed for most cells.
func srcKey(c *cell) string {
	h := newHasher("src")
	for _, n := range c.sortedNames() {
		h.str(n)
		if n == "go.sum" {
			h.bytes(withoutGoModSums(c.files[n]))
		} else {
			h.bytes(c.files[n])
		}
	}
	return h.sum()
}

// withoutGoModSums returns go.sum without the lines of go.mod files' hashes.
func withoutGoModSums(sum []byte) []byte {
	var out []byte
	for _, line := range bytes.SplitAfter(sum, []byte("\n")) {
		if f := bytes.Fields(line); len(f) == 3 && bytes.HasSuffix(f[1], []byte("/go.mod")) {
			continue
		}
		out = append(out, line...)
	}
	return out
}

// buildKey is everything a build of the cell depends on besides Go's module
// cache, whose content go.sum pins: the cell's files, the build flags, the
// environment that go reads, the toolchain, and the files of the packages
// of local modules (replace => DIR) that the cell imports, directly or not.
func buildKey(src string, flags []string, inputs *inputs) string {
	h := newHasher("build")
	h.str(src)
	h.str(strings.Join(flags, "\x00"))
	h.str(inputs.env, inputs.toolchain, inputs.local)
	return h.sum()
}

// getKey is what GoNB's per-cell `go get` reads: go.mod, go.sum, the imports
// of the cell (not the rest of its code), the environment, the toolchain and
// the local packages (their imports and go.mod files).
func getKey(c *cell, args []string, inputs *inputs) string {
	h := newHasher("get")
	h.str(strings.Join(args, "\x00"))
	h.bytes(c.files["go.mod"])
	h.bytes(c.files["go.sum"])
	h.str(strings.Join(c.imports, "\x00"))
	h.str(inputs.env, inputs.toolchain, inputs.local)
	return h.sum()
}

// inputs are the parts of a key that are not the cell's own files.
type inputs struct {
	env, toolchain, local string
}

func readInputs(c *cell, env []string, goBin string) (*inputs, error) {
	in := &inputs{env: envKey(env)}
	var err error
	if in.toolchain, err = toolchainKey(goBin, env); err != nil {
		return nil, err
	}
	if in.local, err = localKey(c.mod, c.imports); err != nil {
		return nil, err
	}
	return in, nil
}

// Variables that change what go does but not what it builds, or that change
// with each kernel (and GONB*, GOPLS*: GoNB's and gopls's own).
var envIgnored = map[string]bool{
	"GOCACHE": true, "GOCACHEPROG": true, "GOPROXY": true, "GONOPROXY": true, "GOPRIVATE": true,
	"GOSUMDB": true, "GONOSUMDB": true, "GONOSUMCHECK": true, "GOINSECURE": true, "GOVCS": true,
	"GOAUTH": true, "GOTELEMETRY": true, "GOTELEMETRYDIR": true, "GOGC": true, "GOMEMLIMIT": true,
	"GOMAXPROCS": true, "GOTRACEBACK": true,
}

// goVar reports whether go may read the variable: GO followed by capitals and
// digits (GOOS, GOAMD64, GO111MODULE, ...), and GOROOT_FINAL and
// GO_EXTLINK_ENABLED. Other names with an underscore (GO_VERSION, a Docker
// build argument) are not go's.
func goVar(name string) bool {
	if name == "GOROOT_FINAL" || name == "GO_EXTLINK_ENABLED" {
		return true
	}
	if !strings.HasPrefix(name, "GO") || len(name) == 2 {
		return false
	}
	for _, c := range name[2:] {
		if !('A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// Variables go reads besides GO* and CGO_*.
var envTools = map[string]bool{"CC": true, "CXX": true, "FC": true, "AR": true, "PKG_CONFIG": true, "GCCGO": true}

// envKey hashes the variables go reads for a build, the go env file, and the
// C compiler go would find when CGO_ENABLED is unset.
func envKey(env []string) string {
	var kept []string
	vars := map[string]string{}
	for _, kv := range env {
		name, value, _ := strings.Cut(kv, "=")
		vars[name] = value
		switch {
		case strings.HasPrefix(name, "GONB"), strings.HasPrefix(name, "GOPLS"), envIgnored[name]:
		case goVar(name), strings.HasPrefix(name, "CGO_"), envTools[name]:
			kept = append(kept, kv)
		}
	}
	sort.Strings(kept)
	h := newHasher("env")
	h.str(kept...)
	h.str("--goenv")
	if f := goEnvFile(vars); f != "" {
		b, err := os.ReadFile(f)
		if err == nil {
			h.str(f)
			h.bytes(b)
		}
	}
	if vars["CGO_ENABLED"] == "" {
		cc := "gcc"
		if f := strings.Fields(vars["CC"]); len(f) > 0 {
			cc = f[0]
		}
		p, _ := exec.LookPath(cc)
		h.str("--cc", p)
	}
	return h.sum()
}

// goEnvFile is the file `go env -w` writes.
func goEnvFile(vars map[string]string) string {
	if f, ok := vars["GOENV"]; ok {
		if f == "off" {
			return ""
		}
		return f
	}
	dir := vars["XDG_CONFIG_HOME"]
	if dir == "" {
		if vars["HOME"] == "" {
			return ""
		}
		dir = filepath.Join(vars["HOME"], ".config")
	}
	return filepath.Join(dir, "go", "env")
}

// toolchainKey names the go command and its toolchain: the binary's path,
// size and time, GOROOT's VERSION and go.env, and its compiler, assembler and
// linker.
func toolchainKey(goBin string, env []string) (string, error) {
	real, err := filepath.EvalSymlinks(goBin)
	if err != nil {
		return "", err
	}
	goroot := ""
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "GOROOT="); ok {
			goroot = v
		}
	}
	if goroot == "" {
		goroot = filepath.Dir(filepath.Dir(real))
	}
	h := newHasher("toolchain")
	h.str(real, goroot)
	tools := filepath.Join(goroot, "pkg", "tool", runtime.GOOS+"_"+runtime.GOARCH)
	for _, f := range []string{real, filepath.Join(tools, "compile"), filepath.Join(tools, "link"), filepath.Join(tools, "asm")} {
		if fi, err := os.Stat(f); err == nil {
			h.str(f, fi.ModTime().UTC().String(), fi.Mode().String())
			h.str(string(binary.LittleEndian.AppendUint64(nil, uint64(fi.Size()))))
		} else {
			h.str(f, "absent")
		}
	}
	for _, f := range []string{"VERSION", "go.env"} {
		b, _ := os.ReadFile(filepath.Join(goroot, f))
		h.str(f)
		h.bytes(b)
	}
	return h.sum(), nil
}

// localKey hashes the packages of local modules that the imports reach: for
// each, the names and bytes of its files (not its _test.go files), and, when
// it embeds files, of every file below it. The local modules' go.mod and go.sum
// files too. Build constraints are not read: every .go file's imports are followed.
func localKey(mod modFile, imports []string) (string, error) {
	h := newHasher("local")
	mods := make([]string, 0, len(mod.local))
	for m := range mod.local {
		mods = append(mods, m)
	}
	sort.Strings(mods)
	for _, m := range mods {
		dir := mod.local[m]
		h.str("module", m, dir)
		for _, f := range []string{"go.mod", "go.sum"} {
			b, err := os.ReadFile(filepath.Join(dir, f))
			if err != nil && !os.IsNotExist(err) {
				return "", err
			}
			h.str(f)
			h.bytes(b)
		}
	}
	// The longest module path first: a module nested in another is its own.
	sort.Slice(mods, func(i, j int) bool { return len(mods[i]) > len(mods[j]) })
	seen := map[string]bool{}
	queue := append([]string(nil), imports...)
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if seen[p] {
			continue
		}
		seen[p] = true
		m := ""
		for _, x := range mods {
			if p == x || strings.HasPrefix(p, x+"/") {
				m = x
				break
			}
		}
		if m == "" {
			continue // the standard library, or a module in Go's module cache
		}
		more, err := hashPackage(h, p, mod.local[m], strings.TrimPrefix(p, m))
		if err != nil {
			return "", err
		}
		queue = append(queue, more...)
	}
	return h.sum(), nil
}

// hashPackage hashes the package p, in the folder rel of the module at root,
// and returns its imports.
func hashPackage(h *hasher, p, root, rel string) ([]string, error) {
	h.str("package", p)
	dir := filepath.Join(root, filepath.FromSlash(rel))
	// A go.mod between the module's root and the package: it is another module's.
	for d := dir; len(d) > len(root); d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			h.str("nested module", d)
			return nil, nil
		}
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		if os.IsNotExist(err) {
			h.str("absent")
			return nil, nil
		}
		return nil, err
	}
	var imports []string
	embeds := false
	for _, e := range ents {
		n := e.Name()
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		fi, err := os.Stat(filepath.Join(dir, n))
		if err != nil || !fi.Mode().IsRegular() {
			h.str("other", n)
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			return nil, err
		}
		h.str("file", n)
		h.bytes(b)
		if strings.HasSuffix(n, ".go") {
			if bytes.Contains(b, []byte("//go:embed")) {
				embeds = true
			}
			// A file that does not parse: its bytes are keyed; go build will say why.
			imps, _ := importsOf(n, b)
			imports = append(imports, imps...)
		}
	}
	if embeds {
		if err := hashTree(h, dir); err != nil {
			return nil, err
		}
	}
	return imports, nil
}

// hashTree hashes the names and bytes of every file below dir, except in .git
// folders and in folders of other modules.
func hashTree(h *hasher, dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if d.IsDir() {
			if d.Name() == ".git" {
				return filepath.SkipDir
			}
			if path != dir {
				if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
					return filepath.SkipDir
				}
			}
			return nil
		}
		fi, err := os.Stat(path)
		if err != nil || !fi.Mode().IsRegular() {
			h.str("tree other", rel)
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		h.str("tree file", rel)
		h.bytes(b)
		return nil
	})
}
