"""The grade tables that `make grade` writes (nbgrader export plugins).

    nbgrader export --exporter=eifgrader.export.Grades --to grades.csv
    nbgrader export --exporter=eifgrader.export.Parts --to grades-by-part.csv

Both list only the assignments released to the students: those in the
exchange's outbound folder (Exchange.root, the folder the hub mounts). The
gradebook knows every assignment `make assignments` generated, in both
languages; a student never received most of them, and nbgrader's own table
would give them 0 for each. Without an exchange (grading submissions copied
by hand), the assignments that someone submitted count as released.

grades.csv: one row per student and released assignment: assignment,
duedate, timestamp, seconds_late (0 when on time or without a due date),
student_id, raw_score, late_submission_penalty, score, max_score. A student
who submitted nothing gets 0 and an empty timestamp.

grades-by-part.csv: one row per student, released assignment and graded
cell: assignment, student_id, part (the cell's grade_id), score, max_score,
needs_manual_grade. A part graded by hand that the teacher has not graded yet
has an empty score and needs_manual_grade = true.
"""

import csv
import os

from nbgrader.api import MissingEntry
from nbgrader.plugins import ExportPlugin


def released(plugin, gradebook):
    """The released assignments of the gradebook, in its order."""
    root = plugin.config.Exchange.get("root", "")
    course = plugin.config.CourseDirectory.get("course_id", "")
    outbound = os.path.join(root, course, "outbound")
    if root and os.path.isdir(outbound):
        out = set(os.listdir(outbound))
        return [a for a in gradebook.assignments if a.name in out]
    plugin.log.warning("no exchange at %s: listing the assignments that were submitted", outbound)
    return [a for a in gradebook.assignments if a.submissions]


def submission(gradebook, assignment, student):
    try:
        return gradebook.find_submission(assignment.name, student.id)
    except MissingEntry:
        return None


class Grades(ExportPlugin):
    """One row per student and released assignment."""

    def export(self, gradebook):
        dest = self.to or "grades.csv"
        with open(dest, "w", newline="") as fh:
            out = csv.writer(fh)
            out.writerow(["assignment", "duedate", "timestamp", "seconds_late", "student_id",
                          "raw_score", "late_submission_penalty", "score", "max_score"])
            for a in released(self, gradebook):
                for s in gradebook.students:
                    sub = submission(gradebook, a, s)
                    if sub is None:
                        row = ["", 0.0, 0.0, 0.0, 0.0]
                    else:
                        penalty = sub.late_submission_penalty or 0.0
                        row = [sub.timestamp or "", sub.total_seconds_late or 0.0, sub.score, penalty,
                               max(0.0, sub.score - penalty)]
                    out.writerow([a.name, a.duedate or "", row[0], row[1], s.id, row[2], row[3], row[4], a.max_score])
        self.log.info("grades of %s written to %s", ", ".join(a.name for a in released(self, gradebook)), dest)


class Parts(ExportPlugin):
    """One row per student, released assignment and graded cell."""

    def export(self, gradebook):
        dest = self.to or "grades-by-part.csv"
        with open(dest, "w", newline="") as fh:
            out = csv.writer(fh)
            out.writerow(["assignment", "student_id", "part", "score", "max_score", "needs_manual_grade"])
            for a in released(self, gradebook):
                for s in gradebook.students:
                    sub = submission(gradebook, a, s)
                    if sub is None:
                        continue
                    for nb in sub.notebooks:
                        for grade in sorted(nb.grades, key=lambda g: g.name):
                            score = "" if grade.needs_manual_grade else grade.score
                            out.writerow([a.name, s.id, grade.name, score, grade.max_score,
                                          str(grade.needs_manual_grade).lower()])
