#!/usr/bin/env python3
"""Register the GoNB kernel inside the project's virtual environment.

Run with the venv's python (`make setup` does, after it filled Go's module cache with
`go mod download`). It runs `gonb --install` with JUPYTER_DATA_DIR pointing into the venv,
so nothing is written under the user's home, then adds to kernel.json an `env` entry:

- PATH: .venv/libexec/eif-kernel (the `go` of internal/cmd/kernelgo, built here: it runs the
  real go, through the cell cache for GoNB's builds, see internal/cellcache), then the venv's bin/
  (the pinned gonb, goimports and gopls, also when JupyterLab was started without the
  Makefile's PATH), then the server's PATH.
- Offline Go: GOPROXY=off, GOSUMDB=off, GOFLAGS=-mod=mod, GOTOOLCHAIN=local (or the
  toolchain setup used, if go.mod asks for a newer Go than the one installed). GoNB runs
  `go get` before every cell; with these it takes the modules from the module cache and
  asks no proxy or checksum database (GOPROXY=off alone is not enough: it still asks the
  checksum database). The notebook's module requires this repository's, whose go.mod pins
  every module the notebooks import, and `make setup` downloaded them all.
- GOFLAGS also has -ldflags=-s (unless setup's GOFLAGS sets -ldflags): the cells' programs are
  linked without a symbol table and without DWARF (-s implies -w since Go 1.23), which students
  never use (no debugger; a panic's stack trace comes from the pclntab, which stays). Measured on a
  chart cell of notebook 02: the link takes 0.81 CPU-s instead of 1.10 (-w alone: 0.81) and the
  binary is 4.0 MB instead of 5.8 (-w: 4.4). A cell's %goflags -ldflags=... replaces it.
- EIF_GOPROXY and EIF_GOSUMDB: the values in force at setup, for adding a new dependency
  from a cell on purpose (README: "Offline"):
      !*GOPROXY=$EIF_GOPROXY GOSUMDB=$EIF_GOSUMDB go get example.com/mod@v1.2.3
- EIF_GO and EIF_MODULE for the `go` wrapper, which says "run the setup cell first" when a
  cell imports this repository's packages before the setup cell ran.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from jupyter_env import jupyter_env

REPO = Path(__file__).resolve().parent.parent


def go_env(*names: str, cwd: Path = REPO, **env: str) -> list[str]:
    done = subprocess.run(
        ["go", "env", *names], capture_output=True, text=True, cwd=cwd, env={**os.environ, **env}
    )
    if done.returncode != 0:
        sys.exit(f"install_kernel.py: `go env` failed: {done.stderr.strip()}")
    return done.stdout.splitlines()


def kernel_env(prefix: Path) -> dict[str, str]:
    """The kernel's environment (see the module's documentation)."""
    go = shutil.which("go")
    if go is None:
        sys.exit("install_kernel.py: no `go` on PATH")
    module, goproxy, gosumdb, goflags = go_env("GOMOD", "GOPROXY", "GOSUMDB", "GOFLAGS")
    module = next(
        line.split()[1] for line in Path(module).read_text().splitlines() if line.startswith("module ")
    )
    wrapdir = prefix / "libexec" / "eif-kernel"
    wrapdir.mkdir(parents=True, exist_ok=True)
    build_wrapper(wrapdir / "go")
    # GOTOOLCHAIN=local, unless go.mod asks for a newer Go than the one installed: then
    # the toolchain that setup used (it is in the module cache now).
    selected = go_env("GOVERSION")[0]
    toolchain = "local" if go_env("GOVERSION", cwd=Path("/"), GOTOOLCHAIN="local")[0] == selected else selected
    flags = [f for f in goflags.split() if not f.startswith("-mod=")] + ["-mod=mod"]
    if not any(f.startswith("-ldflags") for f in flags):
        flags.append("-ldflags=-s")  # no symbol table, no DWARF: see the module's documentation
    env = {
        # jupyter_client expands ${PATH} from the environment of the Jupyter server.
        "PATH": os.pathsep.join([str(wrapdir), str(prefix / "bin"), "${PATH}"]),
        "GOPROXY": "off",
        "GOSUMDB": "off",
        "GOFLAGS": " ".join(flags),
        "GOTOOLCHAIN": toolchain,
        "EIF_GOPROXY": goproxy,
        "EIF_GOSUMDB": gosumdb,
        "EIF_GO": str(Path(go).resolve()),
        "EIF_MODULE": module,
    }
    return env


def build_wrapper(dest: Path) -> None:
    """Build the kernel's go command (internal/cmd/kernelgo) at dest, through a rename."""
    tmp = dest.with_name(dest.name + ".new")
    done = subprocess.run(
        ["go", "build", "-trimpath", "-ldflags=-s -w", "-o", str(tmp), "./internal/cmd/kernelgo"],
        capture_output=True, text=True, cwd=REPO, env={**os.environ, "CGO_ENABLED": "0"},
    )
    if done.returncode != 0:
        sys.exit(f"install_kernel.py: building the kernel's go command failed:\n{done.stderr.strip()}")
    tmp.replace(dest)


def main() -> int:
    prefix = Path(sys.prefix)
    if prefix == Path(sys.base_prefix):
        sys.exit("install_kernel.py: run it with the virtual environment's python")
    bindir = prefix / "bin"
    data = prefix / "share" / "jupyter"
    env = dict(os.environ)
    env.update(jupyter_env(prefix))  # JUPYTER_DATA_DIR = data
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
    spec["env"] = kernel_env(prefix)
    spec_path.write_text(json.dumps(spec, indent=1) + "\n")
    print(f"GoNB kernel registered in {spec_path.parent}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
