package eif_test

import (
	"runtime"
	"syscall"
	"time"
)

// threadCPU runs f locked to one OS thread and returns the CPU time that thread spent in
// it, which, unlike the wall clock, does not grow when other processes share the machine.
func threadCPU(f func()) time.Duration {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var a, b syscall.Rusage
	const rusageThread = 1 // RUSAGE_THREAD
	if syscall.Getrusage(rusageThread, &a) != nil {
		start := time.Now()
		f()
		return time.Since(start)
	}
	f()
	syscall.Getrusage(rusageThread, &b)
	return time.Duration(syscall.TimevalToNsec(b.Utime)-syscall.TimevalToNsec(a.Utime)) +
		time.Duration(syscall.TimevalToNsec(b.Stime)-syscall.TimevalToNsec(a.Stime))
}
