package deploytest_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/internal/notebooks"
)

// A new user's notebooks in the image (TestImageRunsNotebooksOffline): the
// user's cell cache (~/.cache/eif-cells) starts empty, so every build of a cell
// must be served from the image's read-only seed (/opt/eif/cell-cache, filled
// when the image build ran both editions' notebooks). The kernel's go logs
// what it did for each build (EIF_CELLCACHE_VERBOSE=1) to a file of each
// notebook (EIF_CELLCACHE_LOG); seedLog reads it.

// seedRunScript is the bash script the test runs in the image as a new user:
// a copy of the course in the home, then each notebook of each pass run alone
// (run_notebooks.py), its wall time and the container's CPU time
// (cgroup v1 cpuacct, as the daemon of deploy/dockerd.sh has it; cgroup v2's
// cpu.stat otherwise) around it, printed as
//
//	TIME PASS NAME WALL_START WALL_END CPU_START_NS CPU_END_NS
//
// the executed notebooks in /out/PASS/, the cache's log in /out/PASS/cells/.
// A pass is "first" (every notebook, the user's first Run All) or "warm" (the
// same notebook again, in the same home).
const seedRunScript = `set -u
cp -r "$EIF_REPO" ~/eif-notebooks && cd ~/eif-notebooks || exit 1
if [ -n "$(ls -A ~/.cache/eif-cells 2>/dev/null)" ]; then
	echo "a new user's cell cache is not empty:"; ls -lA ~/.cache/eif-cells; exit 1
fi
cpu() {
	if [ -r /sys/fs/cgroup/cpuacct/cpuacct.usage ]; then cat /sys/fs/cgroup/cpuacct/cpuacct.usage
	else awk '/^usage_usec/ {print $2 * 1000}' /sys/fs/cgroup/cpu.stat; fi
}
export EIF_CELLCACHE_VERBOSE=1
status=0
run() {
	pass=$1 nb=$2
	log=/out/$pass/cells/${nb%.ipynb}.log
	mkdir -p "$(dirname "$log")"
	c0=$(cpu) t0=$(date +%s.%N)
	EIF_CELLCACHE_LOG=$log python scripts/run_notebooks.py --no-html --out /out/$pass --root notebooks "notebooks/$nb" || status=1
	t1=$(date +%s.%N) c1=$(cpu)
	echo "TIME $pass $nb $t0 $t1 $c0 $c1"
}
while [ $# -gt 0 ]; do run "$1" "$2"; shift 2; done
ls -A ~/.cache/eif-cells/v1/cells 2>/dev/null | wc -l | sed 's/^/USER-CELLS /'
exit $status
`

// seedTime is one notebook's run in seedRunScript.
type seedTime struct {
	pass, name string
	wall, cpu  float64 // seconds
}

var timeLine = regexp.MustCompile(`(?m)^TIME (\S+) (\S+) (\S+) (\S+) (\d+) (\d+)$`)

// seedTimes reads the TIME lines of seedRunScript's output.
func seedTimes(out string) []seedTime {
	var ts []seedTime
	for _, m := range timeLine.FindAllStringSubmatch(out, -1) {
		t0, _ := strconv.ParseFloat(m[3], 64)
		t1, _ := strconv.ParseFloat(m[4], 64)
		c0, _ := strconv.ParseFloat(m[5], 64)
		c1, _ := strconv.ParseFloat(m[6], 64)
		ts = append(ts, seedTime{m[1], m[2], t1 - t0, (c1 - c0) / 1e9})
	}
	return ts
}

// seedLog is what the cell cache did in one notebook's run, from its log
// (internal/cellcache: Config.Build's and Config.Get's lines).
type seedLog struct {
	seedHits int      // "cell X: seed's binary"
	getSkips int      // "go get skipped: ... in the seed" (or before)
	other    []string // every other line: a build not served from the seed, a cache skipped
}

var cacheLine = regexp.MustCompile(`^eif cell cache [0-9:.]+: (.*)$`)

func readSeedLog(text string) seedLog {
	var l seedLog
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		if line == "" {
			continue
		}
		m := cacheLine.FindStringSubmatch(line)
		switch {
		case m == nil:
			l.other = append(l.other, line)
		case regexp.MustCompile(`^cell [0-9a-f]{12}: seed's binary \(`).MatchString(m[1]):
			l.seedHits++
		case strings.HasPrefix(m[1], "go get skipped: "):
			l.getSkips++
		default:
			l.other = append(l.other, m[1])
		}
	}
	return l
}

