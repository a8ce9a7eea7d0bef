package notebooks

import (
	"bufio"
	"errors"
	"fmt"
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// What a student reads of a French notebook (its Markdown cells, and the
// comments and string literals of its code cells, which become the printed
// labels and chart titles) reads as a French course (issue 23): none of the
// known calques of docs/calques-fr.txt; in Markdown, a no-break space between a
// number and its unit (7,25 nA), and before « : » (U+00A0) and « ; ? ! »
// (U+202F, or U+00A0); in the strings of code cells, which print through
// nb.Printf (chart.Sprintf, which makes those spaces no-break ones), a space
// before « : ; ? ! ». The French teaching notebooks (notebooktest) and the
// French graded assignments (exercises) are held to it.

// CalquesFile is the list of calques, relative to the repository root.
const CalquesFile = "docs/calques-fr.txt"

// Calque is one line of the list.
type Calque struct {
	Re              *regexp.Regexp // the pattern, on Folded text
	Pattern         string
	Instead, Sample string
	Line            int
}

// fold lowercases s and takes the accents off French letters, so that the patterns'
// \b, which RE2 reads in ASCII, work on French words: "Imprimé" is read "imprime".
var fold = strings.NewReplacer(
	"à", "a", "â", "a", "ä", "a", "ç", "c", "é", "e", "è", "e", "ê", "e", "ë", "e", "î", "i", "ï", "i",
	"ô", "o", "ö", "o", "ù", "u", "û", "u", "ü", "u", "ÿ", "y", "œ", "oe", "æ", "ae",
	"À", "a", "Â", "a", "Ç", "c", "É", "e", "È", "e", "Ê", "e", "Î", "i", "Ô", "o", "Ù", "u", "Û", "u", "Œ", "oe",
)

// Folded is s lowercased, without the accents of French letters.
func Folded(s string) string { return fold.Replace(strings.ToLower(s)) }

// ReadCalques reads the list of calques of the repository at root; every
// malformed line is in the error.
func ReadCalques(root string) ([]Calque, error) {
	f, err := os.Open(filepath.Join(root, CalquesFile))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Calque
	var errs []error
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		fields := strings.Split(l, "\t")
		if len(fields) != 3 {
			errs = append(errs, fmt.Errorf("%s:%d: want 3 tab-separated fields (pattern, instead, example), got %d", CalquesFile, n, len(fields)))
			continue
		}
		re, err := regexp.Compile("(?m)" + Folded(fields[0]))
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %v", CalquesFile, n, err))
			continue
		}
		out = append(out, Calque{Re: re, Pattern: fields[0], Instead: fields[1], Sample: fields[2], Line: n})
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, err)
	}
	return out, errors.Join(errs...)
}

// StudentText is what a student reads of a cell: a Markdown cell's text, or the comments
// and string literals (unquoted) of a code cell, one a line.
func StudentText(c Cell) string {
	src := string(c.Source)
	if c.CellType != "code" {
		return src
	}
	fset := token.NewFileSet()
	file := fset.AddFile("cell", -1, len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), func(token.Position, string) {}, scanner.ScanComments)
	var b strings.Builder
	for {
		_, kind, lit := s.Scan()
		if kind == token.EOF {
			break
		}
		switch kind {
		case token.COMMENT:
			b.WriteString(lit + "\n")
		case token.STRING:
			if u, err := strconv.Unquote(lit); err == nil {
				lit = u
			}
			b.WriteString(lit + "\n")
		}
	}
	return b.String()
}

var (
	fenced   = regexp.MustCompile("(?s)```.*?```")
	codeSpan = regexp.MustCompile("`[^`\n]*`")
	mathSpan = regexp.MustCompile(`(?s)\$\$.*?\$\$|\$[^$\n]*\$`)
	linkURL  = regexp.MustCompile(`\]\([^)]*\)|https?://\S+`)
	htmlTag  = regexp.MustCompile(`<[^>\n]*>`)
	// a number, or the end of an equation or of a format verb, then an ordinary space and a unit
	unitSpace = regexp.MustCompile(`(?:\d|\$|%[-+# 0]*\d*(?:\.\d+)?[fgeEvd]) (?:(?:mV|ms|nA|Hz|MΩ|pC|nF)(?:[^\pL\pN]|$)|%(?:[\s,.;:)»]|$))`)
	// French punctuation: a space before : ; ? ! must be a no-break one, and there must be one
	punctSpace = regexp.MustCompile(`[\pL\pN)»*_] ?[:;?!](?:\s|$)`)
	// in a code cell's strings, only the missing space: "mV: " (nb.Printf makes "mV : " right)
	punctNoSpace = regexp.MustCompile(`[\pL\pN)»*_][:;?!](?:[ \n]|$)`)
	// what a student reads is never one of these, in a French string: Go's format verbs
	// %v and %t print true and false for a bool (nb.Printf prints oui and non)
)

// prose is text with what is not French prose taken out: code, equations, link targets
// and HTML tags.
func prose(s string) string {
	for _, re := range []*regexp.Regexp{fenced, codeSpan, mathSpan, linkURL, htmlTag} {
		s = re.ReplaceAllString(s, " ")
	}
	return s
}

// FrenchProblems lists the calques and the typography slips of one French notebook.
func FrenchProblems(nb *Notebook, calques []Calque) []string {
	var out []string
	for i, c := range nb.Cells {
		text := StudentText(c)
		if c.CellType != "code" {
			for _, m := range unitSpace.FindAllString(fenced.ReplaceAllString(codeSpan.ReplaceAllString(text, " "), " "), -1) {
				out = append(out, fmt.Sprintf("%s: %q: put a no-break space (U+00A0) between a number and its unit", nb.CellName(i), m))
			}
			text = prose(text)
			for _, m := range punctSpace.FindAllString(text, -1) {
				out = append(out, fmt.Sprintf("%s: %q: French puts a no-break space before : (U+00A0) and ; ? ! (U+202F)", nb.CellName(i), m))
			}
		} else {
			// the cells print through nb.Printf (chart.Sprintf), which turns the space
			// before a unit or : ; ? ! into a no-break one; a missing space it cannot add
			for _, m := range punctNoSpace.FindAllString(text, -1) {
				out = append(out, fmt.Sprintf("%s: %q: French puts a space before : ; ? ! (nb.Printf makes it a no-break one)", nb.CellName(i), m))
			}
		}
		f := Folded(text)
		for _, k := range calques {
			if m := k.Re.FindString(f); m != "" {
				out = append(out, fmt.Sprintf("%s: %q is a calque (%s:%d %s): write %s", nb.CellName(i), m, CalquesFile, k.Line, k.Pattern, k.Instead))
			}
		}
	}
	return out
}
