//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main, built for this machine, prints the grid (see the package doc).
func main() {
	if err := grid(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "wasm:", err)
		os.Exit(1)
	}
}
