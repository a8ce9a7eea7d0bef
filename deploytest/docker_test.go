package deploytest_test

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

// Test tooling shared by the image test and the class test: the Docker
// daemon, the image (built once per test binary with `make image`) and the
// hub's venv (`make hub-setup`).

// classImage is the image the tests build and use: make image's default, or
// EIF_TEST_IMAGE, so that two checkouts on one Docker daemon do not build over
// each other's image.
var classImage = cmp.Or(os.Getenv("EIF_TEST_IMAGE"), "eif-notebooks:latest")

// eifDockerSock is the socket of the daemon deploy/dockerd.sh starts.
const eifDockerSock = "/run/eif-docker/docker.sock"

// dockerEnv is the environment for docker commands: DOCKER_HOST as given,
// else deploy/dockerd.sh's socket when it exists, else Docker's default.
func dockerEnv() []string {
	env := os.Environ()
	if os.Getenv("DOCKER_HOST") == "" {
		if _, err := os.Stat(eifDockerSock); err == nil {
			env = append(env, "DOCKER_HOST=unix://"+eifDockerSock)
		}
	}
	return env
}

func dockerHostName() string {
	for _, kv := range dockerEnv() {
		if v, ok := strings.CutPrefix(kv, "DOCKER_HOST="); ok {
			return v
		}
	}
	return "unix:///var/run/docker.sock"
}

// docker runs a docker command and returns its standard output, trimmed.
func docker(ctx context.Context, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "docker", args...)
	cmd.Env = dockerEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return string(out), fmt.Errorf("docker %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return strings.TrimSpace(string(out)), nil
}

// requireDocker skips (fails in CI) when no Docker daemon answers.
func requireDocker(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("docker"); err != nil {
		skipOrFail(t, "the docker command is missing (on Debian: apt-get install docker.io)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if _, err := docker(ctx, "version", "--format", "{{.Server.Version}}"); err != nil {
		skipOrFail(t, "no Docker daemon answers at DOCKER_HOST=%s: start one with `sudo deploy/dockerd.sh` (%v)", dockerHostName(), err)
	}
}

var image struct {
	once  sync.Once
	err   error
	took  time.Duration
	size  string
	log   string
	built bool
}

// requireImage builds the image with `make image` (Docker's layer cache makes
// a rebuild cheap when nothing changed), once per test binary.
func requireImage(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: no image build")
	}
	requireDocker(t)
	image.once.Do(func() {
		dir := filepath.Join(repoRoot, "out", "test", "image")
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
		cmd := exec.Command("make", "--no-print-directory", "image", "IMAGE="+classImage)
		cmd.Dir = repoRoot
		cmd.Env = dockerEnv()
		cmd.Stdout, cmd.Stderr = f, f
		start := time.Now()
		image.err = cmd.Run()
		image.took = time.Since(start)
		if image.err == nil {
			image.built = true
			image.size, image.err = docker(context.Background(), "image", "inspect", "-f", "{{.Size}}", classImage)
		}
	})
	if image.err != nil {
		t.Fatalf("make image failed (%v); the end of %s:\n%s", image.err, image.log, testenv.TailFile(image.log, 30))
	}
	t.Logf("image %s: %s bytes; make image took %.1f s (Docker's layer cache included)", classImage, image.size, image.took.Seconds())
	return classImage
}

// hubVenv makes the hub's venv and proxy (make hub-setup) and returns .venv-hub.
func hubVenv(t *testing.T) string {
	t.Helper()
	cmd := exec.Command("make", "--no-print-directory", "hub-setup")
	cmd.Dir = repoRoot
	if out, err := cmd.CombinedOutput(); err != nil {
		skipOrFail(t, "the hub's environment could not be set up (make hub-setup: %v):\n%s", err, out)
	}
	return filepath.Join(repoRoot, ".venv-hub")
}
