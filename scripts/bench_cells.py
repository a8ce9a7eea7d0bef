#!/usr/bin/env python3
"""What each cell of a notebook costs: wall time and CPU time, in a fresh GoNB kernel.

    make bench-cells                                   # notebook 02, as below
    .venv/bin/python scripts/bench_cells.py [--notebook PATH] [--runs N] [--json FILE]

It starts the notebook's kernel (the project's GoNB kernel, working in the
notebook's folder as JupyterLab does) and runs the code cells one by one, as
Run All does, then stops the kernel. Each run is in a new kernel. The runs:

  warm-up    once, not compared: it fills the caches (Go's build cache, the
             kernel's cell cache) the way a student's earlier session would;
  unedited   N times (--runs): the notebook and eif/ as they are;
  edited     N times, each right after an edit of eif/ that every cell's program
             must be relinked for (a new file eif/zz_bench_edit.go, with a value
             that changes at each run; it is removed at the end).

With --baseline, each run is also made, interleaved, with the kernel as it was
before its cell cache: a copy of its spec with EIF_CELLCACHE=off and without
-ldflags=-s in GOFLAGS.

After each unedited run and the idle time after it (--linger), cell 3 (a chart)
is run three times with one number changed each time: an edited cell, a program
no cache has seen (--edit-cell).

For each cell: the wall time from the request to the kernel's reply, and the CPU
time (user + system) of the kernel's whole process tree over that time, read from
/proc: gonb, the go commands and their compilers and linker, goimports, gopls and
the cell's own program. "start" is the kernel's start, up to its first reply.
The machine's load average is printed with each run: on a busy machine, compare
CPU times, not wall times.

--complete asks for a completion after the setup cell (as a Tab in JupyterLab
does, at the end of `eif.Def` in a new cell) and prints its time and answer;
--complete-at S sends it S seconds after the kernel's start at the earliest.
GoNB (v0.11.5) first connects to its gopls 12 s after the kernel's start, and a
request that comes before waits for that, then 12 s more: see notebooks/README.md.
--json writes every figure to FILE.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from jupyter_env import jupyter_env

REPO = Path(__file__).resolve().parent.parent
EDIT_FILE = REPO / "eif" / "zz_bench_edit.go"
TICK = os.sysconf("SC_CLK_TCK")


def tree_cpu(root: int) -> float:
    """CPU seconds (user + system) of root and its descendants, alive or reaped."""
    parent: dict[int, int] = {}
    cpu: dict[int, float] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", "rb") as f:
                stat = f.read().decode(errors="replace")
        except OSError:
            continue
        # pid (comm) state ppid ... utime stime cutime cstime (fields 14-17)
        rest = stat[stat.rfind(")") + 2 :].split()
        pid = int(d)
        parent[pid] = int(rest[1])
        cpu[pid] = sum(int(x) for x in rest[11:15]) / TICK
    total = 0.0
    for pid, c in cpu.items():
        p = pid
        while p > 1 and p != root:
            p = parent.get(p, 0)
        if p == root:
            total += c
    return total


def tree_rss_mb(root: int) -> float:
    """Resident memory (MB) of root and its descendants."""
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", "rb") as f:
                rest = f.read().decode(errors="replace")
            rest = rest[rest.rfind(")") + 2 :].split()
        except OSError:
            continue
        parent[int(d)] = int(rest[1])
        rss[int(d)] = int(rest[21]) * page
    total = 0
    for pid, r in rss.items():
        p = pid
        while p > 1 and p != root:
            p = parent.get(p, 0)
        if p == root:
            total += r
    return total / 1e6


def gopls_hwm_mb(root: int) -> float:
    """The peak resident memory (MB) of the kernel's gopls, 0 if there is none."""
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", "rb") as f:
                stat = f.read().decode(errors="replace")
            if stat[stat.find("(") + 1 : stat.rfind(")")] != "gopls":
                continue
            if int(stat[stat.rfind(")") + 2 :].split()[1]) != root:
                continue
            with open(f"/proc/{d}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1000
        except (OSError, ValueError):
            continue
    return 0.0


def edited(src: str, n: int) -> str:
    """src with its first number literal after ':=' changed: 6.0 becomes 6.0DDDDDD, with
    digits from the clock, so that it is a program no cache has seen."""
    import re

    digits = f"{n}{time.time_ns() % 10**6:06d}"
    m = re.search(r":=\s*(-?\d+(?:\.\d+)?)", src)
    if not m:
        return src + f"\n_ = {digits}\n"
    value = m.group(1) + ("" if "." in m.group(1) else ".0") + digits
    return src[: m.start(1)] + value + src[m.end(1) :]


def first_line(src: str) -> str:
    for line in src.splitlines():
        line = line.strip()
        if line and line != "%%":
            return line[:60]
    return ""


class Kernel:
    """A GoNB kernel in the notebook's folder, and its process tree."""

    def __init__(self, name: str, cwd: Path, log):
        from jupyter_client.manager import KernelManager

        self.km = KernelManager(kernel_name=name)
        t0 = self.started = time.monotonic()
        self.km.start_kernel(cwd=str(cwd), stdout=log, stderr=log)
        self.pid = self.km.provisioner.pid
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=120)
        self.start_wall = time.monotonic() - t0
        self.start_cpu = tree_cpu(self.pid)
        self.peak_rss = tree_rss_mb(self.pid)

    def execute(self, code: str, timeout: float = 600) -> tuple[float, float, str, list[str]]:
        """Run code; return wall s, CPU s, status and the error texts it printed."""
        cpu0, t0 = tree_cpu(self.pid), time.monotonic()
        msg_id = self.kc.execute(code, store_history=True)
        errors: list[str] = []
        status = "?"
        idle = replied = False
        while not (idle and replied):
            msg = self.kc.get_iopub_msg(timeout=timeout) if not idle else None
            if msg is not None and msg["parent_header"].get("msg_id") == msg_id:
                kind, content = msg["msg_type"], msg["content"]
                if kind == "status" and content["execution_state"] == "idle":
                    idle = True
                elif kind == "error":
                    errors.append(f"{content['ename']}: {content['evalue']}")
                elif kind == "stream" and content["name"] == "stderr":
                    errors.append(content["text"].strip())
            if idle and not replied:
                reply = self.kc.get_shell_msg(timeout=timeout)
                if reply["parent_header"].get("msg_id") == msg_id:
                    status = reply["content"]["status"]
                    replied = True
        wall = time.monotonic() - t0
        cpu = tree_cpu(self.pid) - cpu0
        self.peak_rss = max(self.peak_rss, tree_rss_mb(self.pid))
        return wall, cpu, status, errors

    def complete(self, code: str, timeout: float = 60) -> tuple[float, list[str]]:
        t0 = time.monotonic()
        msg_id = self.kc.complete(code, len(code))
        while True:
            reply = self.kc.get_shell_msg(timeout=timeout)
            if reply["parent_header"].get("msg_id") == msg_id:
                return time.monotonic() - t0, reply["content"].get("matches", [])

    def inspect(self, code: str, timeout: float = 60) -> tuple[float, str]:
        """Hover (Shift+Tab in JupyterLab) at the end of code: its time and text."""
        t0 = time.monotonic()
        msg_id = self.kc.inspect(code, len(code))
        while True:
            reply = self.kc.get_shell_msg(timeout=timeout)
            if reply["parent_header"].get("msg_id") == msg_id:
                data = reply["content"].get("data", {})
                return time.monotonic() - t0, data.get("text/markdown") or data.get("text/plain", "")

    def stop(self) -> None:
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=False)


