package notebooktest_test

import (
	"embed"
	"encoding/json"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/internal/testenv"
)

// The JavaScript that the browser tests run in JupyterLab's page: one
// function a file, with the helpers of js/lib.js.
//
//go:embed js/*.js
var jsFiles embed.FS

// jsCall is a JavaScript expression that calls the function of js/NAME.js
// with args (each encoded as JSON), the helpers of js/lib.js in scope. Its
// value is the function's (a promise is awaited by labPage.eval).
func jsCall(name string, args ...any) string {
	lib, err := jsFiles.ReadFile("js/lib.js")
	if err != nil {
		panic(err) // the embedded files are part of the test binary
	}
	fn, err := jsFiles.ReadFile(path.Join("js", name+".js"))
	if err != nil {
		panic("notebooktest: no JavaScript file js/" + name + ".js")
	}
	enc := make([]string, len(args))
	for i, a := range args {
		b, err := json.Marshal(a)
		if err != nil {
			panic(err)
		}
		enc[i] = string(b)
	}
	return "(() => {\n" + string(lib) + "\nreturn (" + strings.TrimSpace(string(fn)) + "\n)(" + strings.Join(enc, ", ") + ");\n})()"
}

// Every file of js/ is one function that jsCall can call: node parses the
// expression jsCall makes of it (no browser needed).
func TestJavaScriptFiles(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		testenv.SkipOrFail(t, "no node: the JavaScript files of notebooktest/js were not parsed (on Debian, apt-get install nodejs)")
	}
	entries, err := jsFiles.ReadDir("js")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".js")
		if name == "lib" {
			continue
		}
		file := filepath.Join(dir, e.Name())
		if err := os.WriteFile(file, []byte(jsCall(name)+";\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(node, "--check", file).CombinedOutput(); err != nil {
			t.Errorf("js/%s.js does not parse as a function for jsCall: %v\n%s", name, err, out)
		}
	}
}
