// Command site is `make site`: it builds the course website into OUT/site/ and
// OUT/eif-course-site.zip from the executed notebooks in OUT/ (internal/site.Build):
// the notebooks whose outputs are stale (missing, edited since, older than the code
// under eif/) are executed first with scripts/run_notebooks.py, as `make run` does; a
// notebook with a failing cell stops it, with its name and the cell.
//
//	go run ./internal/cmd/site [-out out] [-python .venv/bin/python] [-no-execute]
//
// Run it from the repository's root, with the environment of scripts/jupyter.env (make
// exports it) and site/requirements.txt installed in the venv (make site does).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/eif-notebooks/eif-notebooks/internal/site"
)

func main() {
	out := flag.String("out", "out", "the folder of the executed notebooks; the site goes to OUT/site")
	python := flag.String("python", filepath.Join(".venv", "bin", "python"), "the venv's Python")
	noExecute := flag.Bool("no-execute", false, "stop at stale outputs instead of executing those notebooks")
	flag.Parse()
	root, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(os.Stderr, "site:", err)
		os.Exit(2)
	}
	r, err := site.Build(site.Options{
		Root: root, Python: *python, Executed: *out, Out: filepath.Join(*out, "site"),
		Zip: filepath.Join(*out, "eif-course-site.zip"), Execute: !*noExecute, Log: os.Stdout,
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	mb := func(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }
	s := func(d time.Duration) string { return d.Round(100 * time.Millisecond).String() }
	fmt.Printf("site: %d notebooks (%d executed first, %s); pages %s, explorer %s; total %s\n",
		len(r.Notebooks), len(r.Executed), s(r.Execution), s(r.Pages), s(r.Explorer), s(r.Total))
	fmt.Printf("site: %s/site/ (%s), %s/eif-course-site.zip (%s); explorer.wasm %s, %s gzipped\n",
		*out, mb(r.SiteBytes), *out, mb(r.ZipBytes), mb(int64(r.Wasm)), mb(int64(r.WasmGzip)))
	fmt.Printf("site: open %s/site/index.html, or unzip the zip and open eif-course-site/index.html (see docs/classroom.md)\n", *out)
}