def run_notebook(nb_path: Path, kernel: str, label: str, complete: bool, log, linger: float = 0,
                 edit_cell: int = 0, complete_at: float = 0) -> dict:
    import nbformat

    nb = nbformat.read(nb_path, as_version=4)
    cells = [c for c in nb.cells if c.cell_type == "code"]
    load = os.getloadavg()[0]
    print(f"== {label}: running {nb_path.name} in a new kernel", file=log, flush=True)
    k = Kernel(kernel, nb_path.parent, log)
    rows = []
    out = {"label": label, "notebook": nb_path.name, "load_before": load,
           "start_wall_s": k.start_wall, "start_cpu_s": k.start_cpu, "cells": rows}
    try:
        for i, cell in enumerate(cells, 1):
            wall, cpu, status, errors = k.execute(cell.source)
            rows.append({"cell": i, "first_line": first_line(cell.source), "wall_s": wall, "cpu_s": cpu, "status": status})
            if status != "ok":
                raise RuntimeError(f"{nb_path.name}, code cell {i} ({first_line(cell.source)}): {status}: {' | '.join(errors)[:2000]}")
            if complete and i == 1:
                time.sleep(max(0.0, k.started + complete_at - time.monotonic()))
                before = tree_cpu(k.pid)
                secs, matches = k.complete('import "github.com/eif-notebooks/eif-notebooks/eif"\n\n%%\n_ = eif.Def')
                out["complete"] = {"wall_s": secs, "cpu_s": tree_cpu(k.pid) - before, "matches": matches[:10],
                                   "since_start_s": time.monotonic() - k.started - secs}
                secs, text = k.inspect('import "github.com/eif-notebooks/eif-notebooks/eif"\n\n%%\n_ = eif.Default')
                out["hover"] = {"wall_s": secs, "text": text[:400]}
        if linger:
            # What the kernel's tree (gopls: it connects 12 s after the start) uses after the last cell.
            t_end = time.monotonic() + linger
            before = tree_cpu(k.pid)
            time.sleep(max(0.0, t_end - time.monotonic()))
            out["linger"] = {"s": linger, "cpu_s": tree_cpu(k.pid) - before}
            k.peak_rss = max(k.peak_rss, tree_rss_mb(k.pid))
        if edit_cell:
            # An edited cell: the same cell with one number changed each time (a new program).
            src = cells[edit_cell - 1].source
            edits = []
            for n in range(3):
                wall, cpu, status, errors = k.execute(edited(src, n))
                if status != "ok":
                    raise RuntimeError(f"the edited cell {edit_cell} failed: {' | '.join(errors)[:2000]}")
                edits.append({"wall_s": wall, "cpu_s": cpu})
            out["edited_cell"] = {"cell": edit_cell, "first_line": first_line(src), "runs": edits}
        out["gopls_hwm_mb"] = gopls_hwm_mb(k.pid)
        out["peak_rss_mb"] = k.peak_rss
    finally:
        k.stop()
    out["wall_s"] = sum(r["wall_s"] for r in rows)
    out["cpu_s"] = sum(r["cpu_s"] for r in rows)
    out["load_after"] = os.getloadavg()[0]
    return out


