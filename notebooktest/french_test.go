package notebooktest_test

import (
	"strings"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/internal/notebooks"
	"github.com/eif-notebooks/eif-notebooks/notebooktest"
)

// The French edition reads as a French course (issue 23): no known calque of
// docs/calques-fr.txt, French typography (notebooks.FrenchProblems, in
// internal/notebooks/french.go, which holds the French assignments to it too).
// The notebooks listed in Pending (checks.go) are not held to these rules yet.
// Printed numbers with a decimal comma and booleans printed oui/non are checked on the
// executed notebooks (execute_test.go).

func TestFrenchReadsFrench(t *testing.T) {
	calques, err := notebooks.ReadCalques(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range notebookNames(t) {
		if !notebooks.IsFrench(name) {
			continue
		}
		t.Run(name, func(t *testing.T) {
			nb, err := readNotebook(name)
			if err != nil {
				t.Fatal(err)
			}
			problems := notebooks.FrenchProblems(nb, calques)
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
	calques, err := notebooks.ReadCalques(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	if len(calques) < 10 {
		t.Fatalf("%s has %d calques", notebooks.CalquesFile, len(calques))
	}
	for _, k := range calques {
		if !k.Re.MatchString(notebooks.Folded(k.Sample)) {
			t.Errorf("%s:%d: %s does not match its example %q", notebooks.CalquesFile, k.Line, k.Pattern, k.Sample)
		}
	}
	md := func(s string) *notebook {
		return &notebook{Cells: []notebooks.Cell{{CellType: "markdown", Source: notebooks.Text(s)}}}
	}
	code := func(s string) *notebook {
		return &notebook{Cells: []notebooks.Cell{{CellType: "code", Source: notebooks.Text(s)}}}
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
		p := strings.Join(notebooks.FrenchProblems(tc.nb, calques), "\n")
		if (tc.want == "") != (p == "") || !strings.Contains(p, tc.want) {
			t.Errorf("%q: got %q, want a problem containing %q", tc.nb.Cells[0].Source, p, tc.want)
		}
	}
}
