// Package testenv is the shared test tooling of the project's test packages
// (notebooktest, deploytest, exercises): the repository's root, the Python virtual
// environment (.venv, made by `make setup`) and the environment Jupyter
// processes get (scripts/jupyter.env), the rule for a missing prerequisite
// (skip, or fail with CI=true), and running a command or copying a file with
// the failure said in full, a free port, a random token and the end of a log.
package testenv

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// InCI reports whether the tests run in CI (CI=true), where a missing
// prerequisite is a failure and not a reason to skip.
func InCI() bool { return os.Getenv("CI") == "true" }

// SkipOrFail skips the test with the message, or fails it in CI.
func SkipOrFail(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if InCI() {
		t.Fatalf("%s (CI=true: prerequisites must be present)", msg)
	}
	t.Skip(msg)
}

// Venv is the project's Python virtual environment made by `make setup`.
type Venv struct {
	Dir    string // .venv
	Python string // .venv/bin/python
	Bin    string // .venv/bin

	env []envVar // scripts/jupyter.env
}

// envVar is one line of scripts/jupyter.env: NAME=VALUE, where VALUE may
// name ${VENV} and ${PATH}.
type envVar struct{ name, value string }

// EnvFile is the file, relative to the repository's root, that says the
// environment of Jupyter processes; the Makefile and the scripts read it too.
const EnvFile = "scripts/jupyter.env"

// readEnvFile reads the NAME=VALUE lines of EnvFile.
func readEnvFile(root string) ([]envVar, error) {
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(EnvFile)))
	if err != nil {
		return nil, err
	}
	var env []envVar
	for n, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, value, ok := strings.Cut(line, "=")
		if !ok || name == "" {
			return nil, fmt.Errorf("%s:%d: want NAME=VALUE, got %q", EnvFile, n+1, line)
		}
		env = append(env, envVar{name, value})
	}
	return env, nil
}

// RequireVenv returns the set-up virtual environment of the repository at
// root, with the extra programs of .venv/bin named in more, or skips (fails in CI).
func RequireVenv(t testing.TB, root string, more ...string) Venv {
	t.Helper()
	dir := filepath.Join(root, ".venv")
	v := Venv{Dir: dir, Python: filepath.Join(dir, "bin", "python"), Bin: filepath.Join(dir, "bin")}
	need := []string{
		v.Python,
		filepath.Join(v.Bin, "jupyter-lab"),
		filepath.Join(v.Bin, "gonb"),
		filepath.Join(v.Bin, "gopls"),
		filepath.Join(v.Bin, "goimports"),
		filepath.Join(dir, "share", "jupyter", "kernels", "gonb", "kernel.json"),
	}
	for _, m := range more {
		need = append(need, filepath.Join(v.Bin, m))
	}
	for _, p := range need {
		if _, err := os.Stat(p); err != nil {
			SkipOrFail(t, "the notebook environment is not set up (%s is missing): run `make setup`, or `make test`", p)
		}
	}
	env, err := readEnvFile(root)
	if err != nil {
		t.Fatal(err)
	}
	v.env = env
	return v
}

// JupyterEnv is the environment for Jupyter processes: this process's, with
// the variables of scripts/jupyter.env (the venv first on PATH, every Jupyter
// folder inside the venv), but with Jupyter's data and config folders in
// dataDir and configDir when given (the browser test uses temporary ones).
func (v Venv) JupyterEnv(dataDir, configDir string) []string {
	set := map[string]string{}
	for _, kv := range v.env {
		set[kv.name] = os.Expand(kv.value, func(name string) string {
			switch name {
			case "VENV":
				return v.Dir
			case "PATH":
				return os.Getenv("PATH")
			}
			return "${" + name + "}"
		})
	}
	if dataDir != "" {
		set["JUPYTER_DATA_DIR"] = dataDir
		set["JUPYTER_RUNTIME_DIR"] = filepath.Join(dataDir, "runtime")
	}
	if configDir != "" {
		set["JUPYTER_CONFIG_DIR"] = configDir
	}
	var env []string
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); set[k] == "" {
			env = append(env, kv)
		}
	}
	for k, val := range set {
		env = append(env, k+"="+val)
	}
	return env
}

// RepoRoot is the repository's root: the nearest folder above the working
// directory (a test's package folder) that holds go.mod.
func RepoRoot() string {
	dir, err := os.Getwd()
	if err != nil {
		panic("testenv: " + err.Error())
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			panic("testenv: no go.mod above " + dir)
		}
	}
}

// Run runs the program name with args in the folder dir ("": the working
// directory) with the environment env (nil: this process's), and returns
// its output, standard output and error together. It fails the test with
// the command and the end of that output if the program fails.
func Run(t testing.TB, dir string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = dir, env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		s := out.String()
		if len(s) > 6000 {
			s = "…" + s[len(s)-6000:]
		}
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, s)
	}
	return out.String()
}

// TailFile returns the last n lines of the file at path, for failure messages.
func TailFile(path string, n int) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Sprintf("(cannot read %s: %v)", path, err)
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// CopyFile copies the file from to the path to (mode 0644), making its folder.
func CopyFile(t testing.TB, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
