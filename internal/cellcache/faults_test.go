package cellcache_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// entries returns the cells' folders of a cache.
func entries(t *testing.T, cache string) []string {
	t.Helper()
	dirs, _ := filepath.Glob(filepath.Join(cache, "v1", "cells", "*"))
	return dirs
}

// onlyEntry returns the entry file of the only cell in the cache.
func onlyEntry(t *testing.T, cache string) string {
	t.Helper()
	dirs := entries(t, cache)
	if len(dirs) != 1 {
		t.Fatalf("the cache holds %d cells, want 1: %v", len(dirs), dirs)
	}
	return filepath.Join(dirs[0], "entry")
}

// checkEntry checks that an entry's bytes are those its key names.
func checkEntry(t *testing.T, dir string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "entry"))
	if err != nil {
		t.Fatal(err)
	}
	key, err := os.ReadFile(filepath.Join(dir, "entry.key"))
	if err != nil {
		t.Fatal(err)
	}
	f := strings.Fields(string(key))
	sum := sha256.Sum256(b)
	if len(f) != 3 || f[1] != hex.EncodeToString(sum[:]) || f[2] != strconv.Itoa(len(b)) {
		t.Errorf("%s: the entry (%d bytes, sha256 %x) is not the one its key names: %q", dir, len(b), sum[:6], key)
	}
}

// TestDamagedEntryIsRebuilt: a truncated entry, and one with a byte changed,
// are never run: the next build says so and builds again.
func TestDamagedEntryIsRebuilt(t *testing.T) {
	for _, c := range []struct {
		name   string
		damage func(b []byte) []byte
	}{
		{"truncated", func(b []byte) []byte { return b[:len(b)/2] }},
		{"a byte changed", func(b []byte) []byte { b[len(b)/3] ^= 0xff; return b }},
		{"empty", func(b []byte) []byte { return nil }},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := newWorld(t)
			printed, log := w.build(w.newKernel(""))
			w.expect("first build", printed, log, "v1 hello x0", linked)
			entry := onlyEntry(t, w.cache)
			b, err := os.ReadFile(entry)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(entry, 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(entry, c.damage(b), 0o600); err != nil {
				t.Fatal(err)
			}
			printed, log = w.build(w.newKernel(""))
			w.expect("after the damage", printed, log, "v1 hello x0", "corrupt")
			if !built(log) {
				t.Errorf("after the damage, the cell was not built:\n%s", log)
			}
			checkEntry(t, filepath.Dir(entry))
			printed, log = w.build(w.newKernel(""))
			w.expect("then", printed, log, "v1 hello x0", cached)
		})
	}
}

// TestConcurrentBuilds: kernels that build the same new cell at once all get
// a right binary; one links it, the others wait for it, and the entry is whole.
func TestConcurrentBuilds(t *testing.T) {
	w := newWorld(t)
	const n = 4
	ks := make([]*kernel, n)
	for i := range ks {
		ks[i] = w.newKernel("")
		if out, _, err := w.goCmd(ks[i], "get"); err != nil {
			t.Fatalf("go get: %v\n%s", err, out)
		}
	}
	var wg sync.WaitGroup
	errs := make([]string, n)
	for i, k := range ks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			bin := filepath.Join(k.dir, k.name)
			cmd := exec.Command(wrapper(t), "build", "-o", bin)
			cmd.Dir = k.dir
			cmd.Env = append(os.Environ(), "EIF_GO="+w.goBin, "EIF_CELLCACHE="+w.cache, "EIF_CELLCACHE_LOG="+w.log,
				"EIF_CELLCACHE_VERBOSE=1", "GOFLAGS=-mod=mod", "GOPROXY=off", "GOSUMDB=off", "GOWORK=off")
			if out, err := cmd.CombinedOutput(); err != nil {
				errs[i] = "build: " + err.Error() + "\n" + string(out)
				return
			}
			if out, err := exec.Command(bin).CombinedOutput(); err != nil || strings.TrimSpace(string(out)) != "v1 hello x0" {
				errs[i] = "run: " + string(out)
			}
		}()
	}
	wg.Wait()
	for i, e := range errs {
		if e != "" {
			t.Errorf("kernel %d: %s", i, e)
		}
	}
	log := w.newLog()
	if got := strings.Count(log, linked); got != 1 {
		t.Errorf("%d kernels linked the cell, want 1:\n%s", got, log)
	}
	if got := strings.Count(log, "another kernel") + strings.Count(log, cached); got != n-1 {
		t.Errorf("%d kernels took the others' binary, want %d:\n%s", got, n-1, log)
	}
	checkEntry(t, filepath.Dir(onlyEntry(t, w.cache)))
}

