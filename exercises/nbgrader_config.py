# nbgrader configuration of the EIF exercises, the teacher's side (the course
# folder is this one; the students' servers have their own, in the image:
# deploy/image/nbgrader_config.py). See docs/exercises.md for the teacher's
# workflow: make assignments, release, collect, grade, feedback.
import os
import sys

c = get_config()  # noqa: F821 (provided by nbgrader)

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)  # the course's additions to nbgrader: exercises/eifgrader
c.CourseDirectory.root = here
c.CourseDirectory.course_id = os.environ.get("EIF_COURSE_ID", "eif")
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(here, "gradebook.db")

# The Go stub: nbgrader picks it by the notebook's kernelspec language, "go",
# which has no default. panic keeps the stub compiling whatever the function
# returns; the test cells then fail with "no answer given".
c.ClearSolutions.code_stub = {"go": '// YOUR CODE HERE\npanic("no answer given")'}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# Timeouts. A cell's timeout counts from its start: the setup cell builds eif,
# gonum and go-echarts, 25-55 s with a cold Go build cache (2 cores), so it
# gets EIF_SETUP_TIMEOUT (default 300 s). Every other cell, a student's code
# included, gets EIF_CELL_TIMEOUT (default 60 s): an endless loop is cut there,
# the kernel is interrupted (it survives) and grading goes on with the next
# cell. Both are read when a cell starts, so `make grade` can set them.
def cell_timeout(cell):
    if "grade_id" in cell.metadata.get("nbgrader", {}) and cell.metadata.nbgrader.grade_id == "setup":
        return int(os.environ.get("EIF_SETUP_TIMEOUT", "300"))
    return int(os.environ.get("EIF_CELL_TIMEOUT", "60"))


c.Execute.timeout_func = cell_timeout
c.Execute.timeout = 60
c.Execute.interrupt_on_timeout = True

# A test cell earns its points only if it ran to its end (eifgrader/seal.py):
# SealTests before nbgrader's Execute, VerifySeals right after it.
from eifgrader.seal import SealTests, VerifySeals  # noqa: E402
from nbgrader.converters import Autograde  # noqa: E402
from nbgrader.preprocessors import Execute  # noqa: E402

steps = list(Autograde.class_traits()["autograde_preprocessors"].make_dynamic_default())
at = steps.index(Execute)
c.Autograde.autograde_preprocessors = steps[:at] + [SealTests, Execute, VerifySeals] + steps[at + 1:]

# A changed locked cell is put back, a deleted graded cell added back, and the
# student's graded notebook says so in a note (eifgrader/cells.py).
from eifgrader.cells import OverwriteCells  # noqa: E402
from nbgrader.preprocessors import OverwriteCells as NbgraderOverwriteCells  # noqa: E402

steps = list(Autograde.class_traits()["sanitize_preprocessors"].make_dynamic_default())
c.Autograde.sanitize_preprocessors = [OverwriteCells if s is NbgraderOverwriteCells else s for s in steps]

# Autograding runs student code. When EIF_GRADER_KERNEL names a kernel (make
# grade sets "gonb-grader" with GRADER_USER=...), the notebooks run on it: the
# GoNB kernel started as that unprivileged user (exercises/grader-kernel.sh).
if os.environ.get("EIF_GRADER_KERNEL"):
    c.Execute.kernel_name = os.environ["EIF_GRADER_KERNEL"]

# The exchange through which the hub's students fetch and submit: the folder
# of the hub's EIF_NBGRADER_EXCHANGE (`make release EXCHANGE=...` passes it;
# NBGRADER_EXCHANGE for nbgrader run by hand). Each student's server mounts
# only its own submissions and feedback: the teacher's side collects from,
# and releases feedback into, one folder per student (eifgrader/exchange.py).
c.Exchange.root = os.environ.get("NBGRADER_EXCHANGE", "/srv/nbgrader/exchange")
c.ExchangeFactory.release_assignment = "eifgrader.exchange.ReleaseAssignment"
c.ExchangeFactory.collect = "eifgrader.exchange.Collect"
c.ExchangeFactory.release_feedback = "eifgrader.exchange.ReleaseFeedback"
