package fmatest

import (
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/eif/internal/fast"
)

// childEnv marks the child process, which must not start another.
const childEnv = "EIF_FMATEST_CHILD"

// Child reports whether this process is the unfused child of Unfused.
func Child() bool { return os.Getenv(childEnv) != "" }

// Unfused runs the top-level test t again in a child process with FMA turned off, its
// output logged, and fails t if the child fails; env adds NAME=VALUE pairs to the child's
// environment, for the parent to hand it results to compare with. In the child it only
// checks that FMA is off indeed. Where FMA cannot be turned off (not amd64, or built for
// GOAMD64=v3 and above, which require it) or is off already, it logs why and does
// nothing.
func Unfused(t *testing.T, env ...string) {
	t.Helper()
	if Child() {
		if fast.Fused() {
			t.Fatal("GODEBUG=cpu.fma=off did not turn FMA off")
		}
		return
	}
	switch {
	case !fast.Fused():
		t.Log("FMA is off in this process already: the unfused path is the one tested")
		return
	case runtime.GOARCH != "amd64":
		t.Logf("FMA is an instruction of every %s processor, and stays on: only the fused path is tested", runtime.GOARCH)
		return
	case required:
		t.Log("built for GOAMD64=v3 or above, which requires FMA: only the fused path is tested")
		return
	}
	godebug := "cpu.fma=off"
	if old := os.Getenv("GODEBUG"); old != "" {
		godebug = old + "," + godebug
	}
	name := strings.SplitN(t.Name(), "/", 2)[0]
	cmd := exec.Command(os.Args[0], "-test.run=^"+regexp.QuoteMeta(name)+"$", "-test.count=1", "-test.v")
	cmd.Env = append(append(os.Environ(), childEnv+"=1", "GODEBUG="+godebug), env...)
	out, err := cmd.CombinedOutput()
	t.Logf("the unfused path, in a child process with GODEBUG=%s:\n%s", godebug, out)
	if err != nil {
		t.Errorf("the unfused path failed: %v", err)
	}
}
