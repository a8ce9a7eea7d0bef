//go:build !linux

package eif_test

import "time"

// threadCPU returns the wall time of f: elsewhere than on Linux there is no per-thread
// CPU clock in the standard library.
func threadCPU(f func()) time.Duration {
	start := time.Now()
	f()
	return time.Since(start)
}
