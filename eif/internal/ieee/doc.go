// Package ieee holds what the kernels of eif (fast and portable) use of the IEEE 754
// binary64 arithmetic itself, written once.
package ieee
