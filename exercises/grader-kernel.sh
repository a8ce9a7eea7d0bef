#!/usr/bin/env bash
# The GoNB kernel for autograding, started as an unprivileged user.
#
# Jupyter starts this script (kernelspec "gonb-grader", written by
# grader-setup.sh) as the user who runs nbgrader, root in CI, with the
# kernel's connection file, which only that user can read. The script hands a
# copy to the grader, then replaces itself with GoNB running as the grader:
# the students' code never runs as root. Go looks up modules only in the
# grader's module cache (GOPROXY=off), and builds into the grader's cache.
#
#   grader-kernel.sh CONNECTION_FILE [GONB FLAGS...]
# Environment (from the kernelspec): EIF_GRADER_USER, EIF_GONB (gonb binary),
# EIF_BIN (folder with gopls and goimports).
set -euo pipefail

conn=$1
shift
user=${EIF_GRADER_USER:?EIF_GRADER_USER is not set (see exercises/grader-setup.sh)}
home=$(getent passwd "$user" | cut -d: -f6)
group=$(id -gn "$user")

# The course folder is closed to the grader (eifgrader/prepare.py): open the
# folder of the student being graded, the kernel's working folder
# autograded/STUDENT/ASSIGNMENT, and close every other student's, so that one
# student's code cannot read another's work.
case $PWD in
*/autograded/*/*)
	top=${PWD%%/autograded/*}/autograded
	rest=${PWD#"$top"/}
	for d in "$top"/*/; do chmod 700 "$d"; done
	chmod 711 "$top/${rest%%/*}"
	;;
esac

# The connection file, readable by the grader only; removed once GoNB has read it.
dir=$(mktemp -d /tmp/eif-grader-kernel.XXXXXX)
install -m 600 -o "$user" -g "$group" "$conn" "$dir/connection.json"
chown "$user:$group" "$dir"
(sleep 60 && rm -rf "$dir") </dev/null >/dev/null 2>&1 &

exec setpriv --reuid="$user" --regid="$group" --init-groups --no-new-privs \
	env -i \
	HOME="$home" USER="$user" LOGNAME="$user" \
	PATH="$EIF_BIN:$(dirname "$(command -v go)"):/usr/bin:/bin" \
	GOMODCACHE="$home/go/pkg/mod" GOCACHE="$home/.cache/go-build" \
	GOPROXY=off GOSUMDB=off GOFLAGS=-mod=mod GOTOOLCHAIN=local GOTELEMETRY=off \
	"$EIF_GONB" --kernel "$dir/connection.json" "$@"
