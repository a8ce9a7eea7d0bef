#!/usr/bin/env python3
"""One simulated student of the class hub: log in, start the server, pull the
course with nbgitpuller, run a notebook through the server's kernel API.

    .venv-hub/bin/python deploy/hub/student.py --hub http://127.0.0.1:8000 \\
        --user student1 --password PW --repo /srv/course.git --out DIR

Everything goes through the real hub, proxy and single-user server, as a
browser would: the login form, the hub's REST API (a token for the student,
the server's start and its progress), nbgitpuller's /git-pull/api, the
contents API and the kernel websocket. The notebook is run --runs times, each
time in a new kernel (the first run is the "cold" one: a new server, caches
as the image seeds them; later runs are "warm"). Each executed notebook is
written to OUT/USER-runN.ipynb; the last line on stdout is a JSON summary:
the token, the spawn, pull and run times. The class test (deploytest/
class_test.go) starts many of these at once; a teacher can do the same to
load-test a server (docs/classroom.md). Exit status 1 with one message on
stderr when a step fails.

With --assignment NAME it plays a student's graded work instead, through the
server's nbgrader API as the Assignment List of JupyterLab does: list the
assignments, fetch NAME (unless it is already in the home), put in the answers
of --answers (a JSON file, {grade_id: cell source}), run the notebook in a new
kernel (setup cell first, as a student does) and save it, then, with --submit,
submit it; with --feedback, fetch the feedback and save its HTML pages in OUT.
The summary then has the assignments listed, the run's time and the outputs of
the setup and test cells (deploytest/graded_test.go).
"""

from __future__ import annotations

import argparse
import asyncio
import http.cookiejar
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect


