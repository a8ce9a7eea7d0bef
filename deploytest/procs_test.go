package deploytest_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The processes of the class test's containers, read from /proc on the host
// (Linux): which student each belongs to (its cgroup names the container),
// what it is (server, kernel, gopls), and its peak resident memory (VmHWM,
// the kernel's own high-water mark, so sampling once a second misses no peak).

type procKey struct {
	pid   int
	start string // start time in clock ticks (field 22 of /proc/PID/stat)
}

type procInfo struct {
	user, kind string
	hwmKB      int
}

type procSampler struct {
	prefix string
	mu     sync.Mutex
	ids    map[string]string // full container ID → student
	procs  map[procKey]*procInfo
	peak   map[string]int // student → peak of the sum of VmRSS of their processes (kB)
	cpu    map[string][]cpuSample
	load   []float64 // the machine's 1-minute load average, once a second
	halt   chan struct{}
	once   sync.Once
}

func newProcSampler(prefix string) *procSampler {
	return &procSampler{prefix: prefix, ids: map[string]string{}, procs: map[procKey]*procInfo{},
		peak: map[string]int{}, cpu: map[string][]cpuSample{}, halt: make(chan struct{})}
}

func (s *procSampler) run(ctx context.Context) {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		s.sample(ctx)
		select {
		case <-ctx.Done():
			return
		case <-s.halt:
			return
		case <-tick.C:
		}
	}
}

func (s *procSampler) stop() { s.once.Do(func() { close(s.halt) }) }

func (s *procSampler) sample(ctx context.Context) {
	if out, err := docker(ctx, "ps", "--no-trunc", "--filter", "name=^"+s.prefix+"-", "--format", "{{.ID}} {{.Names}}"); err == nil {
		s.mu.Lock()
		for _, line := range strings.Split(out, "\n") {
			if id, name, ok := strings.Cut(line, " "); ok {
				s.ids[id] = strings.TrimPrefix(name, s.prefix+"-")
			}
		}
		s.mu.Unlock()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		if f := strings.Fields(string(b)); len(f) > 0 {
			if x, err := strconv.ParseFloat(f[0], 64); err == nil {
				s.load = append(s.load, x)
			}
		}
	}
	for id, u := range s.ids {
		if b, err := os.ReadFile(filepath.Join("/sys/fs/cgroup/cpuacct/docker", id, "cpuacct.usage")); err == nil {
			s.cpu[u] = append(s.cpu[u], cpuSample{now, float64(atoi(strings.TrimSpace(string(b)))) / 1e9})
		}
	}
	rss := map[string]int{}
	for _, p := range listProcs() {
		user := ""
		for id, u := range s.ids {
			if strings.Contains(p.cgroup, id) {
				user = u
				break
			}
		}
		if user == "" {
			continue
		}
		info := s.procs[p.key]
		if info == nil {
			info = &procInfo{user: user, kind: p.kind}
			s.procs[p.key] = info
		}
		info.hwmKB = max(info.hwmKB, p.hwmKB)
		rss[user] += p.rssKB
	}
	for u, kb := range rss {
		s.peak[u] = max(s.peak[u], kb)
	}
}

// report gives, in MB over the students, the median and largest per-student
// peak of each kind of process and of all of a student's processes at once.
func (s *procSampler) report() map[string]map[string]float64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	per := map[string]map[string]int{} // kind → student → peak kB
	for _, info := range s.procs {
		if per[info.kind] == nil {
			per[info.kind] = map[string]int{}
		}
		per[info.kind][info.user] = max(per[info.kind][info.user], info.hwmKB)
	}
	per["all processes at once"] = s.peak
	out := map[string]map[string]float64{}
	for kind, users := range per {
		var mb []float64
		for _, kb := range users {
			mb = append(mb, float64(kb)/1024)
		}
		st := stats(mb)
		out[kind] = map[string]float64{"p50": round1(st.P50), "max": round1(st.Max), "students": float64(st.N)}
	}
	return out
}

// cpuSample is the CPU time a student's container has used (cgroup v1
// cpuacct), in seconds, at a time.
type cpuSample struct {
	at  time.Time
	sec float64
}

// cpuBetween returns the CPU seconds a student's container used from the last
// sample at or before from to the first at or after to (so it may count up to
// a second more at each end), or -1 without samples around that span.
func (s *procSampler) cpuBetween(user string, from, to time.Time) float64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	start, end := -1.0, -1.0
	for _, c := range s.cpu[user] {
		if !c.at.After(from) {
			start = c.sec
		}
		if !c.at.Before(to) && end < 0 {
			end = c.sec
		}
	}
	if start < 0 || end < 0 {
		return -1
	}
	return end - start
}

