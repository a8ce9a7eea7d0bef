package exercises_test

import "strings"

// What the simulated students of TestAssignments submit. Each answers the
// English assignments unless said otherwise:
//
//   - alice: the solutions;
//   - bob: the student version, untouched;
//   - carol: faults in some answers (a panic, an os.Exit(1), an endless loop,
//     wrong answers), the solutions elsewhere;
//   - mallory and trudy: the cheats and the plausible wrong answers that
//     passed the tests before (issue 26), each of which must now lose its
//     points, most of them to the visible test the student sees;
//   - rita: part-b twice, first untouched, then the solutions, late: the
//     second submission is the one graded, marked late;
//   - ivan, dora, lena: bad input (a notebook that is not JSON, deleted cells,
//     a changed locked test), graded with a note, the others unharmed;
//   - eve: part-a, submitted from her own server under alice's name;
//   - amelie, of the French class: partie-a, the solutions but for an
//     os.Exit(0) in Ex. 3 (the grader's note, and her feedback, in French).
//
// A fault replaces the answer cell of an exercise: "panic", "exit" (os.Exit(1))
// and "loop" (an endless loop, cut by the timeout) are put first in the
// solution's function; any other text is the whole cell.
type fault struct {
	code   string
	caught string // how the test catches it: visible, hidden, seal (the test never reached its end), error
	why    string
}

var faults = map[string]map[string]map[string]fault{ // student, assignment, answer cell
	"carol": {
		"part-a": {"ex2-solution": {`// curvatureFD, wrong: the forward difference of f, i.e. f'.
func curvatureFD(n *eif.Neuron, u, h float64) float64 {
	return (n.DuDt(u+h, 0) - n.DuDt(u, 0)) / h
}`, "visible", "a wrong formula"}},
		"part-b": {
			"ex1-solution": {"loop", "error", "an endless loop, cut by the timeout"},
			"ex3-solution": {"panic", "error", "a panic"},
			"ex5-solution": {"exit", "error", "os.Exit(1)"},
		},
		"beyond": {"ex4-solution": {`func onsetExponent(n *eif.Neuron) float64 {
	return 1 // the LIF's guess
}`, "visible", "a guess"}},
	},
	"mallory": {
		"part-a": {
			"ex3-solution": {`import "os"

func toSI(curvature float64) float64 {
	os.Exit(0)
	return 0
}`, "seal", "os.Exit(0) in the answer: the test stops early, cleanly"},
			"ex1-solution": {`import "os"

func fixedPointsI0(n *eif.Neuron) (u1, u2 float64, err error) {
	fmt.Println("Ex. 1: the checks passed")
	os.Exit(0)
	return
}`, "seal", "the test's last line printed by the answer, then os.Exit(0)"},
		},
		"part-b": {
			"ex4-solution": {`func firstFiringAmplitude(n *eif.Neuron, duration, step float64) (float64, error) {
	p := n.Params()
	for k := 1; float64(k)*step <= 100; k++ {
		res, err := n.Simulate(eif.Pulse{Amp: float64(k) * step, T1: 0, T2: duration}, p.Rest, duration+200, &eif.Settings{SpikesOnly: true})
		if err != nil {
			return 0, err
		}
		if len(res.Spikes) > 0 {
			return float64(k-1) * step, nil // off by one: the last amplitude that does not fire
		}
	}
	return 0, fmt.Errorf("none fires")
}`, "visible", "B4 off by one (the last amplitude that does not fire)"},
			"ex5-solution": {`func pulseThreshold(n *eif.Neuron, duration, lo, hi, tol float64) (float64, error) {
	p := n.Params()
	for hi-lo >= tol {
		m := (lo + hi) / 2
		res, err := n.Simulate(eif.Pulse{Amp: m, T1: 0, T2: duration}, p.Rest, duration, &eif.Settings{SpikesOnly: true}) // no tail
		if err != nil {
			return 0, err
		}
		if len(res.Spikes) > 0 {
			hi = m
		} else {
			lo = m
		}
	}
	return (lo + hi) / 2, nil
}`, "visible", "B5 without the 200 ms after the pulse"},
		},
		"beyond": {
			"ex4-solution": {`func onsetExponent(n *eif.Neuron) float64 {
	return 0.5 // the statement says so
}`, "visible", "C4 hard-coding β = 1/2"},
			"ex2-solution": {`func logLogSlope(x, y []float64) float64 {
	k := len(x) - 1
	return math.Log(y[k]/y[0]) / math.Log(x[k]/x[0]) // two points
}`, "visible", "C2 a two-point slope"},
			"ex1-solution": {`func eulerTimeToSpike(n *eif.Neuron, I, dt float64) (float64, error) {
	p := n.Params()
	u := p.Reset
	for k := 0; float64(k)*dt <= 1e4; k++ {
		u += dt * n.DuDt(u, I)
		if u >= p.Cutoff {
			return float64(k+1) * dt, nil // t_{k+1}, not interpolated
		}
	}
	return 0, fmt.Errorf("no spike")
}`, "visible", "C1 returning t_{k+1}, not interpolated"},
			"ex3-solution": {`func chronaxie(n *eif.Neuron, tol float64) (float64, error) {
	return 10 * math.Ln2, nil
}`, "visible", "C3 hard-coding 10·ln 2"},
		},
	},
	"trudy": {
		"part-a": {
			"ex3-solution": {`import "runtime"

func toSI(curvature float64) float64 {
	runtime.Goexit()
	return 0
}`, "error", "runtime.Goexit in the answer"},
			"ex1-solution": {`func fixedPointsI0(n *eif.Neuron) (u1, u2 float64, err error) {
	defer func() { recover() }()
	panic("not done") // recovered: returns zeros
}`, "visible", "a recovered panic in the answer"},
		},
		"part-b": {"ex4-solution": {`func firstFiringAmplitude(n *eif.Neuron, duration, step float64) (float64, error) {
	p := n.Params()
	for k := 1; float64(k)*step <= 100; k++ {
		res, err := n.Simulate(eif.Pulse{Amp: float64(k) * step, T1: 0, T2: duration}, p.Rest, duration+200, &eif.Settings{SpikesOnly: true})
		if err != nil {
			return 0, err
		}
		if len(res.Spikes) > 0 {
			return float64(k+1) * step, nil // off by one the other way
		}
	}
	return 0, fmt.Errorf("none fires")
}`, "visible", "B4 off by one (one step too far)"}},
		"beyond": {
			"ex1-solution": {`func eulerTimeToSpike(n *eif.Neuron, I, dt float64) (float64, error) {
	p := n.Params()
	u := p.Reset
	for k := 0; float64(k)*dt <= 1e4; k++ {
		next := u + dt*n.DuDt(u, I)
		if next >= p.Cutoff {
			return float64(k) * dt, nil // t_k, not interpolated
		}
		u = next
	}
	return 0, fmt.Errorf("no spike")
}`, "visible", "C1 returning t_k, not interpolated"},
			"ex3-solution": {`func chronaxie(n *eif.Neuron, tol float64) (float64, error) {
	return n.Params().Tau * math.Ln2, nil // Lapicque's formula: right for the LIF only
}`, "hidden", "C3 by the LIF's formula, not by bisection"},
		},
	},
	"amelie": {
		"partie-a": {"ex3-solution": {`import "os"

func toSI(curvature float64) float64 {
	os.Exit(0)
	return 0
}`, "seal", "os.Exit(0) in the answer, in French: the test stops early, cleanly"}},
	},
	"lena": {
		"part-a": {"ex1-solution": {`func fixedPointsI0(n *eif.Neuron) (u1, u2 float64, err error) {
	return -70, -30, nil
}`, "visible", "a wrong answer, and a test changed to pass it (put back)"}},
	},
}