def print_run(r: dict) -> None:
    print(f"\n== {r['label']}: {r['notebook']} (load average {r['load_before']:.1f} before, {r['load_after']:.1f} after)")
    print(f"   {'cell':>4}  {'wall s':>7}  {'CPU s':>7}  first line")
    print(f"   {'start':>4}  {r['start_wall_s']:7.3f}  {r['start_cpu_s']:7.3f}  (the kernel starts, gopls with it)")
    for c in r["cells"]:
        print(f"   {c['cell']:4d}  {c['wall_s']:7.3f}  {c['cpu_s']:7.3f}  {c['first_line']}")
    print(f"   {'all':>4}  {r['wall_s']:7.3f}  {r['cpu_s']:7.3f}  Run All: {len(r['cells'])} cells; "
          f"memory of the kernel's tree, largest sample {r['peak_rss_mb']:.0f} MB (gopls's peak {r['gopls_hwm_mb']:.0f} MB)")
    if "linger" in r:
        print(f"   {'then':>4}  {r['linger']['s']:7.3f}  {r['linger']['cpu_s']:7.3f}  idle after the last cell (gopls loads the packages)")
    if "edited_cell" in r:
        e = r["edited_cell"]
        for n, x in enumerate(e["runs"], 1):
            print(f"   {'edit':>4}  {x['wall_s']:7.3f}  {x['cpu_s']:7.3f}  cell {e['cell']} edited ({n}): {e['first_line']}")
    if "complete" in r:
        c = r["complete"]
        print(f"   completion of eif.Def after the setup cell, sent {c['since_start_s']:.1f} s after the kernel's start: "
              f"{c['wall_s']:.3f} s wall, {c['cpu_s']:.3f} CPU-s: {c['matches']}")
        h = r["hover"]
        print(f"   then hover on eif.Default: {h['wall_s']:.3f} s: {h['text'][:80]!r}")


def edit_eif(n: int) -> None:
    EDIT_FILE.write_text(
        "// Written by scripts/bench_cells.py for one run; it removes it. Not part of the package.\n\n"
        f"package eif\n\nvar benchEdit = {time.time_ns() + n}\n"
    )


