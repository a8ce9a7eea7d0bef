// Command runnotebooks is `make run`: it executes every notebook of
// notebooks/ (internal/notebooks.List: the English ones, then the French
// edition's) headless through the GoNB kernel with scripts/run_notebooks.py,
// into OUT/ (OUT/fr/ for the French edition), then judges each executed
// notebook by the project's one rule for a failing cell
// (internal/notebooks.OutputProblem). It exits 1 if anything failed.
//
//	go run ./internal/cmd/runnotebooks [-out out] [-python .venv/bin/python]
//
// Run it from the repository's root, with the environment of
// scripts/jupyter.env (make exports it).
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/eif-notebooks/eif-notebooks/internal/notebooks"
)

func main() {
	out := flag.String("out", "out", "output folder")
	python := flag.String("python", filepath.Join(".venv", "bin", "python"), "the venv's Python")
	flag.Parse()
	os.Exit(run(*out, *python))
}

func run(out, python string) int {
	root, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(os.Stderr, "runnotebooks:", err)
		return 2
	}
	names, err := notebooks.List(filepath.Join(root, "notebooks"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "runnotebooks:", err)
		return 2
	}
	args := notebooks.RunArgs(python, root, out, names)
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	failed := 0
	if err := cmd.Run(); err != nil {
		fmt.Fprintf(os.Stderr, "runnotebooks: scripts/run_notebooks.py: %v\n", err)
		failed++
	}
	for _, name := range names {
		nb, err := notebooks.Read(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: no executed notebook: %v\n", name, err)
			failed++
			continue
		}
		for _, f := range nb.Failures() {
			fmt.Fprintf(os.Stderr, "%s: %s\n", name, f)
			failed++
		}
	}
	if failed > 0 {
		fmt.Fprintf(os.Stderr, "runnotebooks: %d problem(s); the executed notebooks are in %s/\n", failed, out)
		return 1
	}
	fmt.Printf("runnotebooks: %d notebook(s) ran without a failing cell; outputs in %s/\n", len(names), out)
	return 0
}