// loadAverage is the mean of the machine's 1-minute load average over the samples.
func (s *procSampler) loadAverage() float64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	sum := 0.0
	for _, x := range s.load {
		sum += x
	}
	return sum / float64(max(len(s.load), 1))
}

func (s *procSampler) seen() map[procKey]procInfo {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[procKey]procInfo{}
	for k, v := range s.procs {
		out[k] = *v
	}
	return out
}

func (s *procSampler) containerIDs() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var ids []string
	for id := range s.ids {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// checkNoneLeft fails for every process seen in a student's container that
// still runs, and for any process still in one of those containers' cgroups.
func checkNoneLeft(t *testing.T, seen map[procKey]procInfo, ids []string) {
	t.Helper()
	kinds := map[string]int{}
	for _, info := range seen {
		kinds[info.kind]++
	}
	if kinds["server"] == 0 || kinds["kernel"] == 0 || kinds["gopls"] == 0 {
		t.Errorf("the test saw no server, kernel or gopls process in the containers (%v): nothing to check", kinds)
	}
	left := 0
	for _, p := range listProcs() {
		if info, ok := seen[p.key]; ok {
			t.Errorf("%s's %s (pid %d) still runs after the hub stopped every server", info.user, info.kind, p.key.pid)
			left++
			continue
		}
		for _, id := range ids {
			if strings.Contains(p.cgroup, id) {
				t.Errorf("pid %d (%s) still runs in the cgroup of container %.12s", p.key.pid, p.kind, id)
				left++
			}
		}
	}
	t.Logf("after the servers stopped: %d of %d processes seen in the students' containers remain (servers %d, kernels %d, gopls %d)",
		left, len(seen), kinds["server"], kinds["kernel"], kinds["gopls"])
}

type procEntry struct {
	key          procKey
	ppid         int
	kind, cgroup string
	hwmKB, rssKB int
}

// listProcs reads every process of the machine from /proc.
func listProcs() []procEntry {
	if runtime.GOOS != "linux" {
		return nil
	}
	dirs, _ := os.ReadDir("/proc")
	var out []procEntry
	for _, d := range dirs {
		pid, err := strconv.Atoi(d.Name())
		if err != nil {
			continue
		}
		dir := filepath.Join("/proc", d.Name())
		stat, err := os.ReadFile(filepath.Join(dir, "stat"))
		if err != nil {
			continue
		}
		// The command name (field 2) may hold spaces: fields start after the last ')'.
		i := strings.LastIndexByte(string(stat), ')')
		fields := strings.Fields(string(stat[i+1:]))
		if len(fields) < 20 {
			continue
		}
		cg, _ := os.ReadFile(filepath.Join(dir, "cgroup"))
		cmdline, _ := os.ReadFile(filepath.Join(dir, "cmdline"))
		status, _ := os.ReadFile(filepath.Join(dir, "status"))
		out = append(out, procEntry{
			key:    procKey{pid: pid, start: fields[19]},
			ppid:   atoi(fields[1]),
			kind:   procKind(strings.Split(string(cmdline), "\x00")),
			cgroup: string(cg),
			hwmKB:  statusKB(string(status), "VmHWM:"),
			rssKB:  statusKB(string(status), "VmRSS:"),
		})
	}
	return out
}

// procKind names what a process is from its command line.
func procKind(argv []string) string {
	if len(argv) == 0 || argv[0] == "" {
		return "other"
	}
	base := filepath.Base(argv[0])
	switch {
	case base == "gonb":
		return "kernel"
	case base == "gopls":
		return "gopls"
	case strings.HasPrefix(base, "python") && len(argv) > 1 && strings.HasSuffix(argv[1], "jupyterhub-singleuser"),
		base == "jupyterhub-singleuser":
		return "server"
	}
	return "other"
}

func statusKB(status, field string) int {
	for _, line := range strings.Split(status, "\n") {
		if v, ok := strings.CutPrefix(line, field); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			return kb
		}
	}
	return 0
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// descendants returns the processes below pid (children, their children, ...).
func descendants(pid int) []procEntry {
	all := listProcs()
	below := map[int]bool{pid: true}
	var out []procEntry
	for changed := true; changed; {
		changed = false
		for _, p := range all {
			if below[p.ppid] && !below[p.key.pid] {
				below[p.key.pid] = true
				out = append(out, p)
				changed = true
			}
		}
	}
	return out
}

// running reports whether the process of key still runs.
func running(key procKey) bool {
	for _, p := range listProcs() {
		if p.key == key {
			return true
		}
	}
	return false
}

func round1(x float64) float64 { return float64(int(x*10+0.5)) / 10 }

func numCPU() int { return runtime.NumCPU() }
