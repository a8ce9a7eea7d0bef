#!/usr/bin/env bash
# Prepare autograding as the unprivileged user USER (run as root, by
# `make grade GRADER_USER=USER`):
#   - check that USER exists, is not root and can read this checkout;
#   - fill USER's Go module cache from root's, once (no network: the files
#     come from root's module cache through a file:// proxy);
#   - write the kernelspec "gonb-grader" into the virtual environment VENV:
#     nbgrader's kernels then start through grader-kernel.sh, as USER.
#
#   grader-setup.sh USER MODULE VENV TOOLS
# MODULE: the eif module (this checkout); TOOLS: the folder of gonb, gopls and
# goimports for the grader (VENV/bin).
set -euo pipefail

user=$1 repo=$2 venv=$3 tools=$4
if ! id "$user" >/dev/null 2>&1; then
	echo "ERROR: no user '$user'. Create one, e.g.: useradd --system --create-home --home-dir /var/lib/$user --shell /usr/sbin/nologin $user" >&2
	exit 1
fi
if [ "$(id -u "$user")" -eq 0 ]; then
	echo "ERROR: GRADER_USER=$user is root: autograding runs the students' code; name an unprivileged user." >&2
	exit 1
fi
if ! setpriv --reuid="$user" --regid="$(id -g "$user")" --init-groups test -r "$repo/go.mod" -a -x "$tools/gonb" -a -x "$tools/gopls"; then
	echo "ERROR: user '$user' cannot read $repo/go.mod or run $tools/gonb and $tools/gopls: put the checkout where '$user' can read it (every folder above it needs o+x)." >&2
	exit 1
fi
home=$(getent passwd "$user" | cut -d: -f6)
group=$(id -gn "$user")
if [ ! -d "$home" ]; then
	echo "ERROR: the home folder $home of '$user' does not exist." >&2
	exit 1
fi

# The module cache: every module of this repository's build list.
mod="$home/go/pkg/mod"
if ! (cd "$repo" && GOMODCACHE="$mod" GOPROXY=off GOFLAGS=-mod=mod go mod download 2>/dev/null); then
	src=$(go env GOMODCACHE)
	echo "== filling $mod from $src"
	(cd "$repo" && GOMODCACHE="$mod" GOPROXY="file://$src/cache/download" GOSUMDB=off GOFLAGS=-mod=mod go mod download)
	chown -R "$user:$group" "$home/go"
fi
mkdir -p "$home/.cache"
chown "$user:$group" "$home/.cache"

spec="$venv/share/jupyter/kernels/gonb-grader"
mkdir -p "$spec"
cat >"$spec/kernel.json" <<JSON
{
 "argv": ["$(cd "$(dirname "$0")" && pwd)/grader-kernel.sh", "{connection_file}", "-logtostderr=true", "-v=0"],
 "display_name": "Go (gonb, autograding as $user)",
 "language": "go",
 "interrupt_mode": "message",
 "env": {"EIF_GRADER_USER": "$user", "EIF_GONB": "$tools/gonb", "EIF_BIN": "$tools"}
}
JSON
echo "== autograding kernels run as '$user' (kernelspec $spec)"