// goCells counts the code cells that GoNB builds: those with a line of Go,
// not only shell commands (!, with their continuation lines), magics (%) and
// comments.
func goCells(nb *notebooks.Notebook) int {
	n := 0
	for _, c := range nb.Cells {
		if c.CellType != "code" {
			continue
		}
		shell := false // the line continues a shell command
		for _, line := range strings.Split(string(c.Source), "\n") {
			s := strings.TrimSpace(line)
			cont := shell
			shell = (cont || strings.HasPrefix(s, "!")) && strings.HasSuffix(s, `\`)
			if s == "" || cont || strings.HasPrefix(s, "!") || strings.HasPrefix(s, "//") ||
				(strings.HasPrefix(s, "%") && s != "%%") {
				continue
			}
			if s != "%%" {
				n++
				break
			}
		}
	}
	return n
}

// checkSeedServed checks the cache's log of a new user's first run of name:
// every build of a cell was the seed's binary, one for each cell of Go.
func checkSeedServed(t *testing.T, out, name string, nb *notebooks.Notebook) {
	t.Helper()
	text, err := os.ReadFile(filepath.Join(out, "first", "cells", strings.TrimSuffix(name, ".ipynb")+".log"))
	if err != nil {
		t.Errorf("%s: no log of the cell cache: %v", name, err)
		return
	}
	l := readSeedLog(string(text))
	want := goCells(nb)
	t.Logf("%s, a new user's first run: %d of %d cells of Go built from the seed, %d go get skipped", name, l.seedHits, want, l.getSkips)
	if l.seedHits != want || len(l.other) > 0 {
		t.Errorf("%s: a new user's first run took %d of its %d cells of Go from the image's seed; the cache's other lines:\n  %s",
			name, l.seedHits, want, strings.Join(l.other, "\n  "))
	}
}

// firstVsWarm formats the first and warm runs of the notebooks run twice.
func firstVsWarm(ts []seedTime) (report string, ratios map[string][2]float64) {
	first := map[string]seedTime{}
	var b strings.Builder
	ratios = map[string][2]float64{}
	for _, x := range ts {
		if x.pass == "first" {
			first[x.name] = x
		}
	}
	for _, x := range ts {
		f, ok := first[x.name]
		if x.pass != "warm" || !ok {
			continue
		}
		r := [2]float64{f.wall / x.wall, f.cpu / x.cpu}
		ratios[x.name] = r
		fmt.Fprintf(&b, "  %s: first %.1f s wall, %.1f CPU-s; warm %.1f s, %.1f CPU-s; first/warm %.2f× wall, %.2f× CPU\n",
			x.name, f.wall, f.cpu, x.wall, x.cpu, r[0], r[1])
	}
	return b.String(), ratios
}

// The reading of the cache's log and of the script's times, without Docker.
func TestSeedLogReading(t *testing.T) {
	l := readSeedLog(`eif cell cache 10:00:00.001: go get skipped: it changed nothing with these inputs in the seed
eif cell cache 10:00:00.101: cell 0123456789ab: seed's binary (0.004 s)
eif cell cache 10:00:01.101: cell 0123456789ab: linked (0.400 s)
eif cell cache 10:00:02.101: cell cache skipped, built as usual: the folder has a go.work
go: something else
`)
	if l.seedHits != 1 || l.getSkips != 1 || len(l.other) != 3 {
		t.Errorf("readSeedLog: %d hits, %d skips, other %q; want 1, 1 and 3 lines", l.seedHits, l.getSkips, l.other)
	}
	nb := &notebooks.Notebook{Cells: []notebooks.Cell{
		{CellType: "code", Source: "// Setup\n!*go mod edit \\\n  -replace=a=b \\\n  -require=a@v0.0.0"},
		{CellType: "code", Source: "import \"fmt\""},
		{CellType: "code", Source: "%%\nfmt.Println(1)"},
		{CellType: "markdown", Source: "x := 1"},
		{CellType: "code", Source: "%env A=1\n// nothing"},
	}}
	if n := goCells(nb); n != 2 {
		t.Errorf("goCells = %d, want 2", n)
	}
	ts := seedTimes("TIME first a.ipynb 100.5 110.5 1000000000 9000000000\nnoise\nTIME warm a.ipynb 200 205 0 4000000000\n")
	if len(ts) != 2 || ts[0].wall != 10 || ts[0].cpu != 8 || ts[1].wall != 5 || ts[1].cpu != 4 {
		t.Fatalf("seedTimes: %+v", ts)
	}
	if _, r := firstVsWarm(ts); r["a.ipynb"] != [2]float64{2, 2} {
		t.Errorf("firstVsWarm: %v, want a.ipynb 2× and 2×", r)
	}
}
