#!/bin/sh
# The `go` command of the GoNB kernel. scripts/install_kernel.py copies this file to
# .venv/libexec/eif-kernel/go, first on the kernel's PATH, and sets EIF_GO (the real go)
# and EIF_MODULE (this repository's module path) in the kernel's environment.
#
# It runs the real go with the same arguments and output. The kernel works offline
# (GOPROXY=off): when a cell imports this repository's packages before the notebook's
# setup cell has run, go fails with "module lookup disabled by GOPROXY=off", which does
# not say what to do. Then, and only then, this adds lines that do; for another module,
# it says how to add one on purpose.
real=${EIF_GO:?EIF_GO is not set: run make setup again}
errs=$(mktemp "${TMPDIR:-/tmp}/eif-go.XXXXXX") || exec "$real" "$@"
trap 'rm -f "$errs"' EXIT
"$real" "$@" 2>"$errs"
rc=$?
cat "$errs" >&2
missing='module lookup disabled|cannot find module providing package|no required module provides package'
if [ "$rc" -ne 0 ] && grep -E -q "$missing" "$errs"; then
	if [ -n "${EIF_MODULE:-}" ] && grep -F -q "$EIF_MODULE" "$errs"; then
		printf '\n%s\n%s\n' \
			"SETUP NEEDED: run the setup cell first (the notebook's first code cell), then this cell again." \
			"It wires $EIF_MODULE into the notebook; see notebooks/README.md#setup-cell." >&2
	else
		printf '\n%s\n%s\n' \
			"This kernel works offline, from Go's module cache. To add a module on purpose, in a cell:" \
			'  !*GOPROXY=$EIF_GOPROXY GOSUMDB=$EIF_GOSUMDB go get MODULE@VERSION   (see README.md, "Offline")' >&2
	fi
fi
exit "$rc"
