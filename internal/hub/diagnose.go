package hub

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eif-notebooks/eif-notebooks/internal/docker"
	"github.com/eif-notebooks/eif-notebooks/internal/testenv"
)

// What a failed test leaves to read: each hub's log, and the log and state of
// each student's container that stopped (saved as it stopped, before the hub
// removes it), in out/test/hub/TEST/PREFIX/, which the next run of the same
// test replaces. Diagnose says the essentials of one student's failure.

var cleared sync.Map // test name → the out/test/hub/ folder of this process's runs is fresh

// outDir makes and returns the folder of the hub's logs for test t.
func outDir(t testing.TB, prefix string) string {
	t.Helper()
	name := regexp.MustCompile(`[^A-Za-z0-9_.-]+`).ReplaceAllString(t.Name(), "_")
	top := filepath.Join(testenv.RepoRoot(), "out", "test", "hub", name)
	if _, done := cleared.LoadOrStore(name, true); !done {
		_ = os.RemoveAll(top)
	}
	dir := filepath.Join(top, prefix)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// watchContainers saves the log and state of each of the hub's containers
// that is stopped or dies, until ctx ends: a server that exits at its start
// is removed by the hub once it gives up on it, and its log with it.
func (h *Hub) watchContainers(ctx context.Context) {
	cmd := exec.CommandContext(ctx, "docker", "events", "--filter", "type=container", "--filter", "event=kill", "--filter", "event=die",
		"--format", "{{.Actor.Attributes.name}}")
	cmd.Env = docker.Env()
	out, err := cmd.StdoutPipe()
	if err != nil || cmd.Start() != nil {
		return
	}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if name := sc.Text(); strings.HasPrefix(name, h.Prefix+"-") {
				h.saveContainer(name)
			}
		}
		_ = cmd.Wait()
	}()
}

var stateFormat = `{{json .State}}{{range .Config.Env}}{{if eq (index (split . "=") 0) "JUPYTERHUB_SERVICE_URL"}}` + "\n" + `{{.}}{{end}}{{end}}`

// saveContainer writes the state and the log of a container into the hub's
// folder (DIR/NAME.log), unless the container is gone; it returns the text.
func (h *Hub) saveContainer(name string) string {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	state, err := docker.Run(ctx, "inspect", "-f", stateFormat, name)
	if err != nil {
		return ""
	}
	logs, err := docker.Logs(ctx, name)
	text := "state: " + state + "\n---- docker logs " + name + "\n" + logs
	file := filepath.Join(h.Dir, name+".log")
	if _, saved := os.Stat(file); err != nil && saved == nil {
		return "" // being removed: keep the log saved before (at the kill, or the exit)
	}
	_ = os.WriteFile(file, []byte(text), 0o644)
	return text
}

var servicePort = regexp.MustCompile(`JUPYTERHUB_SERVICE_URL=http://[^:/]+:(\d+)/`)

// Diagnose returns, and writes into DIR/USER.diagnosis, what explains a
// failure of user's server: the hub's log lines about user and its end, the
// container's state and the end of its log (saved when it stopped, if the hub
// has removed it since), and who holds the server's port now.
func (h *Hub) Diagnose(user string) string {
	var b strings.Builder
	hubLog, _ := os.ReadFile(h.Log)
	var about []string
	for _, line := range strings.Split(string(hubLog), "\n") {
		if strings.Contains(line, user) {
			about = append(about, line)
		}
	}
	if len(about) > 15 {
		about = about[len(about)-15:]
	}
	fmt.Fprintf(&b, "---- the hub's log (%s), lines about %s:\n%s\n---- its end:\n%s\n", h.Log, user, strings.Join(about, "\n"), testenv.TailFile(h.Log, 15))
	name := h.Prefix + "-" + user
	saved := filepath.Join(h.Dir, name+".log")
	text := h.saveContainer(name)
	if text == "" {
		if s, err := os.ReadFile(saved); err == nil {
			text = "(saved when it stopped; the hub has removed it since)\n" + string(s)
		}
	}
	if text == "" {
		fmt.Fprintf(&b, "---- container %s: none, and none saved (it never ran?)\n", name)
	} else {
		lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
		head := lines
		if len(lines) > 40 {
			head = append(append(lines[:3:3], "…"), lines[len(lines)-30:]...)
		}
		fmt.Fprintf(&b, "---- container %s (all of it in %s):\n%s\n", name, saved, strings.Join(head, "\n"))
		if m := servicePort.FindStringSubmatch(text); m != nil {
			ss, _ := exec.Command("sh", "-c", "ss -Htanp | grep -E ':"+m[1]+"( |$)' || true").Output()
			fmt.Fprintf(&b, "---- port %s now (ss -tanp):\n%s", m[1], ss)
		}
	}
	_ = os.WriteFile(filepath.Join(h.Dir, user+".diagnosis"), []byte(b.String()), 0o644)
	return b.String()
}
