"""A test cell earns its points only if it ran to its end.

nbgrader gives a graded code cell its points when its output has no error and
nothing on stderr. A Go program that stops early and cleanly, an os.Exit(0) in
the student's answer for instance, has neither, and would pass. So, in
autograding only:

- SealTests, before nbgrader's Execute, turns the last line of every graded
  test cell, check.Passed("Ex. 1"), into check.Sealed("Ex. 1", SEAL), with a
  seal drawn at random for this run (exercises/check: Sealed prints Passed's
  line followed by " (seal SEAL)").
- VerifySeals, right after Execute, wants that sealed line in the cell's
  stdout. Without it, the cell gets an error output that says why (so the
  cell scores 0 and the student's feedback tells them); with it, the seal is
  taken out of the output. Either way the cell's source is put back as it was.

The student's code cannot print the sealed line itself: the seal is drawn
when grading starts, and is not in the notebook the student ran.
"""

import re
import secrets

from nbformat.v4 import new_output
from nbgrader import utils
from nbgrader.preprocessors import NbGraderPreprocessor

# The test cell's last line; the argument is the part's label, a Go string.
PASSED = re.compile(r'^(?P<indent>[ \t]*)check\.Passed\((?P<part>"[^"\n]*")\)[ \t]*$')
KEY = "eif_seal"  # cell metadata, between the two preprocessors only

MESSAGES = {
    "missing": {
        "en": "This test cell has no check.Passed line at its end: the assignment is broken (tell your teacher).",
        "fr": "Cette cellule de test ne finit pas par check.Passed : le devoir est à corriger (prévenez votre enseignant).",
    },
    "unfinished": {
        "en": "The test did not run to its end: its last line, check.Passed, never ran. The program stopped early "
        "(an os.Exit, a return from main, ...) without an error, so the checks after that point were not made. No points.",
        "fr": "Le test ne s'est pas déroulé jusqu'au bout : sa dernière ligne, check.Passed, n'a pas été exécutée. "
        "Le programme s'est arrêté avant (un os.Exit, un return dans main…) sans erreur : les vérifications suivantes "
        "n'ont pas été faites. Aucun point.",
    },
}


def language(nb):
    """The notebook's language: "fr" when its setup cell sets EIF_LANG fr."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            return "fr" if re.search(r"(?m)^\s*%env\s+EIF_LANG\s+fr\s*$", cell.source) else "en"
    return "en"


def is_test(cell):
    return cell.cell_type == "code" and utils.is_grade(cell) and not utils.is_solution(cell)


def last_line(source):
    """The index of the last line that is not blank, and the lines."""
    lines = source.split("\n")
    i = len(lines) - 1
    while i >= 0 and not lines[i].strip():
        i -= 1
    return i, lines


def error_output(ename, text):
    return new_output("error", ename=ename, evalue=text, traceback=[f"{ename}: {text}"])


class SealTests(NbGraderPreprocessor):
    """Seal the last line of every graded test cell (before Execute)."""

    def preprocess_cell(self, cell, resources, index):
        if not is_test(cell):
            return cell, resources
        i, lines = last_line(cell.source)
        m = PASSED.match(lines[i]) if i >= 0 else None
        if not m:
            cell.metadata[KEY] = {"missing": True}
            return cell, resources
        seal = secrets.token_hex(12)
        cell.metadata[KEY] = {"seal": seal, "source": cell.source}
        lines[i] = f'{m["indent"]}check.Sealed({m["part"]}, "{seal}")'
        cell.source = "\n".join(lines)
        return cell, resources


class VerifySeals(NbGraderPreprocessor):
    """Want the sealed line of every sealed cell; unseal (after Execute)."""

    def preprocess(self, nb, resources):
        self.lang = language(nb)
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        info = cell.metadata.pop(KEY, None)
        if info is None:
            return cell, resources
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "?")
        if info.get("missing"):
            self.log.error("cell %s: no check.Passed line at its end: the assignment is broken", grade_id)
            cell.outputs.append(error_output("BrokenTest", MESSAGES["missing"][self.lang]))
            return cell, resources
        cell.source = info["source"]
        suffix = re.compile(r" \(seal " + re.escape(info["seal"]) + r"\)(?=\n|$)")
        # The line may come in more than one stream message: look in the
        # whole stdout, kept in its first output.
        outs = [o for o in cell.get("outputs", []) if o.output_type == "stream" and o.name == "stdout"]
        text, n = suffix.subn("", "".join(o.text for o in outs))
        found = n > 0
        if found:
            outs[0].text = text
            cell.outputs = [o for o in cell.outputs if o is outs[0] or not any(o is x for x in outs)]
        if not found:
            failed = any(o.output_type == "error" or o.output_type == "stream" and o.name == "stderr" for o in cell.outputs)
            if not failed:  # an error already costs the points, and says why
                self.log.warning("cell %s: the test did not run to its end (no sealed line): 0 points", grade_id)
                cell.outputs.append(error_output("Unfinished", MESSAGES["unfinished"][self.lang]))
        return cell, resources
