// Command kernelgo is the go command of the GoNB kernel. scripts/install_kernel.py
// builds it as .venv/libexec/eif-kernel/go, first on the kernel's PATH, and
// sets EIF_GO (the real go) and EIF_MODULE (this repository's module path) in
// the kernel's environment.
//
// It runs the real go with the same arguments and output, with two additions:
//
//   - GoNB's build of a cell (`go build -o /tmp/gonb_<id>/gonb_<id>`) and its
//     per-cell `go get` go through the cell cache (internal/cellcache): an
//     unedited cell's binary is reused, in any kernel of the same user.
//   - The kernel works offline (GOPROXY=off): when a cell imports this
//     repository's packages before the notebook's setup cell has run, go fails
//     with "module lookup disabled by GOPROXY=off", which does not say what to
//     do. Then, and only then, it adds lines that do; for another module, it
//     says how to add one on purpose.
//
// Its environment (set in the kernel's kernel.json, or by hand):
//
//	EIF_CELLCACHE          the user's cache folder (default: ~/.cache/eif-cells), or "off"
//	EIF_CELLCACHE_SEED     read-only caches, tried after it (the image's), ':'-separated
//	EIF_CELLCACHE_MAX      the size cap of the user's cache: 1G (the default), 500M, 0 for none
//	EIF_CELLCACHE_LOG      a file for the cache's log lines (default: the kernel's log)
//	EIF_CELLCACHE_VERBOSE  1: log what the cache did for each cell, not only why it was skipped
package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/eif-notebooks/eif-notebooks/internal/cellcache"
)

// The commands whose failure may need the offline hint; the others (env,
// version, list: what goimports and gopls ask most) replace this process.
var hinted = map[string]bool{"build": true, "get": true, "run": true, "test": true, "install": true, "mod": true, "work": true, "vet": true}

func main() {
	real := os.Getenv("EIF_GO")
	if real == "" {
		fmt.Fprintln(os.Stderr, "EIF_GO is not set: run make setup again")
		os.Exit(2)
	}
	args := os.Args[1:]
	if len(args) == 0 || !hinted[args[0]] {
		err := syscall.Exec(real, append([]string{real}, args...), os.Environ())
		fmt.Fprintf(os.Stderr, "go: %v\n", err)
		os.Exit(2)
	}
	cwd, err := os.Getwd()
	if err != nil {
		os.Exit(run(real, "", args, os.Stdout, os.Stderr))
	}
	c := config(real)
	if code, ok := c.Build(cwd, args, os.Stderr); ok {
		os.Exit(code)
	}
	if code, ok := c.Get(cwd, args, os.Stdout, os.Stderr); ok {
		os.Exit(code)
	}
	os.Exit(run(real, "", args, os.Stdout, os.Stderr))
}

// config reads the cache's settings from the environment.
func config(real string) *cellcache.Config {
	c := &cellcache.Config{
		Go:      real,
		Env:     os.Environ(),
		Max:     1 << 30,
		Verbose: os.Getenv("EIF_CELLCACHE_VERBOSE") == "1",
		Run: func(dir string, args []string, stdout, stderr io.Writer) int {
			return run(real, dir, args, stdout, stderr)
		},
		Hint: hint,
	}
	c.Log = kernelLog()
	switch dir := os.Getenv("EIF_CELLCACHE"); dir {
	case "off":
		return c
	case "":
		if base, err := os.UserCacheDir(); err == nil {
			c.Dir = filepath.Join(base, "eif-cells")
		} else {
			c.Log("cell cache: no cache folder: " + err.Error())
		}
	default:
		c.Dir = dir
	}
	for _, s := range filepath.SplitList(os.Getenv("EIF_CELLCACHE_SEED")) {
		if s != "" {
			c.Seeds = append(c.Seeds, s)
		}
	}
	if s := os.Getenv("EIF_CELLCACHE_MAX"); s != "" {
		if n, err := parseSize(s); err == nil {
			c.Max = n
		} else {
			c.Log(fmt.Sprintf("cell cache: EIF_CELLCACHE_MAX=%q: %v; the cap stays %d bytes", s, err, c.Max))
		}
	}
	return c
}