// TestCacheFaults: with a cache folder that cannot be used, the cell still
// builds and runs, and the log says why the cache was skipped.
func TestCacheFaults(t *testing.T) {
	cases := []struct {
		name    string
		setup   func(t *testing.T, w *world)
		wantLog string
	}{
		{"the folder's parent is a file", func(t *testing.T, w *world) {
			w.write(w.tmp, "afile", "")
			w.cache = filepath.Join(w.tmp, "afile", "cache")
		}, "not a directory"},
		{"a read-only folder", func(t *testing.T, w *world) {
			readOnly(t, w.cache)
		}, "read-only file system|permission denied"},
		{"another user's folder", func(t *testing.T, w *world) {
			chownOther(t, w.cache)
		}, "owned by another user"},
		{"a folder others may write to", func(t *testing.T, w *world) {
			if err := os.Chmod(w.cache, 0o777); err != nil {
				t.Fatal(err)
			}
		}, "may be written by others"},
		{"a full disk", func(t *testing.T, w *world) {
			smallDisk(t, w.cache, 64<<10)
		}, "no space left on device"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := newWorld(t)
			if err := os.MkdirAll(w.cache, 0o700); err != nil && !strings.Contains(c.name, "parent") {
				t.Fatal(err)
			}
			c.setup(t, w)
			for i := 0; i < 2; i++ {
				printed, log := w.build(w.newKernel(""))
				if printed != "v1 hello x0" {
					t.Errorf("the cell printed %q", printed)
				}
				if !matchAny(log, c.wantLog) || !strings.Contains(log, "skipped") {
					t.Errorf("the log does not say the cache was skipped because %q:\n%s", c.wantLog, log)
				} else if i == 0 {
					t.Logf("the log says:\n%s", log)
				}
			}
		})
	}
}

// TestEntryOfAnotherUser: an entry file that another user owns is not run.
func TestEntryOfAnotherUser(t *testing.T) {
	w := newWorld(t)
	w.build(w.newKernel(""))
	entry := onlyEntry(t, w.cache)
	chownOther(t, entry)
	printed, log := w.build(w.newKernel(""))
	w.expect("another user's entry", printed, log, "v1 hello x0", "owned by another user")
	if strings.Contains(log, cached) {
		t.Errorf("another user's entry was used:\n%s", log)
	}
	printed, log = w.build(w.newKernel(""))
	w.expect("then", printed, log, "v1 hello x0", cached)
}

// TestSeed: a read-only seed serves a cell the user's cache does not hold;
// a seed entry that others may write to is refused.
func TestSeed(t *testing.T) {
	w := newWorld(t)
	seed := filepath.Join(w.tmp, "seed")
	w.cache = seed
	w.build(w.newKernel(""))
	makeReadOnlyTree(t, seed)
	w.cache, w.seeds = filepath.Join(w.tmp, "user"), seed
	printed, log := w.build(w.newKernel(""))
	w.expect("from the seed", printed, log, "v1 hello x0", ": seed's binary (")
	if len(entries(t, w.cache)) != 0 {
		t.Errorf("a seed hit wrote into the user's cache: %v", entries(t, w.cache))
	}
	entry := onlyEntry(t, seed)
	if err := os.Chmod(entry, 0o766); err != nil {
		t.Fatal(err)
	}
	printed, log = w.build(w.newKernel(""))
	w.expect("a seed entry others may write", printed, log, "v1 hello x0", "may be written by others")
	if strings.Contains(log, ": seed's binary (") {
		t.Errorf("a seed entry others may write to was used:\n%s", log)
	}
}

