// Package fmatest runs a test on the other path of fast.FMA: the unfused one, in a child
// process of the test binary started with GODEBUG=cpu.fma=off, as on a processor
// without the instruction. The path is chosen once per process (package fast), so a
// test cannot switch it in place.
package fmatest