// parseSize reads 500M, 1G, 1024K or a number of bytes.
func parseSize(s string) (int64, error) {
	mult := int64(1)
	switch strings.ToUpper(s[len(s)-1:]) {
	case "K":
		mult = 1 << 10
	case "M":
		mult = 1 << 20
	case "G":
		mult = 1 << 30
	}
	if mult > 1 {
		s = s[:len(s)-1]
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("want a size such as 500M or 1G")
	}
	return n * mult, nil
}

// kernelLog returns the writer of the cache's log lines: EIF_CELLCACHE_LOG,
// else the kernel's own log (the standard error of gonb, this command's
// parent), else this command's standard error. It opens it at the first line.
func kernelLog() func(string) {
	var w io.Writer
	return func(line string) {
		if w == nil {
			w = os.Stderr
			if f := os.Getenv("EIF_CELLCACHE_LOG"); f != "" {
				if lf, err := os.OpenFile(f, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600); err == nil {
					w = lf
				}
			} else if ppid := os.Getppid(); parentIs(ppid, "gonb") {
				if lf, err := os.OpenFile(fmt.Sprintf("/proc/%d/fd/2", ppid), os.O_WRONLY|os.O_APPEND, 0); err == nil {
					w = lf
				}
			}
		}
		fmt.Fprintf(w, "eif cell cache %s: %s\n", time.Now().Format("15:04:05.000"), line)
	}
}

func parentIs(pid int, name string) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid))
	return err == nil && strings.TrimSpace(string(b)) == name
}

var missing = regexp.MustCompile(`module lookup disabled|cannot find module providing package|no required module provides package`)

// run runs the real go with args in dir (or here), its output to stdout and
// stderr, passes on the signals it gets, and adds the offline hint when go
// failed to find a module. It returns go's exit code.
func run(real, dir string, args []string, stdout, stderr io.Writer) int {
	var errs tail
	cmd := exec.Command(real, args...)
	cmd.Dir = dir
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, stdout, io.MultiWriter(stderr, &errs)
	if dir != "" {
		cmd.Env = cmd.Environ() // PWD follows dir
	}
	// go dies with this process (gopls kills a go list it no longer needs).
	runtime.LockOSThread()
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT)
	defer signal.Stop(sigs)
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(stderr, "go: %v\n", err)
		return 2
	}
	done := make(chan struct{})
	go func() {
		for {
			select {
			case s := <-sigs:
				_ = cmd.Process.Signal(s)
			case <-done:
				return
			}
		}
	}()
	err := cmd.Wait()
	close(done)
	code := 0
	if err != nil {
		code = 1
		if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() > 0 {
			code = ee.ExitCode()
		}
	}
	if code != 0 {
		io.WriteString(stderr, hint(string(errs.b)))
	}
	return code
}

// hint returns the lines that say what to do when go's failed output says a
// module could not be found offline, "" otherwise.
func hint(output string) string {
	if !missing.MatchString(output) {
		return ""
	}
	if mod := os.Getenv("EIF_MODULE"); mod != "" && strings.Contains(output, mod) {
		return "\nSETUP NEEDED: run the setup cell first (the notebook's first code cell), then this cell again.\n" +
			"It wires " + mod + " into the notebook; see notebooks/README.md#setup-cell.\n"
	}
	return "\nThis kernel works offline, from Go's module cache. To add a module on purpose, in a cell:\n" +
		`  !*GOPROXY=$EIF_GOPROXY GOSUMDB=$EIF_GOSUMDB go get MODULE@VERSION   (see README.md, "Offline")` + "\n"
}

// tail keeps the last 64 KB written to it.
type tail struct{ b []byte }

func (t *tail) Write(p []byte) (int, error) {
	t.b = append(t.b, p...)
	if len(t.b) > 64<<10 {
		t.b = append(t.b[:0], t.b[len(t.b)-64<<10:]...)
	}
	return len(p), nil
}
