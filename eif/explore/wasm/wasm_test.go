package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/internal/site"
	"github.com/eif-notebooks/eif-notebooks/internal/testenv"
)

// maxGzipped is the goal for the explorer's WebAssembly program, gzipped: 2 MB.
const maxGzipped = 2 << 20

// tol is the agreement asked of the WebAssembly build: 1e-12, relative.
const tol = 1e-12

// TestWasmMatchesNative builds the explorer for the browser as the site does
// (internal/site.BuildWasm), runs it under Node.js with Go's wasm_exec_node.js on the
// grid of slider positions (grid.go), and compares its numbers with the native build's:
//   - the rheobase, the firing rate and the fixed points, to 1e-12 relative;
//   - the trace: as many samples and spikes; the spike and sample times to 1e-12
//     relative; each voltage u to 1e-12 up to a time shift of 1e-12 relative,
//     |Δu| ≤ 1e-12·(|u| + |du/dt|·t), du/dt from the neighbouring samples, since the
//     upstroke (tens of mV/ms) turns a shift of the last bit of a spike time into a larger
//     difference of u.
//
// WebAssembly has no fused multiply–add, and eif fuses where the processor has one (eif's
// fma), so the native reference runs with GODEBUG=cpu.fma=off: the same operations,
// compiled for another machine. The difference from the fused native build is logged.
// It also checks the program's size against the 2 MB goal (gzipped).
func TestWasmMatchesNative(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: not building the WebAssembly explorer")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		testenv.SkipOrFail(t, "no node on PATH (on Debian: apt-get install nodejs)")
	}
	root := testenv.RepoRoot()
	dir := t.TempDir()
	raw, gz, err := site.BuildWasm(root, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %.2f MB, %.2f MB gzipped (-9)", site.WasmFile, float64(raw)/1e6, float64(gz)/1e6)
	if gz > maxGzipped {
		t.Errorf("%s is %d bytes gzipped, more than the goal of %d", site.WasmFile, gz, maxGzipped)
	}
	goroot := strings.TrimSpace(testenv.Run(t, "", nil, "go", "env", "GOROOT"))
	wasm := readGrid(t, testenv.Run(t, "", nil, node, filepath.Join(goroot, "lib", "wasm", "wasm_exec_node.js"), filepath.Join(dir, site.WasmFile), "grid"))

	native := filepath.Join(dir, "native")
	testenv.Run(t, root, nil, "go", "build", "-o", native, site.WasmPackage)
	unfused := readGrid(t, testenv.Run(t, "", append(os.Environ(), "GODEBUG=cpu.fma=off"), native))
	var b bytes.Buffer
	if err := grid(&b); err != nil {
		t.Fatal(err)
	}
	fused := readGrid(t, b.String())

	if len(wasm) != len(GridI)*len(GridDeltaT) || len(unfused) != len(wasm) {
		t.Fatalf("%d points from the WebAssembly build, %d from the native one, want %d", len(wasm), len(unfused), len(GridI)*len(GridDeltaT))
	}
	samples := 0
	for k := range wasm {
		compare(t, wasm[k], unfused[k])
		samples += len(wasm[k].T)
	}
	t.Logf("%d grid points, %d trace samples: the WebAssembly build agrees with the native one to %g", len(wasm), samples, tol)
	var worst float64
	for k := range wasm {
		if len(wasm[k].U) == len(fused[k].U) {
			for j := range wasm[k].U {
				worst = max(worst, math.Abs(wasm[k].U[j]-fused[k].U[j])/math.Abs(fused[k].U[j]))
			}
		}
	}
	t.Logf("against the native build with fused multiply–adds (this machine's default): largest relative difference of u %.1e", worst)
}