def baseline_kernel(kernel: str) -> str:
    """A copy of the kernel's spec, as the kernel was before issue 27: the cell cache off
    (EIF_CELLCACHE=off) and go's default link flags (no -ldflags=-s). Returns its name."""
    import tempfile

    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec(kernel)
    env = dict(spec.env)
    env["EIF_CELLCACHE"] = "off"
    env["GOFLAGS"] = " ".join(f for f in env.get("GOFLAGS", "").split() if f != "-ldflags=-s")
    data = Path(tempfile.mkdtemp(prefix="bench-cells-"))
    name = kernel + "-baseline"
    d = data / "kernels" / name
    d.mkdir(parents=True)
    (d / "kernel.json").write_text(json.dumps({"argv": spec.argv, "display_name": name, "language": spec.language,
                                               "interrupt_mode": spec.interrupt_mode, "env": env}))
    os.environ["JUPYTER_PATH"] = os.pathsep.join([str(data), os.environ.get("JUPYTER_PATH", "")])
    return name


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--notebook", type=Path, default=REPO / "notebooks" / "02-part-b-current.ipynb")
    ap.add_argument("--kernel", default="gonb")
    ap.add_argument("--runs", type=int, default=2, help="runs of each kind (default 2)")
    ap.add_argument("--baseline", action="store_true",
                    help="also run each kind with the kernel as it was before the cell cache "
                         "(EIF_CELLCACHE=off, no -ldflags=-s), interleaved")
    ap.add_argument("--no-warmup", action="store_true", help="skip the warm-up run")
    ap.add_argument("--no-edit", action="store_true", help="only the unedited runs")
    ap.add_argument("--complete", action="store_true", help="time a completion after the setup cell")
    ap.add_argument("--complete-at", type=float, default=0, metavar="S",
                    help="send the completion S seconds after the kernel's start at the earliest")
    ap.add_argument("--edit-cell", type=int, default=3,
                    help="after each unedited Run All, run code cell N (default 3, a chart) three times, "
                         "each with a number changed; 0: none")
    ap.add_argument("--linger", type=float, default=20,
                    help="seconds to stay after the last cell, measuring what gopls uses (default 20)")
    ap.add_argument("--json", type=Path, help="write every figure here")
    ap.add_argument("--log", type=Path, default=REPO / "out" / "bench" / "kernel.log",
                    help="the kernels' logs (default: out/bench/kernel.log)")
    args = ap.parse_args()

    os.environ.update(jupyter_env(Path(sys.prefix)))
    if EDIT_FILE.exists():
        sys.exit(f"bench_cells.py: {EDIT_FILE} exists (left by an interrupted run?): remove it first")
    nb = args.notebook.resolve()
    kernels = [args.kernel] + ([baseline_kernel(args.kernel)] if args.baseline else [])
    plan = [] if args.no_warmup else [("warm-up", False, args.kernel)]
    plan += [("unedited", False, k) for _ in range(args.runs) for k in kernels]
    if not args.no_edit:
        plan += [("after an edit of eif/", True, k) for _ in range(args.runs) for k in kernels]
    results = []
    args.log.parent.mkdir(parents=True, exist_ok=True)
    args.log.unlink(missing_ok=True)
    log = open(args.log, "a", encoding="utf-8")  # append: the kernel's go appends its lines too
    print(f"kernels' logs: {args.log}")
    try:
        for n, (label, edit, kernel) in enumerate(plan):
            if edit:
                edit_eif(n)
            if kernel != args.kernel:
                label += " [baseline]"
            r = run_notebook(nb, kernel, label, args.complete, log, args.linger,
                             args.edit_cell if label.startswith("unedited") else 0, args.complete_at)
            results.append(r)
            print_run(r)
            sys.stdout.flush()
    finally:
        EDIT_FILE.unlink(missing_ok=True)
        log.close()

    print("\n== summary (Run All of the code cells; the kernel's start not included)")
    kinds = {}
    for r in results:
        kinds.setdefault(r["label"], []).append(r)
    for label, rs in kinds.items():
        walls = ", ".join(f"{r['wall_s']:.2f}" for r in rs)
        cpus = ", ".join(f"{r['cpu_s']:.2f}" for r in rs)
        print(f"   {label:36s} wall s: {walls:20s} CPU s: {cpus}")
        cells = [x for r in rs for x in r.get("edited_cell", {}).get("runs", [])]
        if cells:
            walls = ", ".join(f"{x['wall_s']:.2f}" for x in cells)
            cpus = ", ".join(f"{x['cpu_s']:.2f}" for x in cells)
            print(f"   {'  an edited chart cell':36s} wall s: {walls:20s} CPU s: {cpus}")
    for tag in ("", " [baseline]"):
        une, edi = kinds.get("unedited" + tag), kinds.get("after an edit of eif/" + tag)
        if une and edi:
            ratio = min(r["cpu_s"] for r in une) / min(r["cpu_s"] for r in edi)
            print(f"   CPU ratio unedited / after an edit (best of each){tag}: {ratio:.2f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
