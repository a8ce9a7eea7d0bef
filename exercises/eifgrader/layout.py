"""The exchange's folders on the server, and what each student's server mounts.

The class hub (deploy/hub/jupyterhub_config.py) calls student_mounts before it
starts a student's server; tests call it too, as

    python -m eifgrader.layout EXCHANGE COURSE STUDENT [UID]

which prints the mounts as JSON. It needs nothing but Python (the hub's own
environment has no nbgrader). See exchange.py for why the exchange is laid out
this way:

    EXCHANGE/                       0700, the teacher's (root's)
      COURSE/                       0700
        class-lang                  en or fr: the class's language (EIF_CLASS_LANG), for make release
        outbound/                   0755, mounted read-only in every server
        inbound/                    0700
          STUDENT/                  0700, owned by the server's uid, mounted read-write in STUDENT's server
        feedback/                   0700
          STUDENT/                  0755, mounted read-only in STUDENT's server
"""

import json
import os
import sys

CONTAINER_ROOT = "/srv/nbgrader/exchange"


def _folder(path, mode, uid=None, gid=None):
    os.makedirs(path, exist_ok=True)
    os.chmod(path, mode)
    if uid is not None and os.geteuid() == 0:
        os.chown(path, uid, gid)


def student_mounts(exchange, course, student, uid=1000, gid=1000, inside=CONTAINER_ROOT):
    """Make the folders of the exchange and of one student, and return the
    mounts of the student's server: {host path: (path in the container, "ro" or "rw")}."""
    if not student or "/" in student or student.startswith(".") or "+" in student:
        raise ValueError(f"{student!r} cannot name a folder of the exchange")
    base = os.path.join(os.path.abspath(exchange), course)
    _folder(os.path.abspath(exchange), 0o700)
    _folder(base, 0o700)
    _folder(os.path.join(base, "outbound"), 0o755)
    _folder(os.path.join(base, "inbound"), 0o700)
    _folder(os.path.join(base, "feedback"), 0o700)
    _folder(os.path.join(base, "inbound", student), 0o700, uid, gid)
    _folder(os.path.join(base, "feedback", student), 0o755)
    into = f"{inside}/{course}"
    return {
        os.path.join(base, "outbound"): (f"{into}/outbound", "ro"),
        os.path.join(base, "inbound", student): (f"{into}/inbound", "rw"),
        os.path.join(base, "feedback", student): (f"{into}/feedback", "ro"),
    }


def write_class_lang(exchange, course, lang):
    """Record the class's language, which make release reads."""
    base = os.path.join(os.path.abspath(exchange), course)
    _folder(os.path.abspath(exchange), 0o700)
    _folder(base, 0o700)
    with open(os.path.join(base, "class-lang"), "w") as f:
        f.write(lang + "\n")


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        sys.exit("usage: python -m eifgrader.layout EXCHANGE COURSE STUDENT [UID]")
    uid = int(sys.argv[4]) if len(sys.argv) == 5 else 1000
    print(json.dumps(student_mounts(sys.argv[1], sys.argv[2], sys.argv[3], uid, uid)))