// TestEviction: the user's cache stays under its cap; the latest cell stays.
func TestEviction(t *testing.T) {
	w := newWorld(t)
	w.prime()
	size := mustStat(t, filepath.Join(entries(t, w.cache)[0], "entry")).Size()
	w.env = append(w.env, "EIF_CELLCACHE_MAX="+strconv.FormatInt(size*5/2, 10))
	var log string
	for i := 0; i < 5; i++ {
		var printed string
		printed, log = w.build(w.newKernel("\tfmt.Println(" + strconv.Itoa(i) + ")\n"))
		w.expect("cell "+strconv.Itoa(i), printed, log, "v1 hello x0\n"+strconv.Itoa(i), recipe)
	}
	var total int64
	for _, d := range entries(t, w.cache) {
		if fi, err := os.Stat(filepath.Join(d, "entry")); err == nil {
			total += fi.Size()
		}
	}
	if total > size*5/2 {
		t.Errorf("the entries take %d bytes, over the cap of %d", total, size*5/2)
	}
	printed, log := w.build(w.newKernel("\tfmt.Println(4)\n"))
	w.expect("the latest cell", printed, log, "v1 hello x0\n4", cached)
}

// TestCompileError: a cell that does not compile fails as it would without
// the cache, with GoNB's module name and the cell's file in the message: built
// by go build, and by the recipe a good cell left.
func TestCompileError(t *testing.T) {
	w := newWorld(t)
	for _, how := range []string{linked, recipe} {
		k := w.newKernel("\tundefinedName()\n")
		if out, _, err := w.goCmd(k, "get"); err != nil {
			t.Fatalf("go get: %v\n%s", err, out)
		}
		out, log, err := w.goCmd(k, "build", "-o", filepath.Join(k.dir, k.name))
		if err == nil {
			t.Fatalf("the build succeeded:\n%s", out)
		}
		for _, want := range []string{"# " + k.name + "\n", "./main.go:", "undefined: undefinedName"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: the error does not say %q:\n%s\nlog: %s", how, want, out, log)
			}
		}
		if strings.Contains(out, "$WORK") || strings.Contains(out, "packagefile") {
			t.Errorf("%s: the error shows go's trace:\n%s", how, out)
		}
		if how == recipe && strings.Contains(log, "recipe is not used") {
			t.Errorf("the recipe was not used: %s", log)
		}
		w.build(w.newKernel("")) // leaves the recipe for the next turn
	}
}

// TestRecipe: a cell compiled and linked from a recipe prints what go build's
// binary prints and has the same build information; with the compiled
// dependencies gone from Go's build cache, go build runs instead.
func TestRecipe(t *testing.T) {
	w := newWorld(t)
	w.prime()
	b := w.newKernel("\tfmt.Println(\"b\")\n")
	printed, log := w.build(b)
	w.expect("cell b, from the recipe", printed, log, "v1 hello x0\nb", recipe)
	infoRecipe := buildInfo(t, filepath.Join(b.dir, b.name))

	// The same cell, by go build (the cache off): the same build information.
	c := w.newKernel("\tfmt.Println(\"b\")\n")
	cmd := exec.Command(w.goBin, "build", "-o", filepath.Join(c.dir, c.name))
	cmd.Dir = c.dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	infoGo := buildInfo(t, filepath.Join(c.dir, c.name))
	if strings.ReplaceAll(infoRecipe, "gonb_cell", c.name) != infoGo {
		t.Errorf("build information from the recipe:\n%s\nfrom go build:\n%s", infoRecipe, infoGo)
	}

	// Remove the compiled local package from Go's build cache (go build compiles it again).
	recipes, _ := filepath.Glob(filepath.Join(w.cache, "v1", "recipes", "*"))
	removed := 0
	for _, r := range recipes {
		for _, line := range strings.Split(read(t, r, ""), `\n`) {
			if f, ok := strings.CutPrefix(line, "packagefile "+modPath+"/val="); ok {
				if os.Remove(f) == nil {
					removed++
				}
			}
		}
	}
	if removed == 0 {
		t.Fatalf("no compiled %s/val named in the recipes %v", modPath, recipes)
	}
	d := w.newKernel("\tfmt.Println(\"d\")\n")
	printed, log = w.build(d)
	w.expect("with Go's build cache emptied", printed, log, "v1 hello x0\nd", "gone from the build cache")
	w.expect("with Go's build cache emptied", printed, log, "v1 hello x0\nd", linked)
}

