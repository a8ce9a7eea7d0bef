package eif

// PiecewiseConstant reports whether the current of s is constant between the breaks that
// its NextBreak reports: true for Constant, Pulse and Steps, and for pointers to them. A
// Func may be piecewise constant as well, but the package cannot know it and reports false,
// as it does for a nil s. The integrators read such a stimulus once per piece, and a chart
// can draw it exactly from its breaks alone.
func PiecewiseConstant(s Stimulus) bool {
	_, ok := s.(constantPieces)
	return ok
}
