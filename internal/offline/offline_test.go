package offline

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/internal/testenv"
)

// TestConnectsOffLoopback checks the strace parser on lines of the forms strace 6 writes.
func TestConnectsOffLoopback(t *testing.T) {
	log := filepath.Join(t.TempDir(), "connect.strace")
	lines := `101 connect(14, {sa_family=AF_INET, sin_port=htons(58013), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 EINPROGRESS (Operation now in progress)
102 connect(3, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, 16) = -1 ENETUNREACH (Network is unreachable)
103 connect(5, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2607:f8b0:4004::11", &sin6_addr), sin6_scope_id=0}, 28) = -1 ENETUNREACH (Network is unreachable)
104 connect(6, {sa_family=AF_INET6, sin6_port=htons(8888), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = 0
105 connect(7, {sa_family=AF_UNIX, sun_path="/run/nscd/socket"}, 110) = -1 ENOENT (No such file or directory)
106 connect(8, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("142.250.1.1")}, 16 <unfinished ...>
107 connect(9, {sa_family=AF_INET, sin_port=htons(80), sin_addr=NEW_FORMAT}, 16) = 0
`
	if err := os.WriteFile(log, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	off, loopback, err := ConnectsOffLoopback(log)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"10.255.255.53 port 53", "2607:f8b0:4004::11 port 443", "142.250.1.1 port 443", "unparsed: 107"}
	if len(off) != len(want) || loopback != 2 {
		t.Fatalf("off loopback %q, %d to loopback; want %d off (%v) and 2 to loopback", off, loopback, len(want), want)
	}
	for k, w := range want {
		if !strings.HasPrefix(off[k], w) {
			t.Errorf("attempt %d: %q, want it to start with %q", k, off[k], w)
		}
	}
}

// A command run by Wrap cannot reach another host, and its attempt is in the log.
func TestWrapCatchesAConnection(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3 to make a connection attempt")
	}
	log := filepath.Join(t.TempDir(), "connect.strace")
	argv, ok, why := Wrap(t, log, python, "-c",
		`import socket; s = socket.socket(); s.settimeout(5); print(s.connect_ex(("192.0.2.1", 53)))`)
	if !ok {
		testenv.SkipOrFail(t, "no network namespace here: %s", why)
	}
	out, err := exec.Command(argv[0], argv[1:]...).CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %v\n%s", argv, err, out)
	}
	if strings.TrimSpace(string(out)) == "0" {
		t.Errorf("the connection to 192.0.2.1 succeeded inside the namespace")
	}
	off, _, err := ConnectsOffLoopback(log)
	if err != nil {
		t.Fatal(err)
	}
	if len(off) != 1 || !strings.HasPrefix(off[0], "192.0.2.1 port 53") {
		t.Errorf("connections off loopback in the log: %q, want the one to 192.0.2.1 port 53", off)
	}
}
