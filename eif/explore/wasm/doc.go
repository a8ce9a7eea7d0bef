// Command wasm is package explore for a page with no kernel: built with
//
//	GOOS=js GOARCH=wasm go build -o explorer.wasm ./eif/explore/wasm
//
// it runs in the browser with Go's wasm_exec.js and page.js (this folder), which the
// course website (site/, make site) loads on the page of notebook 04. page.js replaces
// the note that the notebook's headless run left under the explorer with the sliders of
// explore.Page, and redraws explore.Move's picture at every move: the model, the
// fixed points, the charts and their drawing code are those of the notebook's
// kernel-driven explorer (explore.Run), compiled for the page.
//
// In the page it defines globalThis.eif_explorer, with
//
//	controls(id, i, deltaT, lang) string  // explore.Page
//	move(msg, lang) string | null         // explore.Move
//
// and waits for calls. Given arguments (under Node.js, with Go's wasm_exec_node.js), or
// built for this machine, it prints instead the numbers behind the explorer's pictures on
// a grid of slider positions, one JSON object a line (see grid.go), so that a test can
// compare the WebAssembly build with the native one.
package main
