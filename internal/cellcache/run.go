package cellcache

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Config is how the kernel's go command uses the cache.
type Config struct {
	Go    string   // the real go command
	Dir   string   // the user's cache folder; "" for none
	Seeds []string // read-only caches tried after Dir (the image's)
	Max   int64    // the size cap of Dir's entries, in bytes; 0 for none
	Env   []string // the environment go runs with

	// Log writes one line to the kernel's log. Verbose: also what the cache
	// did for each build (hit, build, relink), not only why it was skipped.
	Log     func(line string)
	Verbose bool

	// Run runs the real go with args in dir, its output to stdout and stderr,
	// and returns its exit code.
	Run func(dir string, args []string, stdout, stderr io.Writer) int

	// Hint returns lines to add to go's output when it failed (nil: none).
	Hint func(output string) string
}

func (c *Config) logf(format string, args ...any) {
	if c.Log != nil {
		c.Log(fmt.Sprintf(format, args...))
	}
}

func (c *Config) debugf(format string, args ...any) {
	if c.Verbose {
		c.logf(format, args...)
	}
}

// cellBuild recognises GoNB's build of a cell, `go build -o DIR/NAME FLAGS...`
// run in its folder DIR, named NAME = gonb_<id>.
func cellBuild(cwd string, args []string) (out, name string, flags []string, ok bool) {
	name = filepath.Base(cwd)
	if len(args) < 3 || args[0] != "build" || args[1] != "-o" || !strings.HasPrefix(name, "gonb_") ||
		args[2] != filepath.Join(cwd, name) {
		return "", "", nil, false
	}
	for _, f := range args[3:] {
		if !strings.HasPrefix(f, "-") {
			return "", "", nil, false // a package named: not GoNB's build of main.go
		}
	}
	return args[2], name, args[3:], true
}

// Build runs GoNB's build of a cell through the cache. With handled false, the
// caller runs go as it would without the cache: the command is not a cell's
// build, or the cache cannot be used (the log says why).
func (c *Config) Build(cwd string, args []string, stderr io.Writer) (code int, handled bool) {
	out, name, flags, ok := cellBuild(cwd, args)
	if !ok || (c.Dir == "" && len(c.Seeds) == 0) {
		return 0, false
	}
	start := time.Now()
	cl, err := readCell(cwd, name)
	if err != nil {
		c.logf("cell cache skipped, built as usual: %v", err)
		return 0, false
	}
	in, err := readInputs(cl, c.Env, c.Go)
	if err != nil {
		c.logf("cell cache skipped, built as usual: %v", err)
		return 0, false
	}
	src := srcKey(cl)
	build := buildKey(src, flags, in)
	var user *store
	if c.Dir != "" {
		if user, err = openStore(c.Dir, false); err != nil {
			c.logf("cell cache skipped, built as usual: the cache folder: %v", err)
			user = nil
		} else if ok, err := user.place(src, build, out); ok {
			c.debugf("cell %s: cached binary (%.3f s)", src[:12], time.Since(start).Seconds())
			return 0, true
		} else if err != nil {
			c.logf("cell %s: the cached binary is not used: %v", src[:12], err)
		}
	}
	for _, root := range c.Seeds {
		seed, err := openStore(root, true)
		if err != nil {
			if !os.IsNotExist(err) {
				c.logf("the seed cache %s is not used: %v", root, err)
			}
			continue
		}
		if ok, err := seed.place(src, build, out); ok {
			c.debugf("cell %s: seed's binary (%.3f s)", src[:12], time.Since(start).Seconds())
			return 0, true
		} else if err != nil {
			c.logf("cell %s: the seed's binary is not used: %v", src[:12], err)
		}
	}
	if user == nil {
		return 0, false
	}
	code, what, err := c.build(user, cl, src, build, in, out, flags, stderr)
	if err != nil {
		c.logf("cell %s: cell cache skipped, built as usual: %v", src[:12], err)
		return 0, false
	}
	c.debugf("cell %s: %s (%.3f s)", src[:12], what, time.Since(start).Seconds())
	return code, true
}

