# nbgrader for the students, in the image (/opt/eif/venv/etc/jupyter/, read
# by the Assignment List of JupyterLab and by the nbgrader command). The hub
# (deploy/hub/jupyterhub_config.py) starts each student's server with:
#
#   EIF_NBGRADER_EXCHANGE  where the exchange is mounted (/srv/nbgrader/exchange):
#                          the released assignments, and the student's own
#                          submissions and feedback only (exercises/eifgrader/exchange.py)
#   EIF_COURSE_ID          the course (eif)
#   JUPYTERHUB_USER        the student, whose name their submissions carry
#
# The teacher's side is exercises/nbgrader_config.py; docs/exercises.md tells
# the whole loop.
import os
import sys

c = get_config()  # noqa: F821 (provided by nbgrader)

# The course's additions to nbgrader (the messages of the Student* classes).
sys.path.insert(0, os.path.join(os.environ.get("EIF_REPO", "/opt/eif/eif-notebooks"), "exercises"))

c.CourseDirectory.course_id = os.environ.get("EIF_COURSE_ID") or "eif"
c.Exchange.root = os.environ.get("EIF_NBGRADER_EXCHANGE") or "/srv/nbgrader/exchange"
if os.environ.get("JUPYTERHUB_USER"):
    c.CourseDirectory.student_id = os.environ["JUPYTERHUB_USER"]
# Assignments are fetched into the home: ~/part-a/part-a.ipynb, next to its go.mod.
c.Exchange.assignment_dir = os.environ.get("HOME", ".")
c.ExchangeFactory.fetch_assignment = "eifgrader.exchange.StudentFetchAssignment"
c.ExchangeFactory.submit = "eifgrader.exchange.StudentSubmit"
c.ExchangeFactory.list = "eifgrader.exchange.StudentList"
c.ExchangeFactory.fetch_feedback = "eifgrader.exchange.StudentFetchFeedback"
