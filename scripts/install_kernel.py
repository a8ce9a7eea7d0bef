#!/usr/bin/env python3
"""Register the GoNB kernel inside the project's virtual environment.

Run with the venv's python (`make setup` does). It runs `gonb --install` with
JUPYTER_DATA_DIR pointing into the venv, so nothing is written under the
user's home, then adds to kernel.json an `env` entry that puts the venv's bin/
first on the kernel's PATH: GoNB needs the pinned goimports and gopls that
live there, also when JupyterLab was started without the Makefile's PATH.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def main() -> int:
    prefix = Path(sys.prefix)
    if prefix == Path(sys.base_prefix):
        sys.exit("install_kernel.py: run it with the virtual environment's python")
    bindir = prefix / "bin"
    data = prefix / "share" / "jupyter"
    env = dict(os.environ)
    env["JUPYTER_DATA_DIR"] = str(data)
    env["PATH"] = str(bindir) + os.pathsep + env.get("PATH", "")
    gonb = bindir / "gonb"
    if not gonb.exists():
        sys.exit(f"install_kernel.py: {gonb} is missing; build it first (make setup)")
    done = subprocess.run([str(gonb), "--install"], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        sys.exit(f"install_kernel.py: `{gonb} --install` failed (exit {done.returncode})")

    spec_path = data / "kernels" / "gonb" / "kernel.json"
    spec = json.loads(spec_path.read_text())
    # Under /tmp (or the user's cache folder) gonb copies itself into the
    # kernel folder; use the venv's binary in every case, and drop the copy.
    argv0 = Path(spec["argv"][0])
    if argv0.resolve() != gonb.resolve():
        if argv0.parent == spec_path.parent:
            for copy in (argv0, argv0.with_name(argv0.name + "~")):
                copy.unlink(missing_ok=True)
        spec["argv"][0] = str(gonb)
    # jupyter_client expands ${PATH} from the environment of the Jupyter server.
    spec["env"] = {"PATH": f"{bindir}{os.pathsep}${{PATH}}"}
    spec_path.write_text(json.dumps(spec, indent=1) + "\n")
    print(f"GoNB kernel registered in {spec_path.parent}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
