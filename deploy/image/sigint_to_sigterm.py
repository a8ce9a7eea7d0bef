#!/usr/bin/env python3
"""Run a Jupyter server as a child, and turn SIGINT into SIGTERM for it.

    sigint_to_sigterm.py jupyterhub-singleuser [ARGS...]

JupyterHub's LocalProcessSpawner stops a server with SIGINT, and `docker run`
without a tty forwards Ctrl-C as SIGINT. Without a tty, jupyter_server exits
on SIGINT without shutting its kernels down, and the GoNB kernel, unlike
ipykernel, does not notice that its parent has gone: gonb and its gopls
stayed alive. On SIGTERM jupyter_server shuts every kernel down first. This
wrapper starts the server, sends it SIGTERM for SIGINT, SIGTERM or SIGHUP,
and exits with the server's status.
"""

import os
import signal
import subprocess
import sys


def main() -> int:
    if len(sys.argv) < 2:
        sys.exit("usage: sigint_to_sigterm.py COMMAND [ARGS...]")
    try:
        child = subprocess.Popen(sys.argv[1:])
    except OSError as e:
        sys.exit(f"sigint_to_sigterm.py: cannot start {sys.argv[1]}: {e}")

    def forward(signum, frame):
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)

    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, forward)
    code = child.wait()
    return 128 - code if code < 0 else code


if __name__ == "__main__":
    sys.exit(main())
