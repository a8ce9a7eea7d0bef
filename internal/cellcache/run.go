package cellcache

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
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
	code, what, err := c.build(user, cl, src, build, out, flags, stderr)
	if err != nil {
		c.logf("cell %s: cell cache skipped, built as usual: %v", src[:12], err)
		return 0, false
	}
	c.debugf("cell %s: %s (%.3f s)", src[:12], what, time.Since(start).Seconds())
	return code, true
}

// build builds the cell in its folder of the user's store, starting from the
// binary last built there: go build compares that binary's build ID with the
// one it computes, and skips the link when nothing it depends on changed. An
// error means that the cache could not be used (the caller then builds as usual);
// a failed build (a compile error) is a non-zero code, its output on stderr.
func (c *Config) build(s *store, cl *cell, src, build, out string, flags []string, stderr io.Writer) (int, string, error) {
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
	if err == nil {
		if err = s.copyEntry(dir, prev, bin); err != nil {
			c.logf("cell %s: the last binary is not used: %v", src[:12], err)
			prev = entryKey{}
		}
	}
	var outb syncBuffer
	code := c.Run(dir, append([]string{"build", "-o", bin}, flags...), &outb, &outb)
	// Say the cell's module as GoNB named it ("# gonb_<id>" heads compile errors).
	msg := strings.ReplaceAll(outb.String(), CanonicalModule, cl.name)
	if code != 0 {
		_ = os.Remove(bin)
		if strings.Contains(outb.String(), s.root) {
			return 0, "", fmt.Errorf("go build failed in the cache folder: %s", oneLine(msg, 400))
		}
		io.WriteString(stderr, msg)
		return code, "compile error", nil
	}
	io.WriteString(stderr, msg)
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
	what := "linked"
	if prev.sum == k.sum {
		what = "go build found the last binary up to date"
	} else if prev.sum != "" {
		what = "relinked"
	}
	if n, err := s.evict(c.Max, dir); err != nil {
		c.logf("eviction: %v", err)
	} else if n > 0 {
		c.debugf("eviction: %d cells removed (cap %d bytes)", n, c.Max)
	}
	return 0, what, nil
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
