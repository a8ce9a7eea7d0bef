// Package sweep computes the independent points of a sweep (a rate at each current, a
// trial at each index) on several goroutines, with results that do not depend on how
// many there are: each point is computed by the same code from the same inputs whatever
// goroutine runs it, so the results are bit for bit those of a serial loop. eif and
// eif/noise both use it.
package sweep
