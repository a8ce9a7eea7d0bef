package ieee

// RoundShift is 1.5·2^52. For |y| < 2^51, y + RoundShift lies in [2^52, 2^53), where a
// float64 keeps no bits below the unit, so IEEE 754 rounds the sum to an integer, the
// nearest (ties to even), and subtracting RoundShift gives y rounded exactly: the rounding
// of math.RoundToEven without a call. The low bits of the sum hold that integer, for
// table look-ups.
const RoundShift = 0x1.8p52

// Nearest returns y rounded to the nearest integer (ties to even), for |y| < 2^51.
func Nearest(y float64) float64 { return (y + RoundShift) - RoundShift }