class Failed(Exception):
    pass


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Student:
    def __init__(self, hub: str, user: str):
        self.hub = hub.rstrip("/")
        self.user = user
        self.jar = http.cookiejar.CookieJar()
        self.web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())
        self.token = ""

    def cookie(self, name: str) -> str:
        return next((c.value for c in self.jar if c.name == name), "")

    def request(self, method: str, path: str, body=None, *, token=True, stream=False, timeout=120):
        url = path if path.startswith("http") else self.hub + path
        data = None
        headers = {}
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if token and self.token:
            headers["Authorization"] = f"token {self.token}"
        req = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            resp = self.web.open(req, timeout=timeout)
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode(errors="replace")
        if stream:
            return resp.status, resp
        return resp.status, resp.read().decode(errors="replace")

    def login(self, password: str) -> None:
        status, _ = self.request("GET", "/hub/login", token=False)
        xsrf = self.cookie("_xsrf")
        form = urllib.parse.urlencode({"username": self.user, "password": password, "_xsrf": xsrf}).encode()
        req = urllib.request.Request(self.hub + "/hub/login?next=/hub/home", data=form, method="POST")
        try:
            resp = self.web.open(req, timeout=60)
            status = resp.status
        except urllib.error.HTTPError as e:
            status = e.code
        if status != 302 or not self.cookie("jupyterhub-hub-login"):
            raise Failed(f"login refused (HTTP {status})")
        # A token for the REST API, asked for with the login cookie.
        req = urllib.request.Request(
            f"{self.hub}/hub/api/users/{self.user}/tokens",
            data=json.dumps({"note": "student.py", "expires_in": 7200}).encode(),
            method="POST",
            headers={"Content-Type": "application/json", "X-XSRFToken": self.cookie("_xsrf")},
        )
        try:
            self.token = json.loads(self.web.open(req, timeout=60).read())["token"]
        except urllib.error.HTTPError as e:
            raise Failed(f"no API token (HTTP {e.code}: {e.read().decode(errors='replace')[:200]})") from e

    def events(self, path: str, timeout: float):
        """Yield the JSON events of an event stream (progress, git-pull)."""
        status, resp = self.request("GET", path, stream=True, timeout=timeout)
        if status != 200:
            raise Failed(f"GET {path}: HTTP {status}: {str(resp)[:300]}")
        for raw in resp:
            line = raw.decode(errors="replace").strip()
            if line.startswith("data:"):
                yield json.loads(line[5:])

    def spawn(self, timeout: float) -> str:
        status, body = self.request("POST", f"/hub/api/users/{self.user}/server")
        if status not in (201, 202, 400):  # 400: already running
            raise Failed(f"the server did not start: HTTP {status}: {body[:300]}")
        for ev in self.events(f"/hub/api/users/{self.user}/server/progress", timeout):
            if ev.get("failed"):
                raise Failed(f"the server failed to start: {ev.get('message')}")
            if ev.get("ready"):
                return ev["url"]
        raise Failed("the server's progress stream ended before it was ready")

    def pull(self, repo: str, branch: str, target: str) -> None:
        q = urllib.parse.urlencode({"repo": repo, "branch": branch, "targetpath": target})
        log = []
        for ev in self.events(f"/user/{self.user}/git-pull/api?{q}", 300):
            if "output" in ev:
                log.append(ev["output"])
            if ev.get("phase") == "finished":
                return
            if ev.get("phase") == "error":
                raise Failed(f"nbgitpuller failed: {ev.get('message')}: {''.join(log)[-500:]}")
        raise Failed(f"nbgitpuller's stream ended without finishing: {''.join(log)[-500:]}")

    def nbgrader(self, action: str, course: str, assignment: str) -> dict:
        """An action of the Assignment List (fetch, submit, fetch_feedback), or the list."""
        if action == "list":
            status, body = self.request("GET", f"/user/{self.user}/assignments?course_id={urllib.parse.quote(course)}")
        else:
            status, body = self.request("POST", f"/user/{self.user}/assignments/{action}",
                                        {"course_id": course, "assignment_id": assignment}, timeout=300)
        if status != 200:
            raise Failed(f"nbgrader {action}: HTTP {status}: {body[:300]}")
        reply = json.loads(body)
        if not reply.get("success", False):
            raise Failed(f"nbgrader {action} {assignment}: {str(reply.get('value'))[-600:]}")
        return reply

    def save(self, path: str, nb: dict) -> None:
        status, body = self.request("PUT", f"/user/{self.user}/api/contents/{urllib.parse.quote(path)}",
                                    {"type": "notebook", "format": "json", "content": nb})
        if status not in (200, 201):
            raise Failed(f"cannot save {path}: HTTP {status}: {body[:300]}")

    def contents(self, path: str) -> dict:
        status, body = self.request("GET", f"/user/{self.user}/api/contents/{urllib.parse.quote(path)}")
        if status != 200:
            raise Failed(f"cannot read {path} from the server: HTTP {status}")
        return json.loads(body)

    async def run_notebook(self, nb: dict, path: str, cell_timeout: float) -> tuple[dict, float]:
        """Run every code cell in a new kernel; return the notebook and the time
        from asking for the kernel (as opening the notebook does) to the last output."""
        start = time.monotonic()
        status, body = self.request(
            "POST", f"/user/{self.user}/api/sessions",
            {"path": path, "type": "notebook", "name": Path(path).name, "kernel": {"name": "gonb"}},
        )
        if status not in (200, 201):
            raise Failed(f"no kernel: HTTP {status}: {body[:300]}")
        sess = json.loads(body)
        kid = sess["kernel"]["id"]
        ws_url = self.hub.replace("http", "ws", 1) + f"/user/{self.user}/api/kernels/{kid}/channels"
        conn = await websocket_connect(
            HTTPRequest(ws_url, headers={"Authorization": f"token {self.token}"}), max_message_size=64 << 20
        )
        session = uuid.uuid4().hex
        last_output = start
        try:
            for cell in nb["cells"]:
                if cell["cell_type"] != "code":
                    continue
                src = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
                msg_id = uuid.uuid4().hex
                conn.write_message(json.dumps({
                    "header": {"msg_id": msg_id, "username": self.user, "session": session,
                               "msg_type": "execute_request", "version": "5.3"},
                    "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                    "content": {"code": src, "silent": False, "store_history": True,
                                "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
                }))
                outputs, replied, idle = [], False, False
                deadline = time.monotonic() + cell_timeout
                while not (replied and idle):
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise Failed(f"a cell gave no reply within {cell_timeout:.0f} s: {src[:60]!r}")
                    raw = await asyncio.wait_for(conn.read_message(), left)
                    if raw is None:
                        raise Failed("the kernel websocket closed")
                    msg = json.loads(raw)
                    if msg.get("parent_header", {}).get("msg_id") != msg_id:
                        continue
                    kind, content = msg["header"]["msg_type"], msg["content"]
                    if msg.get("channel") == "shell" and kind == "execute_reply":
                        replied = True
                        cell["execution_count"] = content.get("execution_count")
                    elif kind == "status":
                        idle = content.get("execution_state") == "idle"
                    elif kind == "stream":
                        outputs.append({"output_type": "stream", "name": content["name"], "text": content["text"]})
                        last_output = time.monotonic()
                    elif kind in ("display_data", "update_display_data", "execute_result"):
                        outputs.append({"output_type": "display_data", "data": content.get("data", {}),
                                        "metadata": content.get("metadata", {})})
                        last_output = time.monotonic()
                    elif kind == "error":
                        outputs.append({"output_type": "error", "ename": content.get("ename", ""),
                                        "evalue": content.get("evalue", ""), "traceback": content.get("traceback", [])})
                        last_output = time.monotonic()
                cell["outputs"] = outputs
        finally:
            conn.close()
            self.request("DELETE", f"/user/{self.user}/api/sessions/{sess['id']}")
        return nb, last_output - start


