package site

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/eif-notebooks/eif-notebooks/internal/notebooks"
)

// Options say what Build reads and writes.
type Options struct {
	Root     string    // the repository
	Python   string    // the venv's Python, with site/requirements.txt installed
	Executed string    // the executed notebooks (out/ of `make run`)
	Out      string    // the site's folder (out/site)
	Zip      string    // the zip of the site ("": none)
	Execute  bool      // execute the stale notebooks first (else a stale one is an error)
	Env      []string  // the environment of the programs it runs (nil: this process's)
	Log      io.Writer // progress, for people (nil: none)
}

// Report is what Build made.
type Report struct {
	Notebooks        []string      // in the site's order
	Executed         []string      // the stale ones it executed first
	Wasm, WasmGzip   int           // explorer.wasm's size, raw and gzipped (bytes)
	SiteBytes        int64         // the site's files, in all
	ZipBytes         int64         // the zip
	Pages, Explorer  time.Duration // how long the books and the explorer took to build
	Execution, Total time.Duration
}

// Build builds the course website from the executed notebooks: it lists the notebooks
// (notebooks.List), brings the executed ones up to date or stops (Stale), stops at a
// notebook that has a failing cell (Failures), with its name and the cell; then builds
// the books (site/build.py), the explorer (BuildWasm) and the zip.
func Build(o Options) (Report, error) {
	start := time.Now()
	var r Report
	logf := func(format string, args ...any) {
		if o.Log != nil {
			fmt.Fprintf(o.Log, format+"\n", args...)
		}
	}
	dir := filepath.Join(o.Root, "notebooks")
	names, err := notebooks.List(dir)
	if err != nil {
		return r, err
	}
	r.Notebooks = names
	stale, err := staleNotebooks(o.Root, o.Executed, names)
	if err != nil {
		return r, err
	}
	if len(stale) > 0 {
		var why []string
		for _, s := range stale {
			why = append(why, s.name+": "+s.why)
			r.Executed = append(r.Executed, s.name)
		}
		if !o.Execute {
			return r, fmt.Errorf("site: not built from stale outputs; run `make run` (or `make site`, which executes them):\n  %s", strings.Join(why, "\n  "))
		}
		logf("== site: executing %d notebook(s) whose outputs in %s are stale:\n  %s", len(stale), o.Executed, strings.Join(why, "\n  "))
		t := time.Now()
		args := notebooks.RunArgs(o.Python, o.Root, o.Executed, r.Executed)
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir, cmd.Env = o.Root, o.Env
		cmd.Stdout, cmd.Stderr = o.Log, o.Log
		if o.Log == nil {
			cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
		}
		runErr := cmd.Run() // the failing cells are named below
		r.Execution = time.Since(t)
		if runErr != nil {
			logf("site: scripts/run_notebooks.py: %v", runErr)
		}
	}
	var failures []string
	for _, name := range names {
		nb, err := notebooks.Read(filepath.Join(o.Executed, filepath.FromSlash(name)))
		if err != nil {
			failures = append(failures, fmt.Sprintf("%s: no executed notebook: %v", name, err))
			continue
		}
		for _, f := range nb.Failures() {
			failures = append(failures, name+": "+f)
		}
	}
	if len(failures) > 0 {
		return r, fmt.Errorf("site: not built: %d notebook problem(s) (executed notebooks in %s):\n  %s", len(failures), o.Executed, strings.Join(failures, "\n  "))
	}
	if stale, err := staleNotebooks(o.Root, o.Executed, names); err != nil || len(stale) > 0 {
		if err == nil {
			err = fmt.Errorf("site: %s is still stale after its execution: %s", stale[0].name, stale[0].why)
		}
		return r, err
	}

	t := time.Now()
	args := append([]string{filepath.Join(o.Root, "site", "build.py"), "--executed", o.Executed, "--out", o.Out}, names...)
	cmd := exec.Command(o.Python, args...)
	cmd.Dir, cmd.Env = o.Root, o.Env
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if o.Log != nil {
		cmd.Stdout, cmd.Stderr = io.MultiWriter(&out, o.Log), io.MultiWriter(&out, o.Log)
	}
	if err := cmd.Run(); err != nil {
		return r, fmt.Errorf("site: site/build.py: %v\n%s", err, tail(out.String(), 4000))
	}
	r.Pages = time.Since(t)

	t = time.Now()
	r.Wasm, r.WasmGzip, err = BuildWasm(o.Root, filepath.Join(o.Out, "assets", "explorer"))
	if err != nil {
		return r, err
	}
	r.Explorer = time.Since(t)
	if r.SiteBytes, err = size(o.Out); err != nil {
		return r, err
	}
	if o.Zip != "" {
		if r.ZipBytes, err = Zip(o.Out, o.Zip, ZipFolder); err != nil {
			return r, err
		}
	}
	r.Total = time.Since(start)
	return r, nil
}

type staleNotebook struct{ name, why string }

// staleNotebooks lists the notebooks whose executed copy is stale (notebooks.Stale).
func staleNotebooks(root, executed string, names []string) ([]staleNotebook, error) {
	code, err := notebooks.CodeTime(root)
	if err != nil {
		return nil, err
	}
	var out []staleNotebook
	for _, name := range names {
		why, err := notebooks.Stale(filepath.Join(root, "notebooks"), executed, name, code)
		if err != nil {
			return nil, err
		}
		if why != "" {
			out = append(out, staleNotebook{name, why})
		}
	}
	return out, nil
}

// ZipFolder is the folder that the zip holds the site in: a student unzips it and opens
// eif-course-site/index.html.
const ZipFolder = "eif-course-site"

// Zip writes the files of the folder dir into the zip file, under the folder top, and
// returns its size.
func Zip(dir, file, top string) (int64, error) {
	f, err := os.Create(file)
	if err != nil {
		return 0, err
	}
	z := zip.NewWriter(f)
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		w, err := z.Create(top + "/" + filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		_, err = io.Copy(w, in)
		return err
	})
	err = errors.Join(err, z.Close(), f.Close())
	if err != nil {
		return 0, fmt.Errorf("site: writing %s: %w", file, err)
	}
	info, err := os.Stat(file)
	if err != nil {
		return 0, err
	}
	return info.Size(), nil
}

// size is the total size of the files under dir.
func size(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		n += info.Size()
		return err
	})
	return n, err
}

// tail is the end of s, at most n bytes.
func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
