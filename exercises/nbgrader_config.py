# nbgrader configuration of the EIF exercises (the course folder is this one).
# See docs/exercises.md for the teacher's workflow: make assignments, release,
# collect, make grade.
import os

c = get_config()  # noqa: F821 (provided by nbgrader)

here = os.path.dirname(os.path.abspath(__file__))
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

# Autograding runs student code. When EIF_GRADER_KERNEL names a kernel (make
# grade sets "gonb-grader" with GRADER_USER=...), the notebooks run on it: the
# GoNB kernel started as that unprivileged user (exercises/grader-kernel.sh).
if os.environ.get("EIF_GRADER_KERNEL"):
    c.Execute.kernel_name = os.environ["EIF_GRADER_KERNEL"]

# The exchange through which a hub's users fetch and submit (nbgrader's
# default folder, or NBGRADER_EXCHANGE). See docs/exercises.md.
c.Exchange.root = os.environ.get("NBGRADER_EXCHANGE", "/srv/nbgrader/exchange")
