// Command testtimes reads the output of `go test -json` on its standard
// input and prints what plain `go test` prints (each package's result, and
// the output of the tests that fail), then what each package and each
// top-level test cost in wall time, slowest first: the table that keeps the
// suite within CI's budget. It exits 1 if a test or a package failed.
//
//	go test -json ./... | go run ./internal/cmd/testtimes [-o out/test/times.txt] [-min 1s]
//
// With -o the table is also written to a file. Lines that are not JSON
// (go vet's or the build's messages) pass through unchanged.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"
)

// event is one line of `go test -json` (cmd/test2json).
type event struct {
	Time    time.Time
	Action  string
	Package string
	Test    string
	Elapsed float64 // seconds
	Output  string
}

// result is what a package or a test ended with.
type result struct {
	pkg, test, action string
	elapsed           float64
	start             float64 // a package's: seconds after the first package started
}

func main() {
	out := flag.String("o", "", "also write the table of times to this file")
	min := flag.Duration("min", time.Second, "list the tests that took at least this long")
	flag.Parse()
	results, failed, err := scan(os.Stdin, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "testtimes:", err)
		os.Exit(2)
	}
	table := format(results, min.Seconds())
	fmt.Print(table)
	if *out != "" {
		if err := os.WriteFile(*out, []byte(table), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "testtimes:", err)
			os.Exit(2)
		}
	}
	if failed {
		os.Exit(1)
	}
}

// scan reads the events of r, writes to w what plain `go test` would show,
// and returns every package's and top-level test's result, and whether
// anything failed.
func scan(r io.Reader, w io.Writer) ([]result, bool, error) {
	pending := map[[2]string][]string{} // package and test → output not yet shown
	started := map[string]time.Time{}   // package → its start
	var first time.Time
	var results []result
	failed := false
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		line := sc.Bytes()
		var ev event
		if len(line) == 0 || line[0] != '{' || json.Unmarshal(line, &ev) != nil {
			fmt.Fprintf(w, "%s\n", line)
			continue
		}
		key := [2]string{ev.Package, ev.Test}
		switch ev.Action {
		case "start":
			started[ev.Package] = ev.Time
			if first.IsZero() || ev.Time.Before(first) {
				first = ev.Time
			}
		case "output", "build-output":
			if ev.Test == "" {
				fmt.Fprint(w, ev.Output) // the package's own lines: ok, FAIL, panics, build errors
			} else {
				pending[key] = append(pending[key], ev.Output)
			}
		case "pass", "fail", "skip":
			if ev.Action == "fail" {
				failed = true
				if ev.Test != "" {
					fmt.Fprint(w, strings.Join(pending[key], ""))
				}
			}
			delete(pending, key)
			if ev.Test == "" || !strings.Contains(ev.Test, "/") {
				r := result{pkg: ev.Package, test: ev.Test, action: ev.Action, elapsed: ev.Elapsed}
				if t, ok := started[ev.Package]; ok && ev.Test == "" {
					r.start = t.Sub(first).Seconds()
				}
				results = append(results, r)
			}
		case "build-fail":
			failed = true
		}
	}
	return results, failed, sc.Err()
}

// format is the table of times: the packages, then the top-level tests that
// took at least min seconds, each slowest first.
func format(results []result, min float64) string {
	var pkgs, tests []result
	for _, r := range results {
		if r.test == "" {
			pkgs = append(pkgs, r)
		} else if r.elapsed >= min {
			tests = append(tests, r)
		}
	}
	slowest := func(rs []result) {
		sort.SliceStable(rs, func(i, j int) bool { return rs[i].elapsed > rs[j].elapsed })
	}
	slowest(pkgs)
	slowest(tests)
	var b strings.Builder
	fmt.Fprintf(&b, "== go test: wall time per package, and when it ran (packages run in parallel, -p)\n")
	for _, r := range pkgs {
		if r.action == "skip" {
			continue // no test files
		}
		fmt.Fprintf(&b, "%8.1f s  %-4s %-32s from %6.0f s to %6.0f s\n", r.elapsed, r.action, shortPkg(r.pkg), r.start, r.start+r.elapsed)
	}
	fmt.Fprintf(&b, "== go test: top-level tests of %.0f s or more\n", min)
	for _, r := range tests {
		fmt.Fprintf(&b, "%8.1f s  %-4s %s %s\n", r.elapsed, r.action, shortPkg(r.pkg), r.test)
	}
	return b.String()
}

// shortPkg drops the module path from a package path.
func shortPkg(p string) string {
	if i := strings.Index(p, "eif-notebooks/eif-notebooks/"); i >= 0 {
		return p[i+len("eif-notebooks/eif-notebooks/"):]
	}
	return p
}