def graded(s: Student, a, out: Path, summary: dict) -> None:
    """The graded work of one student (--assignment): see the module's doc."""
    name, path = a.assignment, f"{a.assignment}/{a.assignment}.ipynb"
    listed = s.nbgrader("list", a.course, name)["value"]
    summary["listed"] = sorted({x["assignment_id"] for x in listed if x.get("status") == "released" or x.get("status") == "fetched"})
    if a.feedback:
        s.nbgrader("fetch_feedback", a.course, name)
        pages = []
        for stamp in s.contents(f"{name}/feedback")["content"]:
            for page in s.contents(stamp["path"])["content"]:
                if page["name"].endswith(".html"):
                    file = out / f"{a.user}-{name}-{stamp['name'].replace(' ', '_')}-{page['name']}"
                    file.write_text(s.contents(page["path"])["content"])
                    pages.append(str(file))
        summary["feedback"] = pages
        return
    status, _ = s.request("GET", f"/user/{s.user}/api/contents/{urllib.parse.quote(name)}")
    if status == 404:
        t = time.monotonic()
        s.nbgrader("fetch", a.course, name)
        summary["fetch_s"] = time.monotonic() - t
    nb = s.contents(path)["content"]
    if a.answers:
        answers = json.loads(Path(a.answers).read_text())
        for cell in nb["cells"]:
            gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
            if gid in answers:
                cell["source"] = answers[gid]
    began = time.time()
    nb, took = asyncio.run(s.run_notebook(nb, path, a.cell_timeout))
    s.save(path, nb)
    file = out / f"{a.user}-{name}.ipynb"
    file.write_text(json.dumps(nb))
    summary["runs"] = [{"to_last_output_s": took, "notebook": str(file), "start_epoch": began, "end_epoch": time.time()}]
    if a.submit:
        t = time.monotonic()
        s.nbgrader("submit", a.course, name)
        summary["submit_s"] = time.monotonic() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--hub", required=True)
    ap.add_argument("--user", required=True)
    ap.add_argument("--password", required=True)
    ap.add_argument("--repo", default="/srv/course.git", help="the course's git URL, as in the nbgitpuller link")
    ap.add_argument("--branch", default="main")
    ap.add_argument("--target", default="eif-notebooks")
    ap.add_argument("--notebook", default="notebooks/02-part-b-current.ipynb", help="inside the course")
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--out", required=True)
    ap.add_argument("--cell-timeout", type=float, default=300)
    ap.add_argument("--assignment", help="graded work: the assignment to fetch, answer and run (see above)")
    ap.add_argument("--course", default="eif", help="the nbgrader course (EIF_COURSE_ID)")
    ap.add_argument("--answers", help="a JSON file {grade_id: source} of the answers to put in")
    ap.add_argument("--submit", action="store_true", help="submit the assignment after the run")
    ap.add_argument("--feedback", action="store_true", help="fetch the feedback of the assignment, nothing else")
    a = ap.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    s = Student(a.hub, a.user)
    summary = {"user": a.user}
    step = "login"
    try:
        s.login(a.password)
        summary["token"] = s.token
        step = "spawn"
        t = time.monotonic()
        summary["server_url"] = s.spawn(timeout=600)
        summary["spawn_s"] = time.monotonic() - t
        if a.assignment:
            step = a.assignment
            graded(s, a, out, summary)
            print(json.dumps(summary))
            return 0
        step = "pull"
        t = time.monotonic()
        s.pull(a.repo, a.branch, a.target)
        summary["pull_s"] = time.monotonic() - t
        path = f"{a.target}/{a.notebook}"
        summary["runs"] = []
        for i in range(1, a.runs + 1):
            step = f"run {i}"
            nb = s.contents(path)["content"]
            began = time.time()
            nb, took = asyncio.run(s.run_notebook(nb, path, a.cell_timeout))
            file = out / f"{a.user}-run{i}.ipynb"
            file.write_text(json.dumps(nb))
            summary["runs"].append({"to_last_output_s": took, "notebook": str(file),
                                    "start_epoch": began, "end_epoch": time.time()})
    except Failed as e:
        print(f"student.py: {a.user}: {step}: {e}", file=sys.stderr)
        print(json.dumps(summary))
        return 1
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
