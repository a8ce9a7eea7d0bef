package check

import (
	"fmt"
	"math"
)

// Finite is the rule of a value that must be finite.
func Finite(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "must be finite"
	}
	return ""
}

// Current is the rule of a current (nA): finite and within ±max.
func Current(i, max float64) string {
	if r := Finite(i); r != "" {
		return r
	}
	if math.Abs(i) > max {
		return fmt.Sprintf("must be within ±%g nA", max)
	}
	return ""
}

// Duration is the rule of a duration (ms): finite, > 0 and ≤ max, the package's MaxTime.
func Duration(d, max float64) string {
	if math.IsNaN(d) || math.IsInf(d, 0) || d <= 0 || d > max {
		return fmt.Sprintf("must be > 0 and ≤ MaxTime = %g ms", max)
	}
	return ""
}

// OrDefault is the rule of a setting where 0 means the default: finite and ≥ 0. A zero
// *v is replaced by def.
func OrDefault(v *float64, def float64) string {
	if math.IsNaN(*v) || math.IsInf(*v, 0) || *v < 0 {
		return "must be finite and ≥ 0 (0 means the default)"
	}
	if *v == 0 {
		*v = def
	}
	return ""
}

// Size is the rule of a size such as a noise amplitude or a time constant, where 0 means
// none: finite, ≥ 0 and ≤ max, in unit.
func Size(v, max float64, unit string) string {
	if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v > max {
		return fmt.Sprintf("must be finite, ≥ 0 and ≤ %g %s", max, unit)
	}
	return ""
}