// buildInfo is `go version -m` of a binary, without its first line (the path).
func buildInfo(t *testing.T, bin string) string {
	t.Helper()
	out, err := exec.Command("go", "version", "-m", bin).CombinedOutput()
	if err != nil {
		t.Fatalf("go version -m: %v\n%s", err, out)
	}
	_, rest, _ := strings.Cut(string(out), "\n")
	return rest
}

// TestNotACell: a folder the cache does not read as GoNB's is built as usual.
func TestNotACell(t *testing.T) {
	w := newWorld(t)
	k := w.newKernel("")
	w.write(k.dir, "embed.go", "package main\n\nimport _ \"embed\"\n\n//go:embed go.mod\nvar gomod string\n")
	printed, log := w.build(k)
	w.expect("a cell that embeds", printed, log, "v1 hello x0", "embeds files")
	if len(entries(t, w.cache)) != 0 {
		t.Errorf("the cell was cached")
	}
}

func matchAny(s, alternatives string) bool {
	for _, a := range strings.Split(alternatives, "|") {
		if strings.Contains(s, a) {
			return true
		}
	}
	return false
}

// readOnly makes dir read-only: a read-only bind mount as root (root writes
// through modes), else its mode.
func readOnly(t *testing.T, dir string) {
	t.Helper()
	if os.Getuid() != 0 {
		if err := os.Chmod(dir, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o700) })
		return
	}
	mount(t, "mount", "--bind", dir, dir)
	if out, err := exec.Command("mount", "-o", "remount,ro,bind", dir).CombinedOutput(); err != nil {
		t.Skipf("mount -o remount,ro,bind: %v\n%s (this test needs mount)", err, out)
	}
}

// smallDisk mounts a file system of size bytes at dir (root only).
func smallDisk(t *testing.T, dir string, size int) {
	t.Helper()
	if os.Getuid() != 0 {
		t.Skip("a full disk is made with a small tmpfs: root only")
	}
	mount(t, "mount", "-t", "tmpfs", "-o", "size="+strconv.Itoa(size)+",mode=0700", "tmpfs", dir)
}

func mount(t *testing.T, args ...string) {
	t.Helper()
	if out, err := exec.Command(args[0], args[1:]...).CombinedOutput(); err != nil {
		t.Skipf("%v: %v\n%s (this test needs mount)", args, err, out)
	}
	dir := args[len(args)-1]
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v\n%s", dir, err, out)
		}
	})
}

// chownOther gives path to another user (root only).
func chownOther(t *testing.T, path string) {
	t.Helper()
	if os.Getuid() != 0 {
		t.Skip("giving a file to another user needs root")
	}
	if err := os.Lchown(path, 65534, 65534); err != nil {
		t.Fatal(err)
	}
}

// makeReadOnlyTree makes a seed as the image does: no one may write to it.
func makeReadOnlyTree(t *testing.T, root string) {
	t.Helper()
	err := filepath.Walk(root, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		mode := os.FileMode(0o444)
		if fi.IsDir() || fi.Mode()&0o100 != 0 {
			mode = 0o555
		}
		return os.Chmod(p, mode)
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		filepath.Walk(root, func(p string, fi os.FileInfo, err error) error {
			if err == nil && fi.IsDir() {
				os.Chmod(p, 0o755)
			}
			return nil
		})
	})
}
