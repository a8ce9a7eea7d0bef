"""The Jupyter environment of the project's venv, from scripts/jupyter.env.

That file is the one place where it is written; the Makefile and the Go tests
(internal/testenv) read it too.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

ENV_FILE = Path(__file__).resolve().parent / "jupyter.env"


def jupyter_env(venv: Path, path: str | None = None) -> dict[str, str]:
    """The variables of jupyter.env for the venv at `venv`, with ${PATH} = path
    (default: this process's PATH)."""
    values = {"VENV": str(Path(venv).resolve()), "PATH": os.environ.get("PATH", "") if path is None else path}
    env = {}
    for line in ENV_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, value = line.partition("=")
        env[name] = re.sub(r"\$\{(\w+)\}", lambda m: values[m.group(1)], value)
    return env
