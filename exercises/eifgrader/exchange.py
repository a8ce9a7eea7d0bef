"""nbgrader's exchange, sealed per student by what each server mounts.

nbgrader's default exchange is one shared folder: every student's server
mounts all of it, and file modes keep the students apart, which they cannot
when every container runs as the same uid (1000). The class hub
(deploy/hub/jupyterhub_config.py) keeps the same layout on the server,

    EXCHANGE/COURSE/outbound/ASSIGNMENT/     released assignments
    EXCHANGE/COURSE/inbound/STUDENT/         STUDENT's submissions, one folder each
    EXCHANGE/COURSE/feedback/STUDENT/        STUDENT's feedback, one folder each

and mounts in each student's container, at nbgrader's usual places, only

    /srv/nbgrader/exchange/COURSE/outbound   read-only
    /srv/nbgrader/exchange/COURSE/inbound    <- inbound/STUDENT, read-write
    /srv/nbgrader/exchange/COURSE/feedback   <- feedback/STUDENT, read-only

so another student's submissions and feedback are not in the container at all:
nothing to list, read or change, whatever the uid. The students' nbgrader is
unchanged but for clearer messages (the Student* classes, loaded by the
image's nbgrader_config.py, deploy/image/). The teacher's side needs three
changes, loaded by exercises/nbgrader_config.py:

- ReleaseAssignment never makes the exchange's root world-writable (nbgrader
  would chmod it 0777; here the root stays 0700, so that no account on the
  server, the autograder's included, can read the submissions);
- Collect collects from inbound/STUDENT/, and only what STUDENT's server put
  there: a submission in one student's folder that claims to be another's is
  skipped with a warning (the folder tells who submitted it, so nbgrader's
  owner check, which compares uids with user names, is not needed);
- ReleaseFeedback writes each student's feedback into feedback/STUDENT/.
"""

import glob
import os
from collections import defaultdict
from stat import S_IRGRP, S_IROTH, S_IRUSR, S_IWUSR, S_IXGRP, S_IXOTH, S_IXUSR

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.exchange.default import (
    ExchangeCollect,
    ExchangeFetchAssignment,
    ExchangeFetchFeedback,
    ExchangeList,
    ExchangeReleaseAssignment,
    ExchangeReleaseFeedback,
    ExchangeSubmit,
)
from traitlets import Bool

HUB_SETTING = "EIF_NBGRADER_EXCHANGE"
DOCS = "docs/exercises.md"


class ReleaseAssignment(ExchangeReleaseAssignment):
    def ensure_root(self):
        if not os.path.isdir(self.root):
            self.fail(
                f"the exchange {self.root} does not exist. It is the folder the hub mounts in the students' "
                f"servers ({HUB_SETTING}; the hub creates it when it starts): give make the same folder, "
                f"make release EXCHANGE=... (or NBGRADER_EXCHANGE=...), see {DOCS}"
            )


class Collect(ExchangeCollect):
    # The owner of a submission is the folder it is in (see the module's doc).
    check_owner = Bool(False).tag(config=True)

    def init_src(self):
        course = self.coursedir.course_id
        if not course:
            self.fail("no course id: set EIF_COURSE_ID, or CourseDirectory.course_id in nbgrader_config.py")
        self.course_path = os.path.join(self.root, course)
        self.inbound_path = os.path.join(self.course_path, "inbound")
        if not os.path.isdir(self.inbound_path):
            self.fail(
                f"no submissions folder {self.inbound_path}: is EXCHANGE the folder the hub mounts "
                f"({HUB_SETTING})? The hub makes one folder per student there when their server starts."
            )
        assignment = self.coursedir.assignment_id
        records = []
        for folder in sorted(glob.glob(os.path.join(self.inbound_path, self.coursedir.student_id or "*"))):
            if not os.path.isdir(folder):
                continue
            owner = os.path.basename(folder)
            for path in glob.glob(os.path.join(folder, f"*+{assignment}+*")):
                rec = self._path_to_record(path)
                if rec["username"] != owner:
                    self.log.warning(
                        "skipped %s: it is in %s's submission folder but claims to be %s's "
                        "(submitted with --student?); %s's own submissions are collected",
                        path, owner, rec["username"], owner,
                    )
                    continue
                rec["filename"] = os.path.join(owner, rec["filename"])
                records.append(rec)
        with Gradebook(self.coursedir.db_url, course) as gb:
            try:
                self.duedate = gb.find_assignment(assignment).duedate
            except MissingEntry:
                self.duedate = None
        by_student = defaultdict(list)
        for rec in records:
            by_student[rec["username"]].append(rec)
        self.src_records = []
        for recs in by_student.values():
            recs.sort(key=lambda r: r["timestamp"], reverse=True)  # the latest first
            if self.before_duedate and self.duedate is not None:
                on_time = [r for r in recs if r["timestamp"] <= self.duedate]
                recs = on_time or recs
            self.src_records.append(recs[0])


