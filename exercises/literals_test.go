package exercises_test

import (
	"fmt"
	"go/scanner"
	"go/token"
	"regexp"
	"strconv"
	"strings"
)

// formatVerb is a verb of fmt's formats (%v, %.3g, %6.2f, %%).
var formatVerb = regexp.MustCompile(`%[-+# 0]*(?:[0-9]+|\*)?(?:\.(?:[0-9]+|\*))?[a-zA-Z%]`)

// stringLiterals returns the Go string literals of a code cell, in order,
// with GoNB's shell and magic lines (`!…`, `%…`) left out.
func stringLiterals(src string) []string {
	var lines []string
	for _, l := range strings.Split(src, "\n") {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "!") || strings.HasPrefix(t, "%") {
			l = ""
		}
		lines = append(lines, l)
	}
	code := strings.Join(lines, "\n")
	fset := token.NewFileSet()
	file := fset.AddFile("cell", -1, len(code))
	var s scanner.Scanner
	s.Init(file, []byte(code), func(token.Position, string) {}, 0)
	var out []string
	for {
		_, kind, lit := s.Scan()
		if kind == token.EOF {
			return out
		}
		if kind == token.STRING {
			out = append(out, lit)
		}
	}
}

// literalDiffs lists how the string literals of a French code cell may
// change what its program does, against the English cell's (the same count,
// as notebooks.CodeDiff holds): a literal Go cannot read, or a format whose
// verbs differ (a value printed with another verb, or one verb more or less).
func literalDiffs(en, fr string) []string {
	e, f := stringLiterals(en), stringLiterals(fr)
	var diffs []string
	for k := range min(len(e), len(f)) {
		if _, err := strconv.Unquote(f[k]); err != nil {
			diffs = append(diffs, fmt.Sprintf("string literal %d, %s, is not Go: %v", k+1, f[k], err))
			continue
		}
		ve, vf := formatVerb.FindAllString(e[k], -1), formatVerb.FindAllString(f[k], -1)
		if strings.Join(ve, " ") != strings.Join(vf, " ") {
			diffs = append(diffs, fmt.Sprintf("string literal %d, %s, has the verbs %v; in English, %s, %v", k+1, f[k], vf, e[k], ve))
		}
	}
	return diffs
}