// readGrid reads the JSON lines of grid.
func readGrid(t *testing.T, out string) []Point {
	t.Helper()
	var pts []Point
	s := bufio.NewScanner(strings.NewReader(out))
	s.Buffer(nil, 64<<20)
	for s.Scan() {
		var p Point
		if err := json.Unmarshal(s.Bytes(), &p); err != nil {
			t.Fatalf("reading the grid: %v: %.200s", err, s.Text())
		}
		pts = append(pts, p)
	}
	return pts
}

// compare checks one grid point of the WebAssembly build, w, against the native one, n.
func compare(t *testing.T, w, n Point) {
	t.Helper()
	where := "grid point " + n.Msg
	if w.Msg != n.Msg || w.Err != n.Err {
		t.Errorf("%s: message %q, error %q from WebAssembly; %q, %q natively", where, w.Msg, w.Err, n.Msg, n.Err)
		return
	}
	if n.Err != "" {
		return
	}
	near := func(a, b float64) bool { return math.Abs(a-b) <= tol*math.Abs(b) }
	for _, c := range []struct {
		name string
		w, n float64
	}{{"I", w.I, n.I}, {"Δ_T", w.DeltaT, n.DeltaT}, {"rheobase", w.Rheobase, n.Rheobase}, {"rate", w.Rate, n.Rate}} {
		if !near(c.w, c.n) {
			t.Errorf("%s: %s %v from WebAssembly, %v natively", where, c.name, c.w, c.n)
		}
	}
	if len(w.FixedPoints) != len(n.FixedPoints) || strings.Join(w.Stability, ",") != strings.Join(n.Stability, ",") {
		t.Errorf("%s: fixed points %v %v from WebAssembly, %v %v natively", where, w.FixedPoints, w.Stability, n.FixedPoints, n.Stability)
		return
	}
	for k := range n.FixedPoints {
		if !near(w.FixedPoints[k], n.FixedPoints[k]) {
			t.Errorf("%s: fixed point %d at %v mV from WebAssembly, %v natively", where, k+1, w.FixedPoints[k], n.FixedPoints[k])
		}
	}
	if len(w.Spikes) != len(n.Spikes) || len(w.T) != len(n.T) || len(w.U) != len(n.T) {
		t.Errorf("%s: %d spikes and %d samples from WebAssembly, %d and %d natively", where, len(w.Spikes), len(w.T), len(n.Spikes), len(n.T))
		return
	}
	for k := range n.Spikes {
		if !near(w.Spikes[k], n.Spikes[k]) {
			t.Errorf("%s: spike %d at %v ms from WebAssembly, %v natively", where, k+1, w.Spikes[k], n.Spikes[k])
		}
	}
	bad := 0
	for j := range n.T {
		if !near(w.T[j], n.T[j]) {
			bad++
			if bad <= 3 {
				t.Errorf("%s: sample %d at t = %v ms from WebAssembly, %v natively", where, j, w.T[j], n.T[j])
			}
			continue
		}
		if d, allowed := math.Abs(w.U[j]-n.U[j]), tol*(math.Abs(n.U[j])+slope(n, j)*n.T[j]); d > allowed {
			bad++
			if bad <= 3 {
				t.Errorf("%s: u(%v ms) = %v mV from WebAssembly, %v natively: differ by %.2g, more than %.2g", where, n.T[j], w.U[j], n.U[j], d, allowed)
			}
		}
	}
	if bad > 3 {
		t.Errorf("%s: %d samples differ in all", where, bad)
	}
}

// slope is |du/dt| at sample j of p's trace, the larger of the slopes to the neighbouring
// samples that are not across a spike's reset (a later sample, or a jump of more than
// 20 mV).
func slope(p Point, j int) float64 {
	s := 0.0
	for _, k := range [][2]int{{j - 1, j}, {j, j + 1}} {
		a, b := k[0], k[1]
		if a < 0 || b >= len(p.T) || p.T[b] <= p.T[a] || math.Abs(p.U[b]-p.U[a]) > 20 {
			continue
		}
		s = max(s, math.Abs(p.U[b]-p.U[a])/(p.T[b]-p.T[a]))
	}
	return s
}
