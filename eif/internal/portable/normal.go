package portable

import (
	"math"
	"math/rand/v2"
)

// Normal draws standard normal numbers from a PCG stream (math/rand/v2's PCG-DXSM, whose
// output is fixed by its definition) with the ziggurat method of Marsaglia and Tsang
// (J. Stat. Softw. 5, 2000), 128 layers. The tables are computed with Exp and Log, so
// the same seed gives the same numbers on every machine and Go release.
type Normal struct{ pcg *rand.PCG }

// NewNormal returns the generator of trial k of the run with the given seed: the stream is
// a function of (seed, k) only, so trials give the same numbers whatever runs them.
func NewNormal(seed uint64, k int) Normal {
	return Normal{rand.NewPCG(splitmix(seed), splitmix(seed^(0x9e3779b97f4a7c15*uint64(k+1))))}
}

// splitmix is the SplitMix64 finaliser: it spreads close seeds over the 64 bits.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

const (
	zigR    = 3.442619855899 // the start of the tail
	zigV    = 9.91256303526217e-3
	zigUnit = 1 << 52 // the 53-bit signed integers of a draw span ±zigUnit
)

var zigK, zigW, zigF = zigTables()

func zigTables() (k [128]int64, w, f [128]float64) {
	dn := zigR
	tn := dn
	q := zigV / Exp(-0.5*dn*dn)
	k[0] = int64(dn / q * zigUnit)
	k[1] = 0
	w[0] = q / zigUnit
	w[127] = dn / zigUnit
	f[0] = 1
	f[127] = Exp(-0.5 * dn * dn)
	for i := 126; i >= 1; i-- {
		dn = math.Sqrt(-2 * Log(zigV/dn+Exp(-0.5*dn*dn)))
		k[i+1] = int64(dn / tn * zigUnit)
		tn = dn
		f[i] = Exp(-0.5 * dn * dn)
		w[i] = dn / zigUnit
	}
	return k, w, f
}

// uniform returns a number in (0, 1).
func (g Normal) uniform() float64 {
	return (float64(g.pcg.Uint64()>>11) + 0.5) / (1 << 53)
}

// norm returns a standard normal number.
func (g Normal) Norm() float64 {
	for {
		u := g.pcg.Uint64()
		i := u & 127
		j := int64(u) >> 11 // signed, 53 bits
		x := float64(float64(j) * zigW[i])
		if abs64(j) < zigK[i] {
			return x // the rectangle: about 99 % of draws
		}
		if i == 0 { // the tail beyond zigR
			for {
				x = -Log(g.uniform()) / zigR
				y := -Log(g.uniform())
				if y+y >= x*x {
					break
				}
			}
			if j > 0 {
				return zigR + x
			}
			return -zigR - x
		}
		// the wedge
		if zigF[i]+float64(g.uniform()*(zigF[i-1]-zigF[i])) < Exp(-0.5*x*x) {
			return x
		}
	}
}

func abs64(j int64) int64 {
	if j < 0 {
		return -j
	}
	return j
}
