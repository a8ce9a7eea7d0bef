#!/usr/bin/env python3
"""Execute notebooks headless through the GoNB kernel, and export them.

For every notebook given, at its path REL relative to --root (default:
notebooks/; a notebook outside it keeps only its file name), this writes
  OUT/REL.ipynb            the executed notebook, outputs included
  OUT/REL.html             a standalone HTML export that opens offline
  OUT/logs/REL.kernel.log  the GoNB kernel's own log (for debugging)
so the French edition, notebooks/fr/NAME.ipynb, goes to OUT/fr/NAME.ipynb.
It exits non-zero when the kernel itself reported a failed execution, a cell
timed out, the kernel died or an export failed.

It only executes and exports. Which notebooks there are, and which outputs
make a cell a failure, is decided in Go (internal/notebooks): `make run`
(internal/cmd/runnotebooks) and the tests list the notebooks, call this script
and judge what it wrote. By hand, with the project's virtual environment:
  .venv/bin/python scripts/run_notebooks.py --out out notebooks/x.ipynb ...

The kernel runs with its working directory (and so $GONB_DIR) set to the
notebook's own folder, as in JupyterLab, so the notebooks' setup cell finds
this repository's Go module with `go list -m`.

The Jupyter environment is that of scripts/jupyter.env for the virtual
environment this script runs from (its folders for Jupyter, its bin/ first
on PATH, where gonb, gopls and goimports live): nothing global is read for
kernels and nothing global is written.
"""

from __future__ import annotations

import argparse
import shutil
import os
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from jupyter_env import jupyter_env

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent / "nbconvert_templates"
TEMPLATE_NAME = "eif_offline"


def use_venv_environment() -> None:
    """Point Jupyter and PATH at the virtual environment running this script."""
    prefix = Path(sys.prefix)
    if prefix == Path(sys.base_prefix):
        sys.exit(
            "run_notebooks.py: not running inside a virtual environment; "
            "run `make setup` and use .venv/bin/python (or `make run`)."
        )
    os.environ.update(jupyter_env(prefix))


@dataclass
class Problem:
    notebook: str
    cell_index: int  # 0-based index among all cells
    code_index: int  # 1-based index among code cells
    execution_count: object
    first_line: str
    message: str

    def __str__(self) -> str:
        return (
            f"{self.notebook}: cell {self.cell_index} (code cell #{self.code_index}, "
            f"execution_count {self.execution_count}, starts `{self.first_line}`): "
            f"{self.message}"
        )


# A tag that makes the page load something from another host; plain links are fine.
REMOTE_LOAD = re.compile(
    r"<(?:script|link|img|iframe|embed|object)\b[^>]*\b(?:src|href|data)\s*=\s*[\"']?(?:https?:)?//[^\"'\s>]*",
    re.IGNORECASE,
)


def copy_mathjax(out: Path) -> None:
    """Put MathJax 2.7 from the jupyter-server-mathjax package into OUT/mathjax/, once,
    so that the equations of the HTML exports render offline, opened from disk."""
    dest = out / "mathjax"
    if (dest / "MathJax.js").exists():
        return
    import jupyter_server_mathjax

    src = Path(jupyter_server_mathjax.__file__).parent / "static"
    shutil.copytree(src, dest, dirs_exist_ok=True)


# GoNB's page script for widgets and live outputs (gonbui/comms): it opens a WebSocket to
# the kernel through the Jupyter server that shows the notebook. A static HTML export has
# neither, so the script could only fail there (it tries ws://<no host>/api/kernels//channels).
GONB_COMMS_SCRIPT = re.compile(r"\blet gonb_comm\s*=|\bnew WebSocket\(")


def without_live_scripts(nb):
    """A copy of nb without the outputs that hold GoNB's connection script."""
    import copy

    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        kept = []
        for output in cell.get("outputs", []):
            page = output.get("data", {}).get("text/html", "")
            if isinstance(page, list):
                page = "".join(page)
            if not GONB_COMMS_SCRIPT.search(page):
                kept.append(output)
        cell.outputs = kept
    return nb


def export_html(nb, name: str, html_path: Path) -> None:
    from nbconvert import HTMLExporter

    nb = without_live_scripts(nb)
    # GoNB's kernel_info reply leaves pygments_lexer empty, and nbconvert then highlights
    # the cells as Python ("//" an operator, an apostrophe in a comment opening a string).
    info = nb.metadata.setdefault("language_info", {})
    if not info.get("pygments_lexer"):
        info["pygments_lexer"] = "go"
    copy_mathjax(html_path.parent)
    exporter = HTMLExporter(
        template_name=TEMPLATE_NAME,
        extra_template_basedirs=[str(TEMPLATES)],
    )
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": name}})
    remote = REMOTE_LOAD.findall(body)
    if remote:
        raise RuntimeError(f"{html_path.name} would load from the network: {remote}")
    html_path.write_text(body, encoding="utf-8")


