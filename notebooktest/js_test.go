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

// checkJS is a node script that compiles (without running) each file named
// on its command line, and prints the name and the error of those that fail.
const checkJS = `const fs = require("fs"), vm = require("vm");
for (const f of process.argv.slice(1)) {
	try { new vm.Script(fs.readFileSync(f, "utf8"), {filename: f}); } catch (e) { console.log(f + ": " + e.message); }
}`

// Every file of js/ is one function that jsCall can call: node compiles the
// expression jsCall makes of each (no browser needed).
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
	args := []string{"-e", checkJS}
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".js")
		if name == "lib" {
			continue
		}
		file := filepath.Join(dir, e.Name())
		if err := os.WriteFile(file, []byte(jsCall(name)+";\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, file)
	}
	out, err := exec.Command(node, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if line != "" {
			t.Errorf("does not compile as a function for jsCall: %s", strings.TrimPrefix(line, dir+"/"))
		}
	}
	t.Logf("%d JavaScript files compiled", len(args)-2)
}
