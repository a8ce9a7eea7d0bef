package cellcache

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// A recipe is how go build compiled and linked a cell's package main last
// time: the compile and link commands it ran (from go build -x) and their
// import configs, which name the compiled dependencies in Go's build cache.
// Another cell with the same imports, built with the same dependencies, flags,
// environment and toolchain (the recipe key), is compiled and linked with those
// two commands, without the go command itself, which spends about as long as
// the link deciding that no dependency needs building.
type recipe struct {
	Dir       string   // the cell folder it was recorded in ("cd DIR" before compile)
	Files     []string // the compiled files, as go passed them (./main.go)
	Compile   command
	Link      command
	ImportCfg string // $WORK/b001/importcfg
	LinkCfg   string // $WORK/b001/importcfg.link
}

type command struct {
	Env  []string // NAME=VALUE set before the program (GOROOT for the link)
	Args []string // the program, then its arguments; $WORK stands for the work folder
}

// recipeKey is everything a recipe depends on: buildKey's inputs without the
// cell's code, with its imports instead.
func recipeKey(c *cell, flags []string, in *inputs) string {
	h := newHasher("recipe")
	h.bytes(c.files["go.mod"])
	h.bytes(c.files["go.sum"])
	h.str(strings.Join(c.imports, "\x00"))
	h.str(strings.Join(flags, "\x00"))
	h.str(in.env, in.toolchain, in.local)
	return h.sum()
}

// goBuildEvent is one line of go build -json.
type goBuildEvent struct {
	ImportPath string
	Action     string
	Output     string
}

// readBuildJSON splits the events of `go build -json -x` into what go ran (the
// -x trace) and what it said (compiler errors and the like, as go build
// without -json prints them). It returns the trace's events and the output.
func readBuildJSON(out []byte) (trace []string, said string, err error) {
	var b strings.Builder
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var ev goBuildEvent
		if err := dec.Decode(&ev); err == io.EOF {
			break
		} else if err != nil {
			return nil, b.String() + string(out[dec.InputOffset():]), err
		}
		if ev.Action != "build-output" {
			continue
		}
		if isTrace(ev.Output) {
			trace = append(trace, ev.Output)
		} else {
			b.WriteString(ev.Output)
		}
	}
	return trace, b.String(), nil
}

// isTrace reports whether an event of go build -json -x is a command it
// shows (-x), not output.
func isTrace(s string) bool {
	for _, p := range []string{"WORK=", "mkdir -p ", "cat >", "cd ", "cp ", "mv ", "rm -r", "go tool buildid ", "touch ", "echo "} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	// A tool command: a path, or NAME=VALUE words, then a path, then flags.
	w, err := shellWords(strings.TrimSuffix(s, "\n"))
	if err != nil || len(w) < 2 || strings.Contains(s[:len(s)-1], "\n") {
		return false
	}
	i := 0
	for i < len(w) && strings.Contains(w[i], "=") && !strings.HasPrefix(w[i], "/") {
		i++
	}
	return i < len(w)-1 && filepath.IsAbs(w[i]) && strings.HasPrefix(w[i+1], "-")
}

