package eif

import (
	"runtime"
	"sync"
)

// parallel calls f(k) for k = 0 … count−1 over workers goroutines (GOMAXPROCS when
// workers ≤ 0) and returns the error of the lowest k that failed. Each f(k) must write
// only its own results, so the outcome is the same for any number of workers.
func parallel(count, workers int, f func(k int) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, count)
	errs := make([]error, count)
	if workers <= 1 {
		for k := range count {
			if errs[k] = f(k); errs[k] != nil {
				return errs[k]
			}
		}
		return nil
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				errs[k] = f(k)
			}
		}()
	}
	for k := range count {
		next <- k
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
