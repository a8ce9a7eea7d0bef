"""A submission whose locked or graded cells were changed is graded, with a note.

nbgrader's OverwriteCells puts back, from the gradebook, a locked cell that the
student changed, and (with add_missing_cells) a graded cell that the student
deleted; it only logs it, for the teacher. OverwriteCells here does the same,
then tells the student: a Markdown note first in the graded notebook, which
the feedback shows, says which cells were put back and why. It also writes the
note of a restored Go cell as a Go comment (nbgrader writes "# ", which would
not compile), and names an answer cell that is missing (nbgrader cannot put it
back: the student's answer is gone, and that part's test fails).
"""

from nbformat.v4 import new_markdown_cell
from nbgrader import utils
from nbgrader.preprocessors import OverwriteCells as NbgraderOverwriteCells
from traitlets import Bool

from .seal import language

NOTE = {
    "en": {
        "title": "**Note from the grader.** Your notebook was graded after these repairs; "
                 "nothing else of your work was changed.",
        "changed": "the locked cell `{id}` had been changed: it was put back as released",
        "added": "the graded cell `{id}` ({points:g} points) was missing: it was added back",
        "answer": "the answer cell `{id}` was missing: the test that uses it cannot find your code",
        "restored": "// This cell ({id}) was missing from your notebook: the grader added it back.\n\n",
    },
    "fr": {
        "title": "**Note de la correction.** Votre notebook a été noté après ces réparations ; "
                 "rien d'autre de votre travail n'a été modifié.",
        "changed": "la cellule verrouillée `{id}` avait été modifiée : elle a été remise telle que distribuée",
        "added": "la cellule notée `{id}` ({points:g} points) manquait : elle a été rajoutée",
        "answer": "la cellule de réponse `{id}` manquait : le test qui s'en sert ne trouve pas votre code",
        "restored": "// Cette cellule ({id}) manquait dans votre notebook : la correction l'a rajoutée.\n\n",
    },
}


class OverwriteCells(NbgraderOverwriteCells):
    add_missing_cells = Bool(True).tag(config=True)

    def preprocess(self, nb, resources):
        self.lang = language(nb)
        before = {c.metadata.nbgrader["grade_id"] for c in nb.cells if "grade_id" in c.metadata.get("nbgrader", {})}
        # A locked cell the student changed: its checksum is no longer the one it was
        # released with. (nbgrader also puts back every test cell with hidden tests, whose
        # source is not the released one: that is no change of the student's.)
        changed = [c.metadata.nbgrader["grade_id"] for c in nb.cells
                   if utils.is_locked(c) and "grade_id" in c.metadata.nbgrader
                   and c.metadata.nbgrader.get("checksum") not in (None, utils.compute_checksum(c))]
        nb, resources = super().preprocess(nb, resources)
        words = NOTE[self.lang]
        items = [words["changed"].format(id=i) for i in changed]
        with self.gradebook:
            source = self.gradebook.find_notebook(self.notebook_id, self.assignment_id)
            points = {c.name: c.max_score for c in source.grade_cells}
            answers = [c.name for c in source.solution_cells if c.name not in points]
        for c in nb.cells:
            gid = c.metadata.get("nbgrader", {}).get("grade_id")
            if gid in points and gid not in before:
                items.append(words["added"].format(id=gid, points=points[gid]))
        items += [words["answer"].format(id=a) for a in answers if a not in before]
        if items:
            self.log.warning("%s: %s", resources["nbgrader"]["student"], "; ".join(items))
            nb.cells.insert(0, new_markdown_cell("\n".join([words["title"], ""] + [f"- {i}." for i in items])))
        return nb, resources

    def missing_cell_transform(self, source_cell, max_score, is_solution=False, is_task=False):
        cell = super().missing_cell_transform(source_cell, max_score, is_solution=is_solution, is_task=is_task)
        if cell["cell_type"] == "code":  # nbgrader's note is a Python comment; this is Go
            cell["source"] = NOTE[self.lang]["restored"].format(id=source_cell.name) + source_cell.source
        return cell
