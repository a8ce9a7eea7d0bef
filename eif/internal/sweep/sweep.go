package sweep

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Run computes the n independent points of a sweep, on up to workers goroutines
// (GOMAXPROCS when workers ≤ 0). newWorker makes the state of one goroutine (a Result to reuse, say) and returns the
// function that computes point k with it, writing its result into the caller's slot k.
// Each point is computed by the same code from the same inputs whatever goroutine runs
// it, so the results are bit for bit those of a serial loop, for any GOMAXPROCS.
//
// On failure Run returns the error of the lowest k that failed, the one a serial loop
// would stop at: points are handed out in increasing k, and no point above a failed one
// is started, so every point below it has been computed and has not failed.
func Run(n, workers int, newWorker func() func(k int) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	if workers <= 1 {
		do := newWorker()
		for k := range n {
			if err := do(k); err != nil {
				return err
			}
		}
		return nil
	}
	var (
		next    atomic.Int64 // the next point to hand out
		lowest  atomic.Int64 // the lowest point that failed, or n
		mu      sync.Mutex
		lowErr  error
		running sync.WaitGroup
	)
	lowest.Store(int64(n))
	for range workers {
		running.Go(func() {
			do := newWorker()
			for {
				k := next.Add(1) - 1
				if k >= int64(n) || k > lowest.Load() {
					return
				}
				if err := do(int(k)); err != nil {
					mu.Lock()
					if k < lowest.Load() {
						lowest.Store(k)
						lowErr = err
					}
					mu.Unlock()
					return
				}
			}
		})
	}
	running.Wait()
	return lowErr
}

// Each is Run, on GOMAXPROCS goroutines, for points that need no state of their
// own: it returns point(k) for k = 0 … n−1, or the error of the lowest k that failed.
func Each(n int, point func(k int) (float64, error)) ([]float64, error) {
	out := make([]float64, n)
	err := Run(n, 0, func() func(k int) error {
		return func(k int) (err error) {
			out[k], err = point(k)
			return err
		}
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// OneAtATime returns progress wrapped so that the goroutines of a sweep call it one at a
// time: a Settings.Progress written for one run needs no locking of its own. nil stays nil.
func OneAtATime(progress func(t float64)) func(t float64) {
	if progress == nil {
		return nil
	}
	var mu sync.Mutex
	return func(t float64) {
		mu.Lock()
		defer mu.Unlock()
		progress(t)
	}
}
