package chart

import (
	"fmt"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sprintf formats like fmt.Sprintf, in the language l ("" for the one named by EIF_LANG),
// as the charts write their own labels:
//   - float64 and float32 arguments, and the elements of a []float64, formatted with
//     %v, %e, %f or %g (any flags, width and precision), take the decimal sign of l: a
//     comma in French (7,25), a point in English;
//   - bool arguments formatted with %v, %t or %s are words: yes and no, oui and non
//     (see Bool);
//   - in French, a no-break space (U+00A0) takes the place of the space between a number
//     and its unit (7,25 nA, 95 %), of the space before : ; ? ! and », and of the space
//     after «, so a line never breaks there. The units are the course's: mV, ms, nA, Hz,
//     MΩ, 1/ms, mV/ms, Hz/nA, % and the like (see units).
//
// Only arguments change: a number written in the format itself is left as it is, and so
// are integers, strings (a version "5.6.0", a file name), and %#v, which writes Go syntax.
// In English, Sprintf is fmt.Sprintf but for the booleans.
func (l Lang) Sprintf(format string, args ...any) string {
	l = l.Resolve()
	dec := l.words().Decimal
	local := make([]any, len(args))
	for k, a := range args {
		switch v := a.(type) {
		case float64, float32:
			local[k] = number{v, dec}
		case []float64:
			vs := make([]any, len(v))
			for j := range v {
				vs[j] = number{v[j], dec}
			}
			local[k] = vs
		case bool:
			local[k] = word{v, l.Bool(v)}
		default:
			local[k] = a
		}
	}
	s := fmt.Sprintf(format, local...)
	if l == French {
		s = frenchSpaces(s)
	}
	return s
}

// Printf writes l.Sprintf(format, args...) to standard output, the cell's output in a
// notebook.
func (l Lang) Printf(format string, args ...any) (int, error) {
	return fmt.Fprint(os.Stdout, l.Sprintf(format, args...))
}

// Sprintf is Lang.Sprintf in the language named by EIF_LANG: the same line of a notebook
// prints 7.25 nA in the English edition and 7,25 nA in the French one.
//
//	chart.Printf("I_rh = %.4f nA, fires: %v\n", n.Rheobase(), len(res.Spikes) > 0)
//	// English: I_rh = 7.2500 nA, fires: yes
//	// French (EIF_LANG=fr): I_rh = 7,2500 nA, fires: oui
func Sprintf(format string, args ...any) string { return Lang("").Sprintf(format, args...) }

// Printf is Lang.Printf in the language named by EIF_LANG (see Sprintf).
func Printf(format string, args ...any) (int, error) { return Lang("").Printf(format, args...) }

// Decimal returns the decimal sign of l: "." in English, "," in French; it is the one
// Sprintf and the charts use, for numbers that a page's JavaScript writes.
func (l Lang) Decimal() string { return l.Resolve().words().Decimal }

// Bool writes b as a word of the language l: yes or no in English, oui or non in French.
func (l Lang) Bool(b bool) string {
	w := l.Resolve().words()
	if b {
		return w.Yes
	}
	return w.No
}

// number is a float argument of Sprintf, written with the decimal sign dec.
type number struct {
	v   any // float64 or float32
	dec string
}

// Format writes n as fmt would, with dec in place of the decimal point for the verbs
// that write one; %#v keeps Go's syntax.
func (n number) Format(s fmt.State, verb rune) {
	out := fmt.Sprintf(fmt.FormatString(s, verb), n.v)
	if strings.ContainsRune("veEfFgG", verb) && !(verb == 'v' && s.Flag('#')) {
		out = strings.Replace(out, ".", n.dec, 1)
	}
	fmt.Fprint(s, out)
}

// word is a bool argument of Sprintf, written as a word for %v, %t and %s, and as fmt
// writes a bool for other verbs.
type word struct {
	b bool
	s string
}

func (w word) Format(s fmt.State, verb rune) {
	switch verb {
	case 'v', 't', 's':
		fmt.Fprintf(s, fmt.FormatString(s, 's'), w.s)
	default:
		fmt.Fprintf(s, fmt.FormatString(s, verb), w.b)
	}
}

// units are the units that French typography joins to their number with a no-break
// space: those of the course (mV, ms, nA, Hz, MΩ, nF, pC…), the SI ones they come from, and %.
var units = []string{
	"mV/ms", "Hz/nA", "1/ms", "1/s", "mV", "µV", "V", "ms", "µs", "s", "nA", "pA", "µA", "A",
	"kHz", "Hz", "GΩ", "MΩ", "kΩ", "Ω", "nF", "pF", "µF", "nC", "pC", "nS", "µS", "mS", "%",
}

// frenchSpaces puts French no-break spaces into s: between a number and its unit, before
// : ; ? ! and », after «.
func frenchSpaces(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for k := 0; k < len(s); k++ {
		if s[k] != ' ' {
			b.WriteByte(s[k])
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(s[:k])
		rest := s[k+1:]
		if before == '«' || strings.ContainsAny(rest[:min(len(rest), 1)], ":;?!") ||
			strings.HasPrefix(rest, "»") || unicode.IsDigit(before) && startsWithUnit(rest) {
			b.WriteString("\u00a0")
			continue
		}
		b.WriteByte(' ')
	}
	return b.String()
}

// startsWithUnit reports whether s starts with one of the units as a word of its own: not
// followed by a letter, a digit, "_" or "/" (so "s" is a unit in "3 s." and not in "3 secondes").
func startsWithUnit(s string) bool {
	for _, u := range units {
		if !strings.HasPrefix(s, u) {
			continue
		}
		next, _ := utf8.DecodeRuneInString(s[len(u):])
		if next == utf8.RuneError || !(unicode.IsLetter(next) || unicode.IsDigit(next) || next == '_' || next == '/') {
			return true
		}
	}
	return false
}
