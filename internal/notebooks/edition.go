package notebooks

import (
	"fmt"
	"go/scanner"
	"go/token"
	"regexp"
)

// The rule that keeps a French notebook in step with its English twin, for
// the teaching notebooks (notebooks/fr/, notebooktest) and the graded
// assignments (exercises/): each code cell is the same program, compared as
// Go token streams (go/scanner, which also reads GoNB's `!` shell and `%`
// magic lines well enough to compare them), so that the two may differ only
// in:
//
//   - comments, which the scanner skips, and spacing;
//   - string literals ("…" and `…`), compared by kind only: printed labels,
//     chart titles, axis names and shell messages are translated;
//   - lines `%env EIF_LANG …` (LangLine), which callers leave out on both
//     sides: a French setup cell sets the language of what eif/chart and
//     exercises/check write themselves.
//
// Everything else, numbers included, is compared exactly.

// LangLine matches a GoNB magic line that sets EIF_LANG.
var LangLine = regexp.MustCompile(`(?m)^[ \t]*%env[ \t]+EIF_LANG([ \t=].*)?$`)

// FrenchLangLine matches the line a French setup cell must have.
var FrenchLangLine = regexp.MustCompile(`(?m)^[ \t]*%env[ \t]+EIF_LANG[ \t]+fr[ \t]*$`)

// CodeDiff describes the first token where the French cell fr departs from the
// English cell en, or returns "" when they are the same program. Lines that
// set EIF_LANG are left out of both.
func CodeDiff(en, fr string) string {
	e, f := tokens(LangLine.ReplaceAllString(en, "")), tokens(LangLine.ReplaceAllString(fr, ""))
	for k := range min(len(e), len(f)) {
		if e[k].kind != f[k].kind || e[k].lit != f[k].lit {
			return fmt.Sprintf("token %d, on line %d of the French cell, is %v; on line %d of the English cell it is %v (only string literals and comments may differ)",
				k+1, f[k].line, f[k], e[k].line, e[k])
		}
	}
	return ""
}

// tok is one token of a cell: its kind, its text (empty for string literals,
// which may be translated), and its line in the cell.
type tok struct {
	kind token.Token
	lit  string
	line int
}

func (k tok) String() string {
	switch {
	case k.kind == token.EOF:
		return "the end of the cell"
	case k.kind == token.STRING:
		return "a string literal"
	case k.lit != "":
		return fmt.Sprintf("%q", k.lit)
	}
	return fmt.Sprintf("%q", k.kind.String())
}

// tokens scans src as Go. Comments are skipped. GoNB's shell and magic lines
// (`!…`, `%…`) are not Go; the scanner still cuts them into tokens (with
// errors, ignored), which is enough to compare them.
func tokens(src string) []tok {
	fset := token.NewFileSet()
	file := fset.AddFile("cell", -1, len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), func(token.Position, string) {}, 0)
	var out []tok
	for {
		pos, kind, lit := s.Scan()
		t := tok{kind: kind, line: fset.Position(pos).Line}
		switch {
		case kind == token.STRING:
		case kind == token.SEMICOLON && lit == "\n":
			t.lit = "newline"
		case kind.IsLiteral() || kind == token.ILLEGAL:
			t.lit = lit
		}
		out = append(out, t)
		if kind == token.EOF {
			return out
		}
	}
}
