package site

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// WasmPackage is the explorer for pages with no kernel: package explore compiled to
// WebAssembly (see its doc).
const WasmPackage = "./eif/explore/wasm"

// The files of the explorer in the site's _static folder.
const (
	WasmFile     = "explorer.wasm"    // the program
	WasmJSFile   = "explorer.wasm.js" // the same bytes in a script, for pages opened from disk
	WasmExecFile = "wasm_exec.js"     // Go's loader, from $(go env GOROOT)/lib/wasm
	PageJSFile   = "eif-explorer.js"  // eif/explore/wasm/page.js: the page's side
)

// BuildWasm builds the explorer of the repository at root for the browser into dir:
// explorer.wasm (GOOS=js GOARCH=wasm, without symbols or DWARF, which only a debugger
// reads), explorer.wasm.js (the same bytes in base64, in a script: a page opened from disk
// can load a script, but Chromium refuses it a fetch of a file:// address), Go's
// wasm_exec.js and the page's script. It returns the size of explorer.wasm, raw and
// gzipped (level 9).
func BuildWasm(root, dir string) (raw, gzipped int, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, 0, err
	}
	wasm := filepath.Join(dir, WasmFile)
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", wasm, WasmPackage)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		return 0, 0, fmt.Errorf("site: GOOS=js GOARCH=wasm go build %s: %v\n%s", WasmPackage, err, out)
	}
	b, err := os.ReadFile(wasm)
	if err != nil {
		return 0, 0, err
	}
	if err := os.WriteFile(filepath.Join(dir, WasmJSFile), wasmScript(b), 0o644); err != nil {
		return 0, 0, err
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return 0, 0, fmt.Errorf("site: go env GOROOT: %v", err)
	}
	for from, to := range map[string]string{
		filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"): WasmExecFile,
		filepath.Join(root, filepath.FromSlash(WasmPackage), "page.js"):                 PageJSFile,
	} {
		if err := copyFile(from, filepath.Join(dir, to)); err != nil {
			return 0, 0, err
		}
	}
	var z bytes.Buffer
	w, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return len(b), z.Len(), nil
}

// wasmScript is a script that sets globalThis.eif_explorer_wasm to the base64 text of b.
func wasmScript(b []byte) []byte {
	var s bytes.Buffer
	s.WriteString("// The explorer's WebAssembly program (explorer.wasm) in base64, for pages opened from disk.\nglobalThis.eif_explorer_wasm = \"")
	s.WriteString(base64.StdEncoding.EncodeToString(b))
	s.WriteString("\";\n")
	return s.Bytes()
}

// copyFile copies the file from to the path to.
func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}