// build builds the cell in its folder of the user's store. With a recipe for
// the cell's imports and dependencies (see recipe), it runs the compiler and
// the linker itself. Otherwise it runs go build, with the binary last built in
// that folder put at the output path first: go build compares that binary's
// build ID with the one it computes, and skips the link when nothing it
// depends on changed; the trace of that build (-x) becomes the recipe. An
// error means that the cache could not be used (the caller then builds as
// usual); a failed build (a compile error) is a non-zero code, its output on stderr.
func (c *Config) build(s *store, cl *cell, src, build string, in *inputs, out string, flags []string, stderr io.Writer) (int, string, error) {
	dir := s.cellDir(src)
	unlock, err := s.lockDir(dir, 2*time.Minute)
	if err != nil {
		return 0, "", err
	}
	defer unlock()
	// Another kernel may have built it while this one waited for the lock.
	if ok, _ := s.place(src, build, out); ok {
		return 0, "built by another kernel meanwhile", nil
	}
	if err := writeSources(dir, cl); err != nil {
		return 0, "", err
	}
	bin := filepath.Join(dir, "build.out")
	_ = os.Remove(bin)
	prev, err := s.readKey(dir)
	if err != nil {
		prev = entryKey{}
	}
	rkey := recipeKey(cl, flags, in)
	code, what, err := c.replay(s, rkey, cl, dir, bin, stderr)
	if err != nil {
		c.logf("cell %s: the recipe is not used, go build runs: %v", src[:12], err)
	}
	if what == "" {
		if prev.sum != "" {
			if err := s.copyEntry(dir, prev, bin); err != nil {
				c.logf("cell %s: the last binary is not used: %v", src[:12], err)
				prev = entryKey{}
			}
		}
		code, err = c.goBuild(s, rkey, cl, dir, bin, flags, stderr)
		if err != nil {
			return 0, "", err
		}
		what = "linked"
	}
	if code != 0 {
		_ = os.Remove(bin)
		return code, "compile error", nil
	}
	k, at, err := s.publish(dir, bin, build)
	if err != nil {
		// Not stored (a full disk?): GoNB still gets the binary.
		c.logf("cell %s: the binary is not stored in the cache: %v", src[:12], err)
		defer os.Remove(at)
		if k.sum == "" {
			return 0, "", errors.New("the binary could not be read back")
		}
		f, err := os.Open(at)
		if err != nil {
			return 0, "", err
		}
		defer f.Close()
		if err := copyChecked(f, k, out); err != nil {
			return 0, "", err
		}
		return 0, "built, not stored", nil
	}
	if err := s.copyEntry(dir, k, out); err != nil {
		return 0, "", err
	}
	if what == "linked" && prev.sum == k.sum {
		what = "go build found the last binary up to date"
	} else if what == "linked" && prev.sum != "" {
		what = "relinked"
	}
	if n, err := s.evict(c.Max, dir); err != nil {
		c.logf("eviction: %v", err)
	} else if n > 0 {
		c.debugf("eviction: %d cells removed (cap %d bytes)", n, c.Max)
	}
	return 0, what, nil
}

// replay builds the cell with the recipe of rkey, from the user's store or a
// seed. what is "" when there is no recipe to use (err may say why).
func (c *Config) replay(s *store, rkey string, cl *cell, dir, bin string, stderr io.Writer) (code int, what string, err error) {
	r, err := s.loadRecipe(rkey)
	if r == nil && err == nil {
		for _, root := range c.Seeds {
			if seed, serr := openStore(root, true); serr == nil {
				if r, err = seed.loadRecipe(rkey); r != nil || err != nil {
					break
				}
			}
		}
	}
	if r == nil {
		return 0, "", err
	}
	if err := r.usable(cl); err != nil {
		return 0, "", err
	}
	code, output, err := r.replay(c.runTool, dir, cl.name, bin)
	if err != nil {
		_ = os.Remove(bin)
		return 0, "", err
	}
	io.WriteString(stderr, strings.ReplaceAll(output, CanonicalModule, cl.name))
	return code, "compiled and linked from the recipe", nil
}