// parseRecipe reads the recipe of a build of package main from the trace of
// go build -x. It returns nil when the build was not exactly one compile of
// the cell's files and one link against compiled dependencies (dependencies
// built too, cgo, assembly, embedded files, -toolexec, ...).
func parseRecipe(trace []string) *recipe {
	r := &recipe{}
	work, dir := "", ""
	for _, ev := range trace {
		line := strings.TrimSuffix(ev, "\n")
		switch {
		case strings.HasPrefix(line, "WORK="):
			work = strings.TrimPrefix(line, "WORK=")
		case strings.HasPrefix(line, "cd "):
			dir = strings.TrimPrefix(line, "cd ")
		case strings.HasPrefix(line, "cat >"):
			head, body, ok := strings.Cut(ev, "\n")
			if !ok || !strings.HasSuffix(body, "EOF\n") {
				return nil
			}
			body = strings.TrimSuffix(body, "EOF\n")
			if work != "" {
				body = strings.ReplaceAll(body, work, "$WORK")
			}
			switch {
			case strings.HasPrefix(head, "cat >"+work+"/b001/importcfg.link "):
				r.LinkCfg = body
			case strings.HasPrefix(head, "cat >"+work+"/b001/importcfg "):
				r.ImportCfg = body
			default:
				return nil // embedcfg, a dependency's config, ...
			}
		case strings.HasPrefix(line, "mkdir -p "), strings.HasPrefix(line, "go tool buildid -w "),
			strings.HasPrefix(line, "rm -r"), strings.HasPrefix(line, "mv $WORK/b001/exe/a.out "),
			strings.HasPrefix(line, "cp $WORK/b001/_pkg_.a "):
			// the work folder, build IDs, the output: replay does its own
		default:
			w, err := shellWords(line)
			if err != nil {
				return nil
			}
			cmd := command{}
			for len(w) > 0 && strings.Contains(w[0], "=") && !strings.HasPrefix(w[0], "/") {
				cmd.Env, w = append(cmd.Env, w[0]), w[1:]
			}
			if len(w) < 2 {
				return nil
			}
			cmd.Args = w
			switch tool := filepath.Base(w[0]); {
			case tool == "compile" && r.Compile.Args == nil && hasArgs(w, "-o", "$WORK/b001/_pkg_.a") && hasArgs(w, "-p", "main"):
				if dir == "" {
					return nil
				}
				r.Dir = dir
				for i := len(w) - 1; i > 0 && strings.HasPrefix(w[i], "./") && strings.HasSuffix(w[i], ".go"); i-- {
					r.Files = append([]string{w[i]}, r.Files...)
				}
				if len(r.Files) == 0 {
					return nil
				}
				cmd.Args = dropBuildID(w)
				r.Compile = cmd
			case tool == "link" && r.Link.Args == nil && hasArgs(w, "-o", "$WORK/b001/exe/a.out"):
				cmd.Args = dropBuildID(w)
				r.Link = cmd
			default:
				return nil // another tool (cgo, asm, a dependency's compile, -toolexec)
			}
		}
	}
	if r.Compile.Args == nil || r.Link.Args == nil || r.ImportCfg == "" || r.LinkCfg == "" {
		return nil
	}
	// Every dependency must come from the build cache, not from this build.
	for _, cfg := range []string{r.ImportCfg, r.LinkCfg} {
		for _, f := range packageFiles(cfg) {
			if strings.Contains(f, "$WORK") && f != "$WORK/b001/_pkg_.a" {
				return nil
			}
		}
	}
	return r
}

func hasArgs(w []string, flag, value string) bool {
	for i := 0; i+1 < len(w); i++ {
		if w[i] == flag && w[i+1] == value {
			return true
		}
	}
	return false
}

// dropBuildID removes -buildid (the build IDs of the recorded build): a
// replayed binary has none, so go build never takes it for up to date.
func dropBuildID(w []string) []string {
	var out []string
	for i := 0; i < len(w); i++ {
		switch {
		case w[i] == "-buildid" && i+1 < len(w):
			i++
		case strings.HasPrefix(w[i], "-buildid="):
		default:
			out = append(out, w[i])
		}
	}
	return out
}

// packageFiles returns the files an import config names.
func packageFiles(cfg string) []string {
	var out []string
	for _, line := range strings.Split(cfg, "\n") {
		if rest, ok := strings.CutPrefix(line, "packagefile "); ok {
			if _, f, ok := strings.Cut(rest, "="); ok {
				out = append(out, f)
			}
		}
	}
	return out
}

// shellWords splits a command line as go build -x prints it: words separated
// by spaces, some in Go-quoted double quotes, environment values in single quotes.
func shellWords(s string) ([]string, error) {
	var w []string
	for {
		s = strings.TrimLeft(s, " ")
		if s == "" {
			return w, nil
		}
		var word strings.Builder
		for s != "" && s[0] != ' ' {
			switch s[0] {
			case '"':
				q, err := strconv.QuotedPrefix(s)
				if err != nil {
					return nil, err
				}
				u, err := strconv.Unquote(q)
				if err != nil {
					return nil, err
				}
				word.WriteString(u)
				s = s[len(q):]
			case '\'':
				end := strings.IndexByte(s[1:], '\'')
				if end < 0 {
					return nil, errors.New("an open quote")
				}
				word.WriteString(s[1 : 1+end])
				s = s[end+2:]
			default:
				i := strings.IndexAny(s, " \"'")
				if i < 0 {
					i = len(s)
				}
				word.WriteString(s[:i])
				s = s[i:]
			}
		}
		w = append(w, word.String())
	}
}

