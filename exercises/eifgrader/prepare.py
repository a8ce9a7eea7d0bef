"""Before autograding: close the course folder, and set aside unreadable notebooks.

    python -m eifgrader.prepare COURSE ASSIGNMENT...

`make grade` runs it as the teacher (root on the class server), before
nbgrader autograde:

1. The course folder is closed to every other account, the autograder's
   included, which runs the students' code: the folder and autograded/ can
   only be entered (0711), source/, release/, submitted/, feedback/ and every
   student's autograded/STUDENT/ are the teacher's only (0700), the gradebook
   0600. While a notebook is graded, the grader's kernel opens
   autograded/STUDENT/ of that one student (grader-kernel.sh), so the code of
   one student can read neither the solutions nor the other students' work.

2. A submitted notebook that is not a notebook (not JSON, or not nbformat 4)
   cannot be graded; nbgrader would stop there, for everyone. It is renamed
   NAME.ipynb.unreadable (kept as it is) and replaced by the released version
   with a note first that says why: that student gets 0 for the tests, a
   clear feedback, and the others are graded as usual.
"""

import glob
import os
import sys

import nbformat
from nbformat.v4 import new_markdown_cell

from .seal import language

PRIVATE, ENTER = 0o700, 0o711

NOTE = {
    "en": "**Note from the grader.** The notebook you submitted could not be read ({error}), so it could not be "
          "graded: this is the notebook as it was released, graded in its place (0 points for the tests). Your file "
          "is kept, unchanged, as `{kept}`: ask your teacher.",
    "fr": "**Note de la correction.** Le notebook que vous avez rendu n'a pas pu être lu ({error}) et n'a donc pas "
          "pu être noté : voici le notebook tel que distribué, noté à sa place (0 point pour les tests). Votre fichier "
          "est conservé tel quel sous le nom `{kept}` : adressez-vous à votre enseignant.",
}


def close(course):
    os.chmod(course, ENTER)
    for name in ("source", "release", "submitted", "feedback"):
        if os.path.isdir(os.path.join(course, name)):
            os.chmod(os.path.join(course, name), PRIVATE)
    autograded = os.path.join(course, "autograded")
    os.makedirs(autograded, exist_ok=True)
    os.chmod(autograded, ENTER)
    for student in glob.glob(os.path.join(autograded, "*")):
        os.chmod(student, PRIVATE)
    for f in ("gradebook.db", ".nbgrader.log"):
        if os.path.exists(os.path.join(course, f)):
            os.chmod(os.path.join(course, f), 0o600)


def set_aside_unreadable(course, assignment):
    released = {os.path.basename(p): p for p in glob.glob(os.path.join(course, "release", assignment, "*.ipynb"))}
    for path in sorted(glob.glob(os.path.join(course, "submitted", "*", assignment, "*.ipynb"))):
        try:
            nb = nbformat.read(path, as_version=4)
            nbformat.validate(nb)
            continue
        except Exception as e:  # noqa: BLE001 (whatever is wrong, the file is not a notebook)
            error = f"{type(e).__name__}: {str(e).splitlines()[0][:200] if str(e) else ''}"
        name = os.path.basename(path)
        if name not in released:
            print(f"eifgrader: {path} is unreadable ({error}) and is no notebook of {assignment}: left as it is",
                  file=sys.stderr)
            continue
        kept = name + ".unreadable"
        os.replace(path, path[: -len(name)] + kept)
        nb = nbformat.read(released[name], as_version=4)
        nb.cells.insert(0, new_markdown_cell(NOTE[language(nb)].format(error=error, kept=kept)))
        nbformat.write(nb, path)
        student = path.split(os.sep)[-3]
        print(f"eifgrader: {student}/{assignment}/{name} is unreadable ({error}): kept as {kept}, "
              f"graded as the released notebook with a note", file=sys.stderr)


def main(args):
    if len(args) < 1:
        sys.exit("usage: python -m eifgrader.prepare COURSE ASSIGNMENT...")
    course = args[0]
    for assignment in args[1:]:
        set_aside_unreadable(course, assignment)
    close(course)


if __name__ == "__main__":
    main(sys.argv[1:])
