package notebooktest_test

import (
	"bufio"
	"fmt"
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/internal/notebooks"
	"github.com/eif-notebooks/eif-notebooks/notebooktest"
)

// The French edition reads as a French course (issue 23). What a student reads of a
// French notebook (its Markdown cells, and the comments and string literals of its code
// cells, which become the printed labels and chart titles) must:
//
//   - hold none of the known calques of docs/calques-fr.txt;
//   - in Markdown, put a no-break space between a number and its unit (7,25 nA), and
//     before « : » (U+00A0) and « ; ? ! » (U+202F, or U+00A0); in the strings of code
//     cells, which print through nb.Printf (chart.Sprintf, which makes those spaces
//     no-break ones), put a space before « : ; ? ! ».
//
// The notebooks listed in Pending (checks.go) are not held to these rules yet.
// Printed numbers with a decimal comma and booleans printed oui/non are checked on the
// executed notebooks (execute_test.go).

// calquesFile is the list of calques, relative to the repository root.
const calquesFile = "docs/calques-fr.txt"

// calque is one line of the list.
type calque struct {
	re              *regexp.Regexp
	pattern         string
	instead, sample string
	line            int
}

// fold lowercases s and takes the accents off French letters, so that the patterns'
// \b, which RE2 reads in ASCII, work on French words: "Imprimé" is read "imprime".
var fold = strings.NewReplacer(
	"à", "a", "â", "a", "ä", "a", "ç", "c", "é", "e", "è", "e", "ê", "e", "ë", "e", "î", "i", "ï", "i",
	"ô", "o", "ö", "o", "ù", "u", "û", "u", "ü", "u", "ÿ", "y", "œ", "oe", "æ", "ae",
	"À", "a", "Â", "a", "Ç", "c", "É", "e", "È", "e", "Ê", "e", "Î", "i", "Ô", "o", "Ù", "u", "Û", "u", "Œ", "oe",
)

func folded(s string) string { return fold.Replace(strings.ToLower(s)) }

func readCalques(t *testing.T) []calque {
	t.Helper()
	f, err := os.Open(filepath.Join(repoRoot, calquesFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []calque
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		fields := strings.Split(l, "\t")
		if len(fields) != 3 {
			t.Errorf("%s:%d: want 3 tab-separated fields (pattern, instead, example), got %d", calquesFile, n, len(fields))
			continue
		}
		re, err := regexp.Compile("(?m)" + folded(fields[0]))
		if err != nil {
			t.Errorf("%s:%d: %v", calquesFile, n, err)
			continue
		}
		out = append(out, calque{re: re, pattern: fields[0], instead: fields[1], sample: fields[2], line: n})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// studentText is what a student reads of a cell: a Markdown cell's text, or the comments
// and string literals (unquoted) of a code cell, one a line.
func studentText(c cell) string {
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

// frenchProblems lists the calques and the typography slips of one French notebook.
func frenchProblems(nb *notebook, calques []calque) []string {
	var out []string
	for i, c := range nb.Cells {
		text := studentText(c)
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
		f := folded(text)
		for _, k := range calques {
			if m := k.re.FindString(f); m != "" {
				out = append(out, fmt.Sprintf("%s: %q is a calque (%s:%d %s): write %s", nb.CellName(i), m, calquesFile, k.line, k.pattern, k.instead))
			}
		}
	}
	return out
}

func TestFrenchReadsFrench(t *testing.T) {
	calques := readCalques(t)
	for _, name := range notebookNames(t) {
		if !notebooks.IsFrench(name) {
			continue
		}
		t.Run(name, func(t *testing.T) {
			nb, err := readNotebook(name)
			if err != nil {
				t.Fatal(err)
			}
			problems := frenchProblems(nb, calques)
			if why, ok := notebooktest.Pending[notebooks.English(name)]; ok {
				showPending(t, problems)
				t.Skipf("pending (%s): %d problem(s)", why, len(problems))
			}
			for _, p := range problems {
				t.Error(p)
			}
		})
	}
}

// Each calque catches its example; the typography rules catch theirs and let correct
// French through.
func TestFrenchRulesCatch(t *testing.T) {
	calques := readCalques(t)
	if len(calques) < 10 {
		t.Fatalf("%s has %d calques", calquesFile, len(calques))
	}
	for _, k := range calques {
		if !k.re.MatchString(folded(k.sample)) {
			t.Errorf("%s:%d: %s does not match its example %q", calquesFile, k.line, k.pattern, k.sample)
		}
	}
	md := func(s string) *notebook {
		return &notebook{Cells: []cell{{CellType: "markdown", Source: notebooks.Text(s)}}}
	}
	code := func(s string) *notebook {
		return &notebook{Cells: []cell{{CellType: "code", Source: notebooks.Text(s)}}}
	}
	for _, tc := range []struct {
		nb   *notebook
		want string // "" means no problem
	}{
		{md("La rhéobase vaut 7,25\u00a0nA\u00a0: le neurone émet un PA."), ""},
		{md("La rhéobase vaut 7,25 nA."), "no-break space (U+00A0) between"},
		{md("avec $\\tau = 10$ ms de constante"), "no-break space (U+00A0) between"},
		{md("95 % du chemin"), "no-break space (U+00A0) between"},
		{md("Le seuil : −40\u00a0mV"), "before :"},
		{md("Le seuil: −40\u00a0mV"), "before :"},
		{md("Pourquoi ? Parce que"), "before :"},
		{md("Pourquoi\u202f? Voir [ici](https://example.org/a:b) et `x := 1; y`."), ""},
		{md("Le neurone déclenche en θ_pa."), "calque"},
		{md("La cellule imprime la valeur."), "calque"},
		{md("Le courant qui déclenche le PA."), ""},
		{md("un départ au repos, le point de départ"), ""},
		{md("la fuite, qui ramène u vers le repos"), ""},
		{code(`nb.Printf("I_rh = %.4f\u00a0nA\n", x) // affiche la rhéobase : 7,25 nA`), ""},
		{code(`nb.Printf("I_rh = %.4f nA : %v\n", x, y)`), ""},
		{code(`nb.Printf("I_rh = %.4f nA: %v\n", x, y)`), "a space before"},
		{code(`x := 1 // imprime x`), "calque"},
		{code(`nb.Printf("θ_I=0 %+g\u00a0mV, 95\u00a0%%\n", d)`), ""},
		{code(`fmt.Println("3 spikes")`), "calque"},
	} {
		p := strings.Join(frenchProblems(tc.nb, calques), "\n")
		if (tc.want == "") != (p == "") || !strings.Contains(p, tc.want) {
			t.Errorf("%q: got %q, want a problem containing %q", tc.nb.Cells[0].Source, p, tc.want)
		}
	}
}
