// Package docker is the test tooling for Docker (deploytest, and any test that
// runs the image): the daemon the tests talk to, the docker command with its
// failure said in full, the rule for a missing daemon (skip, or fail with
// CI=true), and the image built once per test binary with `make image`.
package docker

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eif-notebooks/eif-notebooks/internal/testenv"
)

// Image is the image the tests build and use: make image's default, or
// EIF_TEST_IMAGE, so that two checkouts on one Docker daemon do not build over
// each other's image.
var Image = cmp.Or(os.Getenv("EIF_TEST_IMAGE"), "eif-notebooks:latest")

// Sock is the socket of the daemon deploy/dockerd.sh starts.
const Sock = "/run/eif-docker/docker.sock"

// Env is the environment for docker commands: DOCKER_HOST as given, else
// deploy/dockerd.sh's socket when it exists, else Docker's default.
func Env() []string {
	env := os.Environ()
	if os.Getenv("DOCKER_HOST") == "" {
		if _, err := os.Stat(Sock); err == nil {
			env = append(env, "DOCKER_HOST=unix://"+Sock)
		}
	}
	return env
}

// Host is the daemon's address that Env gives.
func Host() string {
	for _, kv := range Env() {
		if v, ok := strings.CutPrefix(kv, "DOCKER_HOST="); ok {
			return v
		}
	}
	return "unix:///var/run/docker.sock"
}

// Run runs a docker command and returns its standard output, trimmed; its
// error names the command and quotes docker's standard error.
func Run(ctx context.Context, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "docker", args...)
	cmd.Env = Env()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return string(out), fmt.Errorf("docker %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return strings.TrimSpace(string(out)), nil
}

// Logs returns a container's log, standard output and error together.
func Logs(ctx context.Context, id string) (string, error) {
	cmd := exec.CommandContext(ctx, "docker", "logs", id)
	cmd.Env = Env()
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// Require skips (fails in CI) when no Docker daemon answers. With -short
// (make unit) it skips: a test that needs Docker is not a unit test.
func Require(t testing.TB) {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: no Docker")
	}
	if _, err := exec.LookPath("docker"); err != nil {
		testenv.SkipOrFail(t, "the docker command is missing (on Debian: apt-get install docker.io)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if _, err := Run(ctx, "version", "--format", "{{.Server.Version}}"); err != nil {
		testenv.SkipOrFail(t, "no Docker daemon answers at DOCKER_HOST=%s: start one with `sudo deploy/dockerd.sh` (%v)", Host(), err)
	}
}

var image struct {
	once sync.Once
	err  error
	took time.Duration
	size string
	log  string
}

// RequireImage builds Image with `make image` (Docker's layer cache makes a
// rebuild cheap when nothing changed), once per test binary, and returns its
// name. With -short it skips the test (Require).
func RequireImage(t testing.TB) string {
	t.Helper()
	Require(t)
	root := testenv.RepoRoot()
	image.once.Do(func() {
		dir := filepath.Join(root, "out", "test", "image")
		if image.err = os.MkdirAll(dir, 0o755); image.err != nil {
			return
		}
		image.log = filepath.Join(dir, "build.log")
		f, err := os.Create(image.log)
		if err != nil {
			image.err = err
			return
		}
		defer f.Close()
		cmd := exec.Command("make", "--no-print-directory", "image", "IMAGE="+Image)
		cmd.Dir = root
		cmd.Env = Env()
		cmd.Stdout, cmd.Stderr = f, f
		start := time.Now()
		image.err = cmd.Run()
		image.took = time.Since(start)
		if image.err == nil {
			image.size, image.err = Run(context.Background(), "image", "inspect", "-f", "{{.Size}}", Image)
		}
	})
	if image.err != nil {
		t.Fatalf("make image failed (%v); the end of %s:\n%s", image.err, image.log, testenv.TailFile(image.log, 30))
	}
	t.Logf("image %s: %s bytes; make image took %.1f s (Docker's layer cache included)", Image, image.size, image.took.Seconds())
	return Image
}