// goBuild runs go build -json -x in the cell's folder, writes what go said
// (not its trace) to stderr, and keeps the trace's recipe.
func (c *Config) goBuild(s *store, rkey string, cl *cell, dir, bin string, flags []string, stderr io.Writer) (int, error) {
	var jsonOut, errOut syncBuffer
	code := c.Run(dir, append([]string{"build", "-json", "-x", "-o", bin}, flags...), &jsonOut, &errOut)
	trace, said, err := readBuildJSON([]byte(jsonOut.String()))
	said += errOut.String()
	if err != nil && code == 0 {
		return 0, fmt.Errorf("reading go build -json: %v", err)
	}
	if code != 0 && (strings.Contains(said, s.root) || strings.Contains(said, "flag provided but not defined")) {
		return 0, fmt.Errorf("go build failed in the cache folder: %s", oneLine(said, 400))
	}
	if code != 0 && c.Hint != nil {
		said += c.Hint(said)
	}
	// Say the cell's module as GoNB named it ("# gonb_<id>" heads compile errors).
	io.WriteString(stderr, strings.ReplaceAll(said, CanonicalModule, cl.name))
	if code == 0 {
		if r := parseRecipe(trace); r != nil {
			if err := s.saveRecipe(rkey, r); err != nil {
				c.logf("the recipe is not stored: %v", err)
			}
		}
	}
	return code, nil
}

// runTool runs a compiler or linker command of a recipe.
func (c *Config) runTool(dir string, args, env []string, out io.Writer) int {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = dir
	cmd.Env = append(append(append([]string(nil), c.Env...), "PWD="+dir), env...)
	cmd.Stdout, cmd.Stderr = out, out
	// The tool dies with this process (GoNB or gopls may kill it).
	runtime.LockOSThread()
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Run(); err != nil {
		if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() > 0 {
			return ee.ExitCode()
		}
		fmt.Fprintln(out, err)
		return 1
	}
	return 0
}

// oneLine joins the lines of s, and keeps at most the last max bytes.
func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " | ")), " ")
	if len(s) > max {
		s = "..." + s[len(s)-max:]
	}
	return s
}

// Get runs GoNB's per-cell `go get` (no package named) through the cache: it
// is skipped when a `go get` with the same inputs (see getKey) changed nothing
// and said nothing. With handled false the caller runs go as usual.
func (c *Config) Get(cwd string, args []string, stdout, stderr io.Writer) (code int, handled bool) {
	name := filepath.Base(cwd)
	if len(args) == 0 || args[0] != "get" || !strings.HasPrefix(name, "gonb_") || (c.Dir == "" && len(c.Seeds) == 0) {
		return 0, false
	}
	for _, a := range args[1:] {
		if a != "-t" {
			return 0, false
		}
	}
	cl, err := readCell(cwd, name)
	if err != nil {
		c.debugf("go get as usual: %v", err)
		return 0, false
	}
	in, err := readInputs(cl, c.Env, c.Go)
	if err != nil {
		c.logf("go get as usual: %v", err)
		return 0, false
	}
	key := getKey(cl, args, in)
	var user *store
	if c.Dir != "" {
		if user, err = openStore(c.Dir, false); err != nil {
			c.logf("go get as usual: the cache folder: %v", err)
			user = nil
		} else if user.hasMarker(key) {
			c.debugf("go get skipped: it changed nothing with these inputs before")
			return 0, true
		}
	}
	for _, root := range c.Seeds {
		if seed, err := openStore(root, true); err == nil && seed.hasMarker(key) {
			c.debugf("go get skipped: it changed nothing with these inputs in the seed")
			return 0, true
		}
	}
	before := [2][]byte{}
	for i, f := range []string{"go.mod", "go.sum"} {
		before[i], _ = os.ReadFile(filepath.Join(cwd, f))
	}
	var said syncBuffer
	code = c.Run(cwd, args, io.MultiWriter(stdout, &said), io.MultiWriter(stderr, &said))
	if code != 0 || said.Len() != 0 || user == nil {
		return code, true
	}
	for i, f := range []string{"go.mod", "go.sum"} {
		if after, _ := os.ReadFile(filepath.Join(cwd, f)); !bytes.Equal(after, before[i]) {
			return code, true
		}
	}
	if err := user.addMarker(key); err != nil {
		c.logf("go get: the marker is not stored: %v", err)
	}
	return code, true
}

// syncBuffer collects the output of a command whose stdout and stderr both
// write to it, from two goroutines (a bytes.Buffer's ReadFrom would lose one).
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func (s *syncBuffer) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Len()
}
