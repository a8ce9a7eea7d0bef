package deploytest_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eif-notebooks/eif-notebooks/internal/stats"
)

// The login load: loadStudents students log in within loadWindow, one
// starting every loadWindow/loadStudents, each with a browser of its own
// (its own TLS connection, cookies) and each login bounded by loadTimeout.
const (
	loadStudents = 30
	loadWindow   = 10 * time.Second
	loadTimeout  = 2 * time.Minute
)

// checkLoginLoad: 30 students, signed up and approved, log in within 10 s
// through nginx; none may fail. It reports p50 and p95 of the login time
// (opening the login page, then the form's answer) and the CPU and memory of
// the hub's process (and of the proxy and nginx) over those 10 s.
func checkLoginLoad(t *testing.T, ctx context.Context, f *frontTest) {
	h := f.h
	users := make([]string, loadStudents)
	signup := newBrowser(h)
	for i := range users {
		users[i] = fmt.Sprintf("l%02d", i+1)
		if code, msg := signup.signup(ctx, users[i], h.Password); code != 200 || !strings.Contains(msg, "sent to the admin") {
			t.Fatalf("sign-up of %s: HTTP %d %q", users[i], code, msg)
		}
		approve(t, ctx, f, users[i])
	}

	// nginx's work is done by its worker, a child of the master process.
	pids := map[string]int{"hub": h.PID(), "proxy": h.ProxyPID(), "nginx": firstChild(h.NginxPID())}
	before := map[string]procUsage{}
	for k, pid := range pids {
		before[k] = readUsage(pid)
	}
	// The hub's main thread runs its event loop: its CPU time is the time the
	// loop was held (a password checked there holds it; one in a thread does not).
	loop := fmt.Sprintf("%d/task/%d", h.PID(), h.PID())
	loopBefore := readStat(loop)
	peak := map[string]float64{}
	stop := make(chan struct{})
	var sampled sync.WaitGroup
	sampled.Add(1)
	go func() { // resident memory, every 100 ms
		defer sampled.Done()
		for {
			for k, pid := range pids {
				peak[k] = max(peak[k], readUsage(pid).rssMB)
			}
			select {
			case <-stop:
				return
			case <-time.After(100 * time.Millisecond):
			}
		}
	}()
	// Meanwhile, another page of the hub's (its health check) every 200 ms:
	// how long it waits shows whether the logins hold the hub's event loop.
	var probes []float64
	sampled.Add(1)
	go func() {
		defer sampled.Done()
		for {
			t0 := time.Now()
			h.Status(ctx, "/hub/health", "")
			probes = append(probes, time.Since(t0).Seconds())
			select {
			case <-stop:
				return
			case <-time.After(200 * time.Millisecond):
			}
		}
	}()
	load0 := loadAverage()
	times := make([]float64, len(users))
	fails := make([]string, len(users))
	var wg sync.WaitGroup
	start := time.Now()
	for i, u := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Until(start.Add(time.Duration(i) * loadWindow / loadStudents)))
			lctx, cancel := context.WithTimeout(ctx, loadTimeout)
			defer cancel()
			code, msg, took := newBrowser(h).login(lctx, u, h.Password)
			times[i] = took.Seconds()
			if code != 302 {
				fails[i] = fmt.Sprintf("%s: HTTP %d %.200q after %.1f s", u, code, msg, took.Seconds())
			}
		}()
	}
	wg.Wait()
	wall := time.Since(start)
	close(stop)
	sampled.Wait()

	var failed []string
	for _, f := range fails {
		if f != "" {
			failed = append(failed, f)
		}
	}
	if len(failed) > 0 {
		t.Errorf("%d of %d logins failed:\n  %s", len(failed), len(users), strings.Join(failed, "\n  "))
	}
	s, hp := stats.Of(times), stats.Of(probes)
	usage := map[string]any{}
	for k, pid := range pids {
		after := readUsage(pid)
		usage[k] = map[string]float64{"cpu_s": round1(after.cpuS - before[k].cpuS), "rss_mb_before": round1(before[k].rssMB),
			"rss_mb_peak": round1(peak[k]), "rss_mb_after": round1(after.rssMB)}
	}
	loopCPU := readStat(loop) - loopBefore
	usage["hub_event_loop"] = map[string]float64{"cpu_s": round1(loopCPU)}
	f.report["logins"] = map[string]any{"students": len(users), "window_s": loadWindow.Seconds(), "failures": len(failed),
		"p50_s": round2(s.P50), "p95_s": round2(s.P95), "max_s": round2(s.Max),
		"all_done_s": round1(wall.Seconds()), "processes": usage, "load_average": round1(max(load0, loadAverage())),
		"health_check_s": map[string]float64{"p50": round2(hp.P50), "p95": round2(hp.P95), "max": round2(hp.Max)}}
	t.Logf("%d logins started within %.0f s through HTTPS: %d failed; login time p50 %.2f s, p95 %.2f s, max %.2f s; all done in %.1f s; load average %.1f\n"+
		"  the hub's health check meanwhile: p50 %.2f s, p95 %.2f s, max %.2f s\n  CPU and memory: %s",
		len(users), loadWindow.Seconds(), len(failed), s.P50, s.P95, s.Max, wall.Seconds(), loadAverage(), hp.P50, hp.P95, hp.Max, b2s(usage))
}

// procUsage is a process's CPU time so far (all its threads) and resident memory.
type procUsage struct{ cpuS, rssMB float64 }

// readUsage reads /proc/PID/stat (readStat) and /proc/PID/status (VmRSS);
// zero for no such process.
func readUsage(pid int) procUsage {
	var u procUsage
	if pid == 0 {
		return u
	}
	u.cpuS = readStat(fmt.Sprint(pid))
	if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid)); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
				kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
				u.rssMB = kb / 1024
			}
		}
	}
	return u
}

// firstChild is the first child process of pid (pid itself if none).
func firstChild(pid int) int {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", pid, pid))
	if f := strings.Fields(string(b)); err == nil && len(f) > 0 {
		if c, err := strconv.Atoi(f[0]); err == nil {
			return c
		}
	}
	return pid
}

// readStat is the CPU time (utime + stime, in the kernel's 100 ticks a
// second) of /proc/ID/stat: ID a process (all its threads) or PID/task/TID (one thread).
func readStat(id string) float64 {
	b, err := os.ReadFile("/proc/" + id + "/stat")
	if err != nil {
		return 0
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(s[i+1:]) // f[0] is field 3 (state): utime is field 14, stime 15
	if len(f) < 13 {
		return 0
	}
	ut, _ := strconv.ParseFloat(f[11], 64)
	st, _ := strconv.ParseFloat(f[12], 64)
	return (ut + st) / 100
}

// loadAverage is the machine's load average over the last minute.
func loadAverage() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	x, _ := strconv.ParseFloat(strings.Fields(string(b))[0], 64)
	return x
}
