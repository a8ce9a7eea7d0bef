"""A student's Assignment List for TestAssignments: one process per student
plays what JupyterLab's Assignment List does in their server, with
nbgrader's own AssignmentList (its server extension's code) and the
students' configuration of the image (deploy/image/nbgrader_config.py, in
the home). Started in the student's home, with their server's environment;
reads one command a line on stdin:

    fetch NAME | submit NAME | feedback NAME      (fetch_feedback)
    submit NAME as STUDENT                        (nbgrader submit --student=STUDENT)

and answers each with one JSON line: {"success": bool, "value": ...}. One
Python process per student instead of one nbgrader per command: each
nbgrader start costs about 2.5 s of CPU.
"""

import json
import os
import sys

from nbgrader.server_extensions.assignment_list.handlers import AssignmentList


class StudentList(AssignmentList):
    student = None  # a name other than the server's (a forged submission)

    def load_config(self):
        config = super().load_config()
        if self.student:
            config.CourseDirectory.student_id = self.student
        return config


def main():
    lst = StudentList()
    lst.root_dir = os.getcwd()
    course = os.environ.get("EIF_COURSE_ID") or "eif"
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        verb, name = words[0], words[1]
        lst.student = words[3] if len(words) == 4 and words[2] == "as" else None
        do = {"fetch": lst.fetch_assignment, "submit": lst.submit_assignment, "feedback": lst.fetch_feedback}[verb]
        out = do(course, name)
        print(json.dumps(out, default=str), flush=True)


if __name__ == "__main__":
    main()
