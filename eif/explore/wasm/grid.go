package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/eif-notebooks/eif-notebooks/eif/explore"
)

// GridI and GridDeltaT are the slider positions of the grid: I from 0 to 15 nA (around
// the rheobase, 7.25 nA, more closely) and Δ_T from 0.1 to 4 mV, as the controls send
// them (see explore.Move).
var (
	GridI      = []int{0, 40, 100, 120, 140, 144, 145, 146, 160, 200, 250, 300}
	GridDeltaT = []int{1, 5, 10, 15, 20, 30, 40}
)

// Point is the numbers behind the explorer's picture at one point of the grid.
type Point struct {
	Msg         string    // the controls' message
	I, DeltaT   float64   // nA, mV
	Rheobase    float64   // nA
	FixedPoints []float64 // mV, lowest first
	Stability   []string  // of each fixed point
	Rate        float64   // Hz
	T, U        []float64 // the 500 ms trace (ms, mV)
	Spikes      []float64 // ms
	Err         string    // the error of Compute, if any
}

// grid writes the Point of every position of the grid to w, one JSON object a line.
func grid(w io.Writer) error {
	enc := json.NewEncoder(w)
	for _, pi := range GridI {
		for _, pd := range GridDeltaT {
			msg := fmt.Sprintf("%d %d 0", pi, pd)
			if err := enc.Encode(point(msg)); err != nil {
				return err
			}
		}
	}
	return nil
}

// point computes the numbers of the picture that explore.Move draws for msg.
func point(msg string) Point {
	p := Point{Msg: msg}
	i, deltaT, ok := explore.Values(msg)
	if !ok {
		p.Err = "unreadable message"
		return p
	}
	x, err := explore.Compute(i, deltaT)
	if err != nil {
		p.Err = err.Error()
		return p
	}
	p.I, p.DeltaT, p.Rheobase, p.Rate = x.I, x.DeltaT, x.Rheobase, x.Rate
	for _, fp := range x.FixedPoints {
		p.FixedPoints = append(p.FixedPoints, fp.U)
		p.Stability = append(p.Stability, fp.Stability.String())
	}
	p.T, p.U, p.Spikes = x.Run.T, x.Run.U, x.Run.Spikes
	return p
}
