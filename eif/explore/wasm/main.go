//go:build js && wasm

package main

import (
	"fmt"
	"os"
	"syscall/js"

	"github.com/eif-notebooks/eif-notebooks/eif/chart"
	"github.com/eif-notebooks/eif-notebooks/eif/explore"
)

func main() {
	if len(os.Args) > 1 { // under Node.js, for the test: the grid
		if err := grid(os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "wasm:", err)
			os.Exit(1)
		}
		return
	}
	js.Global().Set("eif_explorer", js.ValueOf(map[string]any{
		"controls": js.FuncOf(controls),
		"move":     js.FuncOf(move),
		"redraw":   js.FuncOf(redraw),
	}))
	select {} // wait for calls from the page
}

// controls is eif_explorer.controls(id, i, deltaT, lang): explore.Page. Arguments of the
// wrong kind give null; a panic would end the program.
func controls(_ js.Value, args []js.Value) any {
	if len(args) != 4 || args[0].Type() != js.TypeString || args[1].Type() != js.TypeNumber ||
		args[2].Type() != js.TypeNumber || args[3].Type() != js.TypeString {
		return js.Null()
	}
	return explore.Page(args[0].String(), args[1].Float(), args[2].Float(), chart.Lang(args[3].String()))
}

// move is eif_explorer.move(msg, lang): explore.Move, null for a message it cannot read.
func move(_ js.Value, args []js.Value) any {
	if len(args) != 2 || args[0].Type() != js.TypeString || args[1].Type() != js.TypeString {
		return js.Null()
	}
	h, ok := explore.Move(args[0].String(), chart.Lang(args[1].String()))
	if !ok {
		return js.Null()
	}
	return h
}

// redraw is eif_explorer.redraw(msg, lang): explore.Redraw's JSON, null for a message it
// cannot read or a picture that holds an error.
func redraw(_ js.Value, args []js.Value) any {
	if len(args) != 2 || args[0].Type() != js.TypeString || args[1].Type() != js.TypeString {
		return js.Null()
	}
	b, ok := explore.Redraw(args[0].String(), chart.Lang(args[1].String()))
	if !ok {
		return js.Null()
	}
	return string(b)
}
