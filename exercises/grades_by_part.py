"""nbgrader export plugin: one CSV row per student, assignment and graded part.

`make grade` runs it after nbgrader's own export (grades.csv, one row per
student and assignment):

    nbgrader export --exporter=grades_by_part.PartsExportPlugin --to grades-by-part.csv

Columns: assignment, student_id, part (the grade_id of the graded cell),
score, max_score, needs_manual_grade. A part graded by hand that the teacher
has not graded yet has an empty score and needs_manual_grade = true.
"""

import csv

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.plugins import ExportPlugin


class PartsExportPlugin(ExportPlugin):
    """Export the score of every graded cell."""

    def export(self, gradebook: Gradebook) -> None:
        dest = self.to or "grades-by-part.csv"
        self.log.info("Exporting the grades by part to %s", dest)
        with open(dest, "w", newline="") as fh:
            out = csv.writer(fh)
            out.writerow(["assignment", "student_id", "part", "score", "max_score", "needs_manual_grade"])
            for assignment in gradebook.assignments:
                for student in gradebook.students:
                    try:
                        submission = gradebook.find_submission(assignment.name, student.id)
                    except MissingEntry:
                        continue
                    for notebook in submission.notebooks:
                        for grade in sorted(notebook.grades, key=lambda g: g.name):
                            score = "" if grade.needs_manual_grade else grade.score
                            out.writerow([assignment.name, student.id, grade.name, score,
                                          grade.max_score, str(grade.needs_manual_grade).lower()])
