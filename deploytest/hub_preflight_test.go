package deploytest_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eif-notebooks/eif-notebooks/internal/docker"
	"github.com/eif-notebooks/eif-notebooks/internal/hub"
	"github.com/eif-notebooks/eif-notebooks/internal/testenv"
)

// TestHubPreflight starts the hub of deploy/hub/ with one thing missing at a
// time and checks that it stops at once with one message naming it.
func TestHubPreflight(t *testing.T) {
	venv := hub.Venv(t)
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	takenPort := taken.Addr().(*net.TCPAddr).Port

	cases := []struct {
		name, want string
		env        []string
		docker     bool // needs a Docker daemon to get that far
	}{
		{"taken port", fmt.Sprintf("port %d on 127.0.0.1 is taken", takenPort),
			[]string{fmt.Sprintf("EIF_HUB_PORT=%d", takenPort)}, false},
		{"no proxy", "the proxy configurable-http-proxy is missing (/nonexistent/configurable-http-proxy)",
			[]string{"EIF_PROXY_CMD=/nonexistent/configurable-http-proxy"}, false},
		{"no docker daemon", "no Docker daemon answers at DOCKER_HOST=unix:///nonexistent/docker.sock",
			[]string{"DOCKER_HOST=unix:///nonexistent/docker.sock"}, false},
		{"no image", "the image eif-notebooks:no-such-tag is not on this Docker daemon; build it with `make image`",
			[]string{"EIF_IMAGE=eif-notebooks:no-such-tag"}, true},
		{"dummy without password", "EIF_HUB_AUTH=dummy needs EIF_HUB_PASSWORD",
			[]string{"EIF_HUB_AUTH=dummy"}, false},
		{"unknown proxy mode", "EIF_PROXY='nginx': use hub", []string{"EIF_PROXY=nginx"}, false},
		{"external proxy not started", "EIF_PROXY=external: no proxy token in", []string{"EIF_PROXY=external"}, false},
		{"public address without scheme", "EIF_HUB_PUBLIC_URL='jupyter.school.example': give the whole address",
			[]string{"EIF_HUB_PUBLIC_URL=jupyter.school.example"}, false},
		{"no login attempts", "EIF_LOGIN_ATTEMPTS='0': want a whole number ≥ 1", []string{"EIF_LOGIN_ATTEMPTS=0"}, false},
		{"memory limit without a unit", "EIF_MEM_LIMIT='lots': want a size such as 2G", []string{"EIF_MEM_LIMIT=lots"}, false},
		{"students' ports in the system's range", "EIF_SERVER_PORT_BASE=40000: the students' ports (from 40001) meet the range the system hands out",
			[]string{"EIF_SERVER_PORT_BASE=40000"}, false},
		{"students' ports not a number", "EIF_SERVER_PORT_BASE='high': want a port number", []string{"EIF_SERVER_PORT_BASE=high"}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.docker {
				docker.Require(t)
			}
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, filepath.Join(venv, "bin", "jupyterhub"), "-f", filepath.Join(repoRoot, "deploy", "hub", "jupyterhub_config.py"))
			cmd.Dir = t.TempDir()
			cmd.Env = append(docker.Env(), "EIF_HUB_STATE="+cmd.Dir,
				fmt.Sprintf("EIF_HUB_PORT=%d", testenv.FreePort(t)), fmt.Sprintf("EIF_HUB_API_PORT=%d", testenv.FreePort(t)),
				fmt.Sprintf("EIF_PROXY_API_PORT=%d", testenv.FreePort(t)))
			cmd.Env = append(cmd.Env, c.env...) // the case's own values come last and win
			out, err := cmd.CombinedOutput()
			if err == nil {
				t.Fatalf("the hub started with %s; its output:\n%s", c.name, out)
			}
			var msgs []string
			for _, line := range strings.Split(string(out), "\n") {
				if strings.HasPrefix(line, "eif hub: ") {
					msgs = append(msgs, line)
				}
			}
			if len(msgs) != 1 || !strings.Contains(msgs[0], c.want) {
				t.Errorf("%s: the hub said %q, want one message containing %q; its output:\n%s", c.name, msgs, c.want, out)
			}
		})
	}
}

// TestHubSpawnFailure starts the hub with an image that has no eif-start
// (the plain Debian base of make image) and checks that a student's spawn
// fails with one message that names the missing command.
func TestHubSpawnFailure(t *testing.T) {
	docker.RequireImage(t) // also makes the base image, eif-base:bookworm
	venv := hub.Venv(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	work := t.TempDir()
	course := filepath.Join(work, "course.git")
	gitRun(t, "", "init", "--quiet", "--bare", course)
	h := hub.Start(t, ctx, venv, "eif-base:bookworm", work, course, 1)
	defer h.Stop(t)
	r := hub.RunStudent(ctx, venv, h, "s01", "notebooks/"+classNotebook, t.TempDir())
	if r.Err == "" {
		t.Fatalf("s01's server started from an image without eif-start")
	}
	if !strings.Contains(r.Err, "eif hub: the server of s01 could not start") || !strings.Contains(r.Err, "eif-start") {
		t.Errorf("a failed spawn said %q; want the spawn failure naming eif-start", r.Err)
	}
	t.Logf("a failed spawn: %s", r.Err)
}

// TestHubPortTaken holds the port of s01's server (EIF_SERVER_PORT_BASE + 1:
// s01 is the hub's first user) and checks that s01's spawn fails at once with
// a message naming the port and the setting, where a server that cannot bind
// its port would let the hub wait http_timeout (180 s) for nothing; and that
// the failure comes with the diagnosis (the hub's log, the container's).
func TestHubPortTaken(t *testing.T) {
	img := docker.RequireImage(t)
	venv := hub.Venv(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	work := t.TempDir()
	course := filepath.Join(work, "course.git")
	gitRun(t, "", "init", "--quiet", "--bare", course)
	var ln net.Listener
	var base int
	for try := 0; ln == nil && try < 20; try++ {
		base = 20000 + 100*rand.IntN(110)
		ln, _ = net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", base+1))
	}
	if ln == nil {
		t.Fatal("no free port to hold between 20000 and 31000")
	}
	defer ln.Close()
	h := hub.Start(t, ctx, venv, img, work, course, 1, fmt.Sprintf("EIF_SERVER_PORT_BASE=%d", base))
	defer h.Stop(t)
	start := time.Now()
	r := hub.RunStudent(ctx, venv, h, "s01", "notebooks/"+classNotebook, t.TempDir())
	took := time.Since(start)
	if r.Err == "" {
		t.Fatalf("s01's server started though its port %d was taken", base+1)
	}
	want := fmt.Sprintf("eif hub: the server of s01 could not start: its port %d on 127.0.0.1 is taken", base+1)
	if !strings.Contains(r.Err, want) || !strings.Contains(r.Err, "EIF_SERVER_PORT_BASE") || !strings.Contains(r.Err, "the hub's log") {
		t.Errorf("s01's spawn on a taken port said %q; want %q, the setting, and the hub's log", r.Err, want)
	}
	if took > time.Minute {
		t.Errorf("s01's spawn on a taken port failed after %.0f s; want at once", took.Seconds())
	}
	t.Logf("a spawn on a taken port failed in %.1f s: %s", took.Seconds(), r.Err)
}
