// Package offline runs a command as if the machine had no network, for the
// tests that must prove something works offline (the notebooks, through the
// real kernel): in a network namespace of its own with only loopback up
// (unshare -n), under strace, which logs every connection attempt; then it
// reads that log and fails the test for any attempt off loopback.
package offline

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Wrap wraps a command so that it runs in a network namespace of its own, with
// only the loopback interface up (`unshare -n`), under `strace -f -e trace=connect`:
// nothing it starts can reach another host, and every connection attempt is logged.
// It returns the wrapped command's arguments and the strace log; ok is false, with the
// reason, when unshare, ip or strace is missing or namespaces are not allowed here.
func Wrap(t testing.TB, logPath string, argv ...string) (wrapped []string, ok bool, why string) {
	t.Helper()
	tools := map[string]string{}
	for _, tool := range []string{"unshare", "strace", "ip"} {
		p, err := exec.LookPath(tool)
		if err != nil && tool == "ip" {
			p, err = exec.LookPath("/usr/sbin/ip") // not on a user's PATH everywhere
		}
		if err != nil {
			return nil, false, fmt.Sprintf("%s is not installed (Debian: apt-get install util-linux strace iproute2)", tool)
		}
		tools[tool] = p
	}
	ns := []string{tools["unshare"], "--net"}
	if os.Geteuid() != 0 {
		ns = append(ns, "--map-root-user") // an unprivileged user namespace owns the network one
	}
	if out, err := exec.Command(ns[0], append(ns[1:], tools["ip"], "link", "set", "lo", "up")...).CombinedOutput(); err != nil {
		return nil, false, fmt.Sprintf("cannot make a network namespace (%s ip link set lo up: %v: %s)",
			strings.Join(ns, " "), err, strings.TrimSpace(string(out)))
	}
	// sh -c SCRIPT IP STRACE LOG ARGV...: bring loopback up, then trace ARGV.
	//
	// The Go programs under it (GoNB, gopls, go build, each cell's program) run without
	// asynchronous preemption. The Go runtime preempts with SIGURG (132 419 of them in
	// the log of one run of the ten notebooks, 700 a second), and Debian 12's strace once
	// took one for a group-stop ("--- stopped by SIGURG ---", then "ptrace(PTRACE_LISTEN,
	// …): Input/output error"); fr/05's run ended there, mid-notebook (CI, 2 December
	// 2026). Without it, goroutines are interrupted at function calls only, which changes
	// nothing that a cell computes or connects to.
	script := `ip=$0 strace=$1 log=$2; shift 2; "$ip" link set lo up && GODEBUG="${GODEBUG:+$GODEBUG,}asyncpreemptoff=1" exec "$strace" -f -qq --seccomp-bpf -e trace=connect -o "$log" "$@"`
	wrapped = append(ns, "sh", "-c", script, tools["ip"], tools["strace"], logPath)
	return append(wrapped, argv...), true, ""
}

// connectCall matches a connect() to an IPv4 or IPv6 address in strace's output.
var connectCall = regexp.MustCompile(`connect\(\d+, \{sa_family=AF_INET6?, (?:sin_port|sin6_port)=htons\((\d+)\), .*?(?:inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6, "([^"]+)")`)

// ConnectsOffLoopback reads a strace log and returns the connect() calls to addresses
// that are not loopback (each "address:port", with the log line), and the number of
// connect() calls to loopback.
func ConnectsOffLoopback(logPath string) (off []string, loopback int, err error) {
	f, err := os.Open(logPath)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for sc.Scan() {
		line := sc.Text()
		m := connectCall.FindStringSubmatch(line)
		if m == nil {
			if strings.Contains(line, "connect(") && strings.Contains(line, "sa_family=AF_INET") {
				off = append(off, "unparsed: "+strings.TrimSpace(line)) // a format this test does not know: count it
			}
			continue
		}
		addr := m[2] + m[3]
		if ip := net.ParseIP(addr); ip != nil && ip.IsLoopback() {
			loopback++
			continue
		}
		off = append(off, fmt.Sprintf("%s port %s: %s", addr, m[1], strings.TrimSpace(line)))
	}
	return off, loopback, sc.Err()
}

// CheckNoNetwork fails the test for every connection attempt off loopback in the strace
// log of a Wrap-ped command (what names it).
func CheckNoNetwork(t testing.TB, what, logPath string) {
	t.Helper()
	off, loopback, err := ConnectsOffLoopback(logPath)
	if err != nil {
		t.Fatalf("reading the strace log of %s: %v", what, err)
	}
	for i, c := range off {
		if i == 20 {
			t.Errorf("… and %d more", len(off)-20)
			break
		}
		t.Errorf("%s tried to connect off loopback: %s", what, c)
	}
	t.Logf("%s: %d connection attempt(s) off loopback, %d to loopback (strace log: %s)", what, len(off), loopback, filepath.Base(logPath))
}