// usable says why the recipe cannot build cell c in dir, or nil: the files to
// compile must be the cell's (no build constraints in them), and every
// compiled dependency it names must still be in the build cache.
func (r *recipe) usable(c *cell) error {
	var names []string
	for n, b := range c.files {
		if !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		if bytes.Contains(b, []byte("//go:build")) || bytes.Contains(b, []byte("// +build")) {
			return errors.New("a file has build constraints")
		}
		names = append(names, "./"+n)
	}
	sort.Strings(names)
	if strings.Join(names, " ") != strings.Join(r.Files, " ") {
		return fmt.Errorf("the cell's files %v are not the recipe's %v", names, r.Files)
	}
	for _, cfg := range []string{r.ImportCfg, r.LinkCfg} {
		for _, f := range packageFiles(cfg) {
			if f == "$WORK/b001/_pkg_.a" {
				continue
			}
			if fi, err := os.Stat(f); err != nil || !fi.Mode().IsRegular() {
				return fmt.Errorf("a compiled dependency is gone from the build cache (%s)", f)
			}
		}
	}
	return nil
}

// replay compiles the cell in dir and links it to bin, with env as the base
// environment. A compile error is returned as output and a non-zero code, as
// go build prints it; err is any other failure (the caller then runs go build).
func (r *recipe) replay(run func(dir string, args []string, env []string, out io.Writer) int, dir, name, bin string) (code int, output string, err error) {
	work, err := os.MkdirTemp("", "eif-cell-")
	if err != nil {
		return 0, "", err
	}
	defer os.RemoveAll(work)
	b001 := filepath.Join(work, "b001")
	if err := os.MkdirAll(filepath.Join(b001, "exe"), 0o700); err != nil {
		return 0, "", err
	}
	sub := func(s string) string {
		s = strings.ReplaceAll(s, "$WORK", work)
		if r.Dir != dir {
			s = strings.ReplaceAll(s, r.Dir, dir)
		}
		return s
	}
	for f, cfg := range map[string]string{"importcfg": r.ImportCfg, "importcfg.link": r.LinkCfg} {
		if err := os.WriteFile(filepath.Join(b001, f), []byte(sub(cfg)), 0o600); err != nil {
			return 0, "", err
		}
	}
	subAll := func(c command) (args, env []string) {
		for _, a := range c.Args {
			args = append(args, sub(a))
		}
		for _, e := range c.Env {
			env = append(env, sub(e))
		}
		return args, env
	}
	var out syncBuffer
	args, env := subAll(r.Compile)
	if code := run(dir, args, env, &out); code != 0 {
		if out.Len() == 0 {
			return 0, "", fmt.Errorf("compile failed (exit %d) and said nothing", code)
		}
		return 1, "# " + name + "\n" + out.String(), nil
	}
	args, env = subAll(r.Link)
	if code := run(dir, args, env, &out); code != 0 {
		return 0, "", fmt.Errorf("link failed (exit %d): %s", code, oneLine(out.String(), 300))
	}
	if err := os.Rename(filepath.Join(b001, "exe", "a.out"), bin); err != nil {
		return 0, "", err
	}
	return 0, out.String(), nil
}

// loadRecipe reads the recipe of key from the store, nil if there is none.
func (s *store) loadRecipe(key string) (*recipe, error) {
	f, err := os.Open(filepath.Join(s.root, "recipes", key[:32]))
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil
		}
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := s.trusted(f.Name(), fi); err != nil {
		return nil, err
	}
	var r recipe
	if err := json.NewDecoder(io.LimitReader(f, 4<<20)).Decode(&r); err != nil {
		return nil, fmt.Errorf("%s: %v", f.Name(), err)
	}
	if r.Compile.Args == nil || r.Link.Args == nil {
		return nil, fmt.Errorf("%s: not a recipe", f.Name())
	}
	return &r, nil
}

func (s *store) saveRecipe(key string, r *recipe) error {
	dir := filepath.Join(s.root, "recipes")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return writeFileAtomic(filepath.Join(dir, key[:32]), b, 0o400)
}
