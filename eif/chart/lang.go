package chart

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/eif-notebooks/eif-notebooks/eif"
)

// Lang is the language of the words a chart writes itself: the names of fixed points, the
// buttons, the messages shown in place of a chart. Titles, axis names and series names
// given by the caller are drawn as they are.
type Lang string

const (
	English Lang = "en"
	French  Lang = "fr"
)

// LangEnv is the environment variable that chooses the language when a Figure's Lang is
// "": "fr" for French, "en" (or unset) for English. Any other value means English.
const LangEnv = "EIF_LANG"

// EnvLang returns the language named by the environment variable EIF_LANG (see LangEnv).
func EnvLang() Lang { return Lang(os.Getenv(LangEnv)).known() }

// Resolve returns the language l stands for: the one named by EIF_LANG for "", else l if
// it is a language chart writes, else English. Case and surrounding spaces do not matter.
func (l Lang) Resolve() Lang {
	if l == "" {
		return EnvLang()
	}
	return l.known()
}

// known returns l if it is a language chart writes, else English. Case and surrounding
// spaces do not matter.
func (l Lang) known() Lang {
	if Lang(strings.ToLower(strings.TrimSpace(string(l)))) == French {
		return French
	}
	return English
}

// text is a text chart writes itself, in each of its languages.
type text struct{ en, fr string }

// textf formats en in English and fr in French with the same arguments, as Lang.Sprintf
// does: in French, numbers with a decimal comma and a no-break space before their unit. A
// text argument is written in the language of each. It is for the texts a chart draws.
func textf(en, fr string, args ...any) text {
	return text{English.Sprintf(en, argsIn(English, args)...), French.Sprintf(fr, argsIn(French, args)...)}
}

// symbolf is textf with one format for both languages, for texts made of symbols, numbers
// and units, such as "I_rh = %.4g nA".
func symbolf(format string, args ...any) text { return textf(format, format, args...) }

// plainf is textf with Go's notation of numbers (7.25) in both languages, for error
// messages: they name values as the code that caused them writes them.
func plainf(en, fr string, args ...any) text {
	return text{fmt.Sprintf(en, argsIn(English, args)...), fmt.Sprintf(fr, argsIn(French, args)...)}
}

// argsIn returns args with each text argument in the language l.
func argsIn(l Lang, args []any) []any {
	out := make([]any, len(args))
	for k, a := range args {
		if t, ok := a.(text); ok {
			a = t.in(l)
		}
		out[k] = a
	}
	return out
}

// in returns t in the language l (English for an unknown one).
func (t text) in(l Lang) string {
	if l.known() == French {
		return t.fr
	}
	return t.en
}

// textError is an error whose message chart writes in either language; Error is the
// English one, and localize gives the other.
type textError struct{ text }

func (e *textError) Error() string { return e.en }

// errorf is an error in the language l.
func errorf(l Lang, en, fr string, args ...any) error {
	return errors.New(plainf(en, fr, args...).in(l))
}

// errorText is an error held in both languages, for errors found while a figure is built,
// before the language it is drawn in is known.
func errorText(en, fr string, args ...any) error { return &textError{plainf(en, fr, args...)} }

// localize returns err in the language l.
func localize(err error, l Lang) error {
	var t *textError
	if errors.As(err, &t) && l.known() == French {
		return errors.New(t.fr)
	}
	return err
}

// stabilityText names the stability of a fixed point: "saddle-node" is "col-nœud" (the
// saddle-node bifurcation, "bifurcation col-nœud"), as in the course.
func stabilityText(s eif.Stability) text {
	switch s {
	case eif.Stable:
		return text{"stable", "stable"}
	case eif.Unstable:
		return text{"unstable", "instable"}
	case eif.SaddleNode:
		return text{"saddle-node", "col-nœud"}
	}
	return text{s.String(), s.String()}
}

// words are the texts of a drawn chart, of its buttons and of the library's status line.
type words struct {
	NotDrawn   string // shown until the script draws the chart
	NoLibrary  string // the script found no library
	CannotDraw string // the script failed; the browser's error follows
	Reset      string // toolbox buttons
	SavePNG    string
	BoxZoom    string
	UndoZoom   string
	InitLine   string // the status line of Init: the library and its version, then its state
	InitWait   string // …before its script ran
	InitLoaded string // …after; the version follows
	InitFailed string
	Progress   string // a progress bar: label, percentage and time
	Done       string // …at the end: label and time
	Decimal    string // the decimal sign of numbers, in Go (Lang.Sprintf) and in the browser
	Colon      string // between a name and its value in a tooltip
	Yes, No    string // a boolean (Lang.Bool)
}

var wordsIn = map[Lang]words{
	English: {
		NotDrawn:   NotDrawn,
		NoLibrary:  "chart: echarts is not loaded: run the setup cell, which calls chart.Init()",
		CannotDraw: "chart: cannot draw: ",
		Reset:      "reset",
		SavePNG:    "save PNG",
		BoxZoom:    "box zoom",
		UndoZoom:   "undo zoom",
		InitLine:   "ECharts %s (offline copy, Apache-2.0):",
		InitWait:   "not loaded; scripts do not run here (is the notebook trusted?)",
		InitLoaded: "loaded, version ",
		InitFailed: "failed to load",
		Progress:   "%s: %.0f %%, %.1f s",
		Done:       "%s: done in %.1f s",
		Decimal:    ".",
		Colon:      ": ",
		Yes:        "yes",
		No:         "no",
	},
	French: {
		NotDrawn:   "graphique non tracé : exécutez cette cellule, ou faites confiance au notebook (Palette de commandes → Faire confiance au notebook)",
		NoLibrary:  "chart: la bibliothèque echarts n'est pas chargée : exécutez la cellule de configuration, qui appelle chart.Init()",
		CannotDraw: "chart: impossible de tracer : ",
		Reset:      "réinitialiser",
		SavePNG:    "enregistrer en PNG",
		BoxZoom:    "zoom sur une zone",
		UndoZoom:   "annuler le zoom",
		InitLine:   "ECharts %s (copie hors ligne, Apache-2.0) :",
		InitWait:   "non chargée ; les scripts ne s'exécutent pas ici (le notebook est-il de confiance ?)",
		InitLoaded: "chargée, version ",
		InitFailed: "échec du chargement",
		Progress:   "%s : %.0f %%, %.1f s",
		Done:       "%s : terminé en %.1f s",
		Decimal:    ",",
		Colon:      " : ",
		Yes:        "oui",
		No:         "non",
	},
}

// words returns the words of the language l.
func (l Lang) words() words { return wordsIn[l.known()] }

// NotDrawn returns, in the language l, the text a chart's container shows until its script
// draws the chart (see the constant NotDrawn, the English one).
func (l Lang) NotDrawn() string { return l.words().NotDrawn }

// Stability names the stability of a fixed point in the language l, as the charts do:
// stable, unstable, saddle-node; in French stable, instable, col-nœud.
func (l Lang) Stability(s eif.Stability) string { return stabilityText(s).in(l) }