class ReleaseFeedback(ExchangeReleaseFeedback):
    def copy_files(self):
        feedback = self.dest_path
        students = sorted({
            os.path.basename(os.path.dirname(p))
            for p in glob.glob(self.coursedir.format_path(
                self.coursedir.feedback_directory, self.coursedir.student_id or "*", self.coursedir.assignment_id))
        })
        wanted = self.coursedir.student_id
        try:
            for student in students:
                self.coursedir.student_id = student
                self.init_src()
                self.dest_path = os.path.join(feedback, student)
                if not os.path.isdir(self.dest_path):
                    os.makedirs(self.dest_path)
                    os.chmod(self.dest_path, S_IRUSR | S_IWUSR | S_IXUSR | S_IRGRP | S_IXGRP | S_IROTH | S_IXOTH)
                super().copy_files()
        finally:
            self.coursedir.student_id = wanted
            self.dest_path = feedback


# ---- the students' side: the same nbgrader, with messages that say what to do


class _StudentMessages:
    def ensure_root(self):
        # The root itself need not be writable here: only the student's inbound folder is.
        if not os.path.isdir(self.root):
            self.fail(
                f"this server has no nbgrader exchange ({self.root} is missing): it was not started by the "
                f"class hub, or the hub runs without {HUB_SETTING}. Tell your teacher ({DOCS})."
            )

    def course_folder(self, what):
        path = os.path.join(self.root, self.coursedir.course_id, what)
        if not os.path.isdir(path):
            self.fail(
                f"no {what} folder for the course '{self.coursedir.course_id}' in the exchange ({path}). "
                f"The hub mounts it when it knows the course (EIF_COURSE_ID) and the exchange ({HUB_SETTING}); "
                f"tell your teacher, then restart your server (File > Hub Control Panel > Stop My Server)."
            )
        return path


class StudentFetchAssignment(_StudentMessages, ExchangeFetchAssignment):
    def init_src(self):
        outbound = self.course_folder("outbound")
        name = self.coursedir.assignment_id
        if not os.path.isdir(os.path.join(outbound, name)):
            released = sorted(os.listdir(outbound))
            self.fail(
                f"'{name}' has not been released to the course '{self.coursedir.course_id}'. "
                f"Released: {', '.join(released) or 'nothing yet'}. The teacher releases it with "
                f"make release ASSIGNMENTS={name} ({DOCS})."
            )
        super().init_src()

    def init_dest(self):
        root = os.path.join(self.coursedir.course_id, self.coursedir.assignment_id) if self.path_includes_course \
            else self.coursedir.assignment_id
        dest = os.path.abspath(os.path.join(self.assignment_dir, root))
        if os.path.isdir(dest) and not self.replace_missing_files:
            self.fail(
                f"you already have {dest}: your work is there. To fetch a fresh copy, rename that folder "
                f"first (your answers stay in the renamed folder)."
            )
        super().init_dest()


class StudentSubmit(_StudentMessages, ExchangeSubmit):
    def init_dest(self):
        self.course_folder("inbound")
        super().init_dest()


class StudentList(_StudentMessages, ExchangeList):
    pass


class StudentFetchFeedback(_StudentMessages, ExchangeFetchFeedback):
    def init_src(self):
        self.course_folder("feedback")
        super().init_src()
