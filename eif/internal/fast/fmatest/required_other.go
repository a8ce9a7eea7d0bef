//go:build !amd64.v3

package fmatest

// required reports whether the build requires FMA of the processor (GOAMD64=v3 and
// above), so that GODEBUG=cpu.fma=off cannot turn it off.
const required = false
