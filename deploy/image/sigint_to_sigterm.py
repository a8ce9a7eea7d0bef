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

A kernel that jupyter_server had to kill (one slow to answer its shutdown
request) leaves GoNB's gopls behind, in a process group of its own. So the
wrapper is a child subreaper (Linux): every process the server leaves becomes
the wrapper's child, and once the server has exited the wrapper stops them
(SIGTERM, then SIGKILL after 5 s). No kernel outlives its server.
"""

import ctypes
import os
import signal
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36


def become_subreaper() -> bool:
    """Make orphaned descendants our children (Linux); False elsewhere."""
    try:
        return ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def children() -> list:
    """The pids whose parent is this process, from /proc."""
    me, out = os.getpid(), []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        # pid (comm) state ppid ...: comm may hold spaces and parentheses
        if int(stat[stat.rindex(")") + 2:].split()[1]) == me:
            out.append(int(d))
    return out


def reap() -> None:
    """Collect the exit status of every child that has ended."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def stop_leftovers() -> None:
    """SIGTERM what the server left, then SIGKILL what is still there after 5 s."""
    for sig, wait in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 2.0)):
        for _ in range(3):  # their own children are ours once they die
            pids = children()
            if not pids:
                return
            for pid in pids:
                try:
                    os.kill(pid, sig)
                except ProcessLookupError:
                    pass
            deadline = time.monotonic() + wait
            while time.monotonic() < deadline and children():
                reap()
                time.sleep(0.1)
            reap()


def main() -> int:
    if len(sys.argv) < 2:
        sys.exit("usage: sigint_to_sigterm.py COMMAND [ARGS...]")
    subreaper = become_subreaper()
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
    if subreaper:
        stop_leftovers()
    return 128 - code if code < 0 else code


if __name__ == "__main__":
    sys.exit(main())