def relative(path: Path, root: Path) -> Path:
    """path relative to root, or only its file name when it is outside root."""
    try:
        return path.resolve().relative_to(root.resolve())
    except ValueError:
        return Path(path.name)


def run_one(path: Path, rel: Path, out: Path, kernel: str, timeout: int, write_html: bool) -> list[Problem]:
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    name = str(rel)
    nb = nbformat.read(path, as_version=4)
    failed_at: list[int] = []

    def on_cell_error(cell, cell_index, execute_reply):  # noqa: ARG001 (nbclient hook)
        failed_at.append(cell_index)

    client = NotebookClient(
        nb,
        kernel_name=kernel,
        timeout=timeout,
        startup_timeout=120,
        allow_errors=False,  # stop at the first failing cell; later cells would fail anyway
        resources={"metadata": {"path": str(path.parent.resolve())}},
        on_cell_error=on_cell_error,
    )
    logs = out / "logs" / rel.parent
    logs.mkdir(parents=True, exist_ok=True)
    (out / rel.parent).mkdir(parents=True, exist_ok=True)
    problems: list[Problem] = []
    # Append mode: the kernel's go command appends its own lines to this log (the
    # kernel's standard error); with a shared write offset they would be overwritten.
    (logs / f"{path.stem}.kernel.log").unlink(missing_ok=True)
    with open(logs / f"{path.stem}.kernel.log", "a", encoding="utf-8") as log:
        try:
            client.execute(stdout=log, stderr=log)
        except CellTimeoutError as e:
            idx = failed_at[-1] if failed_at else -1
            problems.append(Problem(name, idx, 0, None, "", f"timeout after {timeout} s: {e}"))
        except CellExecutionError:
            pass  # reported below, from the cell the kernel named
        except Exception as e:  # kernel died, could not start, ...
            problems.append(Problem(name, -1, 0, None, "", f"{type(e).__name__}: {e}"))

    nbformat.write(nb, out / rel)
    if failed_at and not problems:
        i = failed_at[0]
        cell = nb.cells[i]
        first = (cell.source.strip().splitlines() or [""])[0][:80]
        code_index = sum(1 for c in nb.cells[: i + 1] if c.cell_type == "code")
        problems.append(
            Problem(name, i, code_index, cell.get("execution_count"), first, "the kernel reported an error")
        )
    if write_html:
        try:
            export_html(nb, path.stem, (out / rel).with_suffix(".html"))
        except Exception as e:
            problems.append(Problem(name, -1, 0, None, "", f"HTML export failed: {e}"))
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="+", type=Path, help="the notebooks to run (make run lists them)")
    parser.add_argument("--out", type=Path, default=REPO / "out", help="output folder (default: out/)")
    parser.add_argument("--root", type=Path, default=REPO / "notebooks",
                        help="outputs keep the notebooks' paths relative to this folder (default: notebooks/)")
    parser.add_argument("--kernel", default="gonb", help="kernel name (default: gonb)")
    parser.add_argument("--timeout", type=int, default=900, help="seconds allowed per cell (default: 900)")
    parser.add_argument("--no-html", action="store_true", help="skip the HTML export")
    args = parser.parse_args()

    use_venv_environment()
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec(args.kernel)
    except NoSuchKernel:
        print(f"run_notebooks.py: no Jupyter kernel named {args.kernel!r} in {os.environ['JUPYTER_DATA_DIR']};"
              " run `make setup` first.", file=sys.stderr)
        return 2

    notebooks = args.notebooks
    args.out.mkdir(parents=True, exist_ok=True)

    all_problems: list[Problem] = []
    for n, path in enumerate(notebooks, 1):
        start = time.monotonic()
        rel = relative(path, args.root)
        print(f"[{n}/{len(notebooks)}] {rel} ...", end=" ", flush=True)
        problems = run_one(path, rel, args.out, args.kernel, args.timeout, not args.no_html)
        took = time.monotonic() - start
        print(f"{'FAILED' if problems else 'ok'} ({took:.1f} s)", flush=True)
        for p in problems:
            print(f"    {p}", flush=True)
        all_problems += problems

    print(f"outputs in {args.out}/")
    if all_problems:
        print(f"\n{len(all_problems)} problem(s):", file=sys.stderr)
        for p in all_problems:
            print(f"  {p}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