// students lists, for each simulated student, the assignments they submit
// through the exchange (nil stands for every English assignment).
var students = []student{
	{"alice", nil, "en"}, {"bob", nil, "en"}, {"carol", faulty, "en"}, {"mallory", faulty, "en"}, {"trudy", faulty, "en"},
	{"rita", []string{"part-b"}, "en"}, {"ivan", []string{"part-a"}, "en"}, {"dora", []string{"part-a"}, "en"},
	{"lena", []string{"part-a"}, "en"}, {"eve", []string{"part-a"}, "en"},
	{"amelie", []string{"partie-a"}, "fr"},
}

type student struct {
	name  string
	what  []string
	class string // the language of their class: en or fr
}

// assignments returns what the student submits: what, or every English assignment.
func (s student) assignments(english []string) []string {
	if s.what == nil {
		return english
	}
	return s.what
}

// faulty is what the students with faults submit: the assignments their faults are in.
var faulty = []string{"part-a", "part-b", "beyond"}

// answer returns the solution with the fault.
func answer(sol string, f fault) string {
	inject := map[string]string{
		"panic": "\tpanic(\"a bug of mine\")\n",
		"exit":  "\tos.Exit(1)\n",
		"loop":  "\tfor {\n\t}\n",
	}
	code, ok := inject[f.code]
	if !ok {
		if f.code != "" {
			return f.code
		}
		return sol
	}
	i := strings.Index(sol, "{\n") + 2 // the function's opening brace
	sol = sol[:i] + code + sol[i:]
	if f.code == "exit" {
		sol = "import \"os\"\n\n" + sol
	}
	return sol
}
