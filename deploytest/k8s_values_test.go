package deploytest_test

import (
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/internal/testenv"
)

// TestK8sValues is a structural test of deploy/k8s/values.yaml (the chart
// cannot be installed here, and its schema cannot be had from a package
// registry): every key is one the Zero to JupyterHub chart's values schema
// allows at that place (the schema refuses unknown keys, so a typo fails
// `helm install`), the values have the schema's types, and the values that
// must agree with the single-server hub (deploy/hub/jupyterhub_config.py) and
// the image do.
func TestK8sValues(t *testing.T) {
	// PyYAML comes with JupyterLab (jupyter_events) in the project's venv.
	v := testenv.RequireVenv(t, repoRoot)
	script := `import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)`
	out, err := exec.Command(v.Python, "-c", script,
		filepath.Join(repoRoot, "deploy", "k8s", "values.yaml")).Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("deploy/k8s/values.yaml does not parse as YAML: %v\n%s", err, stderr)
	}
	var values map[string]any
	if err := json.Unmarshal(out, &values); err != nil {
		t.Fatal(err)
	}
	for _, p := range unknownKeys(values, chartKeys, "") {
		t.Errorf("values.yaml: %s is not a key of the chart's values schema there", p)
	}

	hubConf, err := os.ReadFile(filepath.Join(repoRoot, "deploy", "hub", "jupyterhub_config.py"))
	if err != nil {
		t.Fatal(err)
	}
	get := func(path string) any {
		var v any = values
		for _, k := range strings.Split(path, ".") {
			m, ok := v.(map[string]any)
			if !ok {
				return nil
			}
			v = m[k]
		}
		return v
	}
	for _, c := range []struct {
		path string
		want any
	}{
		{"singleuser.cmd", pyList(t, hubConf, `c\.DockerSpawner\.cmd = (\[.*\])`)},
		{"singleuser.uid", 1000.0},
		{"singleuser.fsGid", 1000.0},
		{"singleuser.storage.homeMountPath", pyString(t, hubConf, `home = "([^"]+)"`)},
		{"singleuser.storage.type", "dynamic"},
		{"singleuser.memory.limit", pyString(t, hubConf, `env\("EIF_MEM_LIMIT", "([^"]+)"\)`)},
		{"singleuser.image.pullPolicy", "IfNotPresent"},
		{"hub.config.JupyterHub.authenticator_class", "native"},
		{"hub.config.NativeAuthenticator.open_signup", false},
		{"cull.enabled", true},
		{"prePuller.hook.enabled", true},
	} {
		if got := get(c.path); !reflect.DeepEqual(got, c.want) {
			t.Errorf("values.yaml: %s = %#v, want %#v", c.path, got, c.want)
		}
	}
	for _, path := range []string{"singleuser.image.name", "singleuser.image.tag", "singleuser.memory.guarantee", "singleuser.storage.capacity", "singleuser.defaultUrl"} {
		if s, ok := get(path).(string); !ok || s == "" {
			t.Errorf("values.yaml: %s = %#v, want a string (the schema's type)", path, get(path))
		}
	}
	if name, _ := get("singleuser.image.name").(string); !strings.HasSuffix(name, "/eif-notebooks") {
		t.Errorf("values.yaml: singleuser.image.name %q is not the eif-notebooks image", name)
	}
	for _, path := range []string{"singleuser.cpu.limit", "singleuser.cpu.guarantee", "cull.timeout", "cull.every"} {
		if x, ok := get(path).(float64); !ok || x <= 0 {
			t.Errorf("values.yaml: %s = %#v, want a positive number", path, get(path))
		}
	}

	// The nbgitpuller link: the same target and landing folder as the hub's.
	link, err := url.Parse(get("singleuser.defaultUrl").(string))
	if err != nil || link.Path != "/git-pull" {
		t.Fatalf("values.yaml: singleuser.defaultUrl is not an nbgitpuller link (/git-pull?...): %v", err)
	}
	q := link.Query()
	for _, key := range []string{"targetpath", "urlpath", "branch"} {
		if want := pyString(t, hubConf, `"`+key+`": (?:env\("[A-Z_]+", )?"([^"]+)"`); q.Get(key) != want {
			t.Errorf("values.yaml: the nbgitpuller link has %s=%q, the hub's has %q", key, q.Get(key), want)
		}
	}
	if repo, err := url.Parse(q.Get("repo")); err != nil || repo.Scheme != "https" {
		t.Errorf("values.yaml: the nbgitpuller link's repo %q is not an https git URL", q.Get("repo"))
	}
	folder := strings.TrimPrefix(q.Get("urlpath"), "lab/tree/"+q.Get("targetpath")+"/")
	if st, err := os.Stat(filepath.Join(repoRoot, folder)); err != nil || !st.IsDir() {
		t.Errorf("values.yaml: the link lands in %q, which is not a folder of the repository", folder)
	}
}

// chartKeys is the part of the chart's values schema this file may use: a
// key maps to its allowed sub-keys, or to nil for a value (or a free-form
// object) the test does not descend into.
var chartKeys = map[string]any{
	"singleuser": map[string]any{
		"image":      map[string]any{"name": nil, "tag": nil, "pullPolicy": nil, "pullSecrets": nil},
		"cmd":        nil,
		"uid":        nil,
		"fsGid":      nil,
		"defaultUrl": nil,
		"memory":     map[string]any{"limit": nil, "guarantee": nil},
		"cpu":        map[string]any{"limit": nil, "guarantee": nil},
		"storage": map[string]any{"type": nil, "capacity": nil, "homeMountPath": nil, "extraVolumes": nil,
			"extraVolumeMounts": nil, "extraLabels": nil, "static": nil, "dynamic": nil},
		"extraEnv":       nil,
		"startTimeout":   nil,
		"networkPolicy":  nil,
		"lifecycleHooks": nil,
		"initContainers": nil,
		"profileList":    nil,
	},
	"hub": map[string]any{"config": nil, "extraConfig": nil, "templatePaths": nil, "db": nil},
	"cull": map[string]any{"enabled": nil, "users": nil, "adminUsers": nil, "removeNamedServers": nil,
		"timeout": nil, "every": nil, "concurrency": nil, "maxAge": nil},
	"prePuller":  map[string]any{"hook": map[string]any{"enabled": nil}, "continuous": map[string]any{"enabled": nil}},
	"scheduling": map[string]any{"userScheduler": map[string]any{"enabled": nil}},
	"proxy":      map[string]any{"https": nil, "service": nil},
	"ingress":    nil,
}

func unknownKeys(v map[string]any, allowed map[string]any, at string) []string {
	var bad []string
	for k, sub := range v {
		a, ok := allowed[k]
		if !ok {
			bad = append(bad, at+k)
			continue
		}
		if am, ok := a.(map[string]any); ok {
			if sm, ok := sub.(map[string]any); ok {
				bad = append(bad, unknownKeys(sm, am, at+k+".")...)
			}
		}
	}
	sort.Strings(bad)
	return bad
}

// pyString finds one string of the hub's config (the first group of re).
func pyString(t *testing.T, conf []byte, re string) string {
	t.Helper()
	m := regexp.MustCompile(re).FindSubmatch(conf)
	if m == nil {
		t.Fatalf("deploy/hub/jupyterhub_config.py: no match for %s", re)
	}
	return string(m[1])
}

// pyList reads a Python list of strings of the hub's config as a JSON list.
func pyList(t *testing.T, conf []byte, re string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(pyString(t, conf, re)), &v); err != nil {
		t.Fatalf("deploy/hub/jupyterhub_config.py: %s: not a list of strings: %v", re, err)
	}
	return v
}
