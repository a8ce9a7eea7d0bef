// Package procs reads the machine's processes from /proc (Linux) for the
// tests that must see what runs: the class test's sampler of the students'
// containers (which student a process belongs to, from its cgroup; what it is:
// server, kernel, gopls; its peak resident memory, VmHWM, the kernel's own
// high-water mark, so sampling once a second misses no peak; the CPU time of
// each container), the processes below a PID, and whether a process still runs.
package procs

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

	"github.com/eif-notebooks/eif-notebooks/internal/docker"
	"github.com/eif-notebooks/eif-notebooks/internal/stats"
)

// Key names a process: its PID and start time, so a reused PID is another process.
type Key struct {
	PID   int
	Start string // start time in clock ticks (field 22 of /proc/PID/stat)
}

// Info is what the sampler learnt of a process: its student, its kind and its peak memory.
type Info struct {
	User, Kind string
	HWMKB      int
}

// Sampler samples, once a second, the processes of the containers named
// PREFIX-STUDENT, and the machine's load average.
type Sampler struct {
	prefix string
	mu     sync.Mutex
	ids    map[string]string // full container ID → student
	procs  map[Key]*Info
	peak   map[string]int // student → peak of the sum of VmRSS of their processes (kB)
	cpu    map[string][]cpuSample
	load   []float64 // the machine's 1-minute load average, once a second
	halt   chan struct{}
	once   sync.Once
}

// NewSampler returns a sampler of the containers whose names start with prefix-.
func NewSampler(prefix string) *Sampler {
	return &Sampler{prefix: prefix, ids: map[string]string{}, procs: map[Key]*Info{},
		peak: map[string]int{}, cpu: map[string][]cpuSample{}, halt: make(chan struct{})}
}

// Run samples once a second until ctx ends or Stop.
func (s *Sampler) Run(ctx context.Context) {
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

// Stop ends Run.
func (s *Sampler) Stop() { s.once.Do(func() { close(s.halt) }) }

func (s *Sampler) sample(ctx context.Context) {
	if out, err := docker.Run(ctx, "ps", "--no-trunc", "--filter", "name=^"+s.prefix+"-", "--format", "{{.ID}} {{.Names}}"); err == nil {
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
	for _, p := range List() {
		user := ""
		for id, u := range s.ids {
			if strings.Contains(p.Cgroup, id) {
				user = u
				break
			}
		}
		if user == "" {
			continue
		}
		info := s.procs[p.Key]
		if info == nil {
			info = &Info{User: user, Kind: p.Kind}
			s.procs[p.Key] = info
		}
		info.HWMKB = max(info.HWMKB, p.HWMKB)
		rss[user] += p.RSSKB
	}
	for u, kb := range rss {
		s.peak[u] = max(s.peak[u], kb)
	}
}

// Report gives, in MB over the students, the median and largest per-student
// peak of each kind of process and of all of a student's processes at once.
func (s *Sampler) Report() map[string]map[string]float64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	per := map[string]map[string]int{} // kind → student → peak kB
	for _, info := range s.procs {
		if per[info.Kind] == nil {
			per[info.Kind] = map[string]int{}
		}
		per[info.Kind][info.User] = max(per[info.Kind][info.User], info.HWMKB)
	}
	per["all processes at once"] = s.peak
	out := map[string]map[string]float64{}
	for kind, users := range per {
		var mb []float64
		for _, kb := range users {
			mb = append(mb, float64(kb)/1024)
		}
		st := stats.Of(mb)
		out[kind] = map[string]float64{"p50": stats.Round1(st.P50), "max": stats.Round1(st.Max), "students": float64(st.N)}
	}
	return out
}

// cpuSample is the CPU time a student's container has used (cgroup v1
// cpuacct), in seconds, at a time.
type cpuSample struct {
	at  time.Time
	sec float64
}

// CPUBetween returns the CPU seconds a student's container used from the last
// sample at or before from to the first at or after to (so it may count up to
// a second more at each end), or -1 without samples around that span.
func (s *Sampler) CPUBetween(user string, from, to time.Time) float64 {
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

// LoadAverage is the mean of the machine's 1-minute load average over the samples.
func (s *Sampler) LoadAverage() float64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	sum := 0.0
	for _, x := range s.load {
		sum += x
	}
	return sum / float64(max(len(s.load), 1))
}

// Seen returns every process seen in the containers.
func (s *Sampler) Seen() map[Key]Info {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[Key]Info{}
	for k, v := range s.procs {
		out[k] = *v
	}
	return out
}

// ContainerIDs returns the full IDs of the containers seen, sorted.
func (s *Sampler) ContainerIDs() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var ids []string
	for id := range s.ids {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// CheckNoneLeft fails for every process seen in a student's container that
// still runs, and for any process still in one of those containers' cgroups.
func CheckNoneLeft(t testing.TB, seen map[Key]Info, ids []string) {
	t.Helper()
	kinds := map[string]int{}
	for _, info := range seen {
		kinds[info.Kind]++
	}
	if kinds["server"] == 0 || kinds["kernel"] == 0 || kinds["gopls"] == 0 {
		t.Errorf("the test saw no server, kernel or gopls process in the containers (%v): nothing to check", kinds)
	}
	left := 0
	for _, p := range List() {
		if info, ok := seen[p.Key]; ok {
			t.Errorf("%s's %s (pid %d) still runs after the hub stopped every server", info.User, info.Kind, p.Key.PID)
			left++
			continue
		}
		for _, id := range ids {
			if strings.Contains(p.Cgroup, id) {
				t.Errorf("pid %d (%s) still runs in the cgroup of container %.12s", p.Key.PID, p.Kind, id)
				left++
			}
		}
	}
	t.Logf("after the servers stopped: %d of %d processes seen in the students' containers remain (servers %d, kernels %d, gopls %d)",
		left, len(seen), kinds["server"], kinds["kernel"], kinds["gopls"])
}

// Proc is one process of the machine.
type Proc struct {
	Key          Key
	PPID         int
	Kind, Cgroup string // Kind: see Kind
	HWMKB, RSSKB int    // peak and current resident memory (kB)
}

// List reads every process of the machine from /proc (none off Linux).
func List() []Proc {
	if runtime.GOOS != "linux" {
		return nil
	}
	dirs, _ := os.ReadDir("/proc")
	var out []Proc
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
		out = append(out, Proc{
			Key:    Key{PID: pid, Start: fields[19]},
			PPID:   atoi(fields[1]),
			Kind:   Kind(strings.Split(string(cmdline), "\x00")),
			Cgroup: string(cg),
			HWMKB:  statusKB(string(status), "VmHWM:"),
			RSSKB:  statusKB(string(status), "VmRSS:"),
		})
	}
	return out
}

// Kind names what a process is from its command line: "server"
// (jupyterhub-singleuser), "kernel" (gonb), "gopls" or "other".
func Kind(argv []string) string {
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

// Descendants returns the processes below pid (children, their children, ...).
func Descendants(pid int) []Proc {
	all := List()
	below := map[int]bool{pid: true}
	var out []Proc
	for changed := true; changed; {
		changed = false
		for _, p := range all {
			if below[p.PPID] && !below[p.Key.PID] {
				below[p.Key.PID] = true
				out = append(out, p)
				changed = true
			}
		}
	}
	return out
}

// Running reports whether the process of key still runs.
func Running(key Key) bool {
	for _, p := range List() {
		if p.Key == key {
			return true
		}
	}
	return false
}
