// Package check holds the rules on inputs that eif and eif/noise share, so that each is
// written once. A rule returns "" when the value keeps it, and otherwise the rule it
// breaks, worded to end an error message ("must be finite"); each package makes its own
// error from it, naming the field, so that the error starts with that package's name.
// Formatting happens only when a rule is broken: a value that keeps it costs two
// comparisons.
package check
