package explore

import "github.com/eif-notebooks/eif-notebooks/eif/chart"

// words are the explorer's texts in one language. French texts put a no-break space
// before : ; ? ! and between a number and its unit, as French typography wants; numbers
// given as arguments are written by chart.Lang.Sprintf, with a decimal comma in French.
type words struct {
	current, slope, done   string // the sliders and the button
	showI, showDeltaT      string // the values the sliders show, %s for the number
	rheobase, noFixedPoint string // the readout
	rate                   string
	phaseTitle, traceTitle string // the charts
	headless, ended        string // how it ended
	runAll, end            string
	stats                  string // Stats.String
}

var wordsIn = map[chart.Lang]words{
	chart.English: {
		current:      "current I (0–15 nA):",
		slope:        "slope factor Δ_T (0.1–4 mV):",
		done:         "Done",
		showI:        "I = %s nA",
		showDeltaT:   "Δ_T = %s mV",
		rheobase:     "I = %.2f nA, Δ_T = %.1f mV: rheobase I_rh = %.4f nA",
		noFixedPoint: "no fixed point: the current is above rheobase, the neuron fires repetitively",
		rate:         "rate under a constant I = %.3f Hz; spikes during the %d ms pulse: %d",
		phaseTitle:   "Phase line",
		traceTitle:   "%d ms from rest, I on from %d to %d ms",
		headless:     "No notebook page connected the sliders in time (a run without a browser, or a busy server): this is the starting picture",
		ended:        "The explorer has ended",
		runAll:       "Run All went on without waiting for the sliders: run this cell by itself to explore",
		end:          "%s, at I = %.2f nA and Δ_T = %.1f mV. Rerun the cell to explore.",
		stats:        "explorer: %d redraw(s); redraw time (simulation + fixed points + chart HTML): median %.2f ms, max %.2f ms",
	},
	chart.French: {
		current:      "courant I (0–15\u00a0nA)\u00a0:",
		slope:        "facteur de pente Δ_T (0,1–4\u00a0mV)\u00a0:",
		done:         "Terminer",
		showI:        "I = %s\u00a0nA",
		showDeltaT:   "Δ_T = %s\u00a0mV",
		rheobase:     "I = %.2f nA, Δ_T = %.1f mV\u00a0: courant rhéobase I_rh = %.4f nA",
		noFixedPoint: "aucun point fixe\u00a0: le courant dépasse la rhéobase, le neurone émet des PA de façon répétitive",
		rate:         "fréquence sous un courant constant I = %.3f Hz\u00a0; PA pendant l'impulsion de %d ms\u00a0: %d",
		phaseTitle:   "Portrait de phase",
		traceTitle:   "%d ms depuis le repos, I appliqué de %d à %d ms",
		headless:     "Aucune page de notebook n'a connecté les curseurs à temps (exécution sans navigateur, ou serveur chargé)\u00a0: voici l'image de départ",
		ended:        "L'explorateur est terminé",
		runAll:       "«\u00a0Exécuter tout\u00a0» a continué sans attendre les curseurs\u00a0: exécutez cette cellule seule pour explorer",
		end:          "%s, à I = %.2f nA et Δ_T = %.1f mV. Relancez la cellule pour explorer.",
		stats:        "explorateur\u00a0: %d retracé(s)\u00a0; durée d'un retracé (simulation + points fixes + HTML des graphiques)\u00a0: médiane %.2f ms, max %.2f ms",
	},
}

// wordsOf returns the words of the language l (English for one it does not know).
func wordsOf(l chart.Lang) words { return wordsIn[l.Resolve()] }
