#!/usr/bin/env bash
# Start a Docker daemon by hand (no systemd), with its own data root and
# socket, unless one already answers there. Prints the DOCKER_HOST to use.
#
#   deploy/dockerd.sh            # data root /var/lib/eif-docker, socket /run/eif-docker/docker.sock
#   EIF_DOCKER_ROOT=DIR EIF_DOCKER_RUN=DIR deploy/dockerd.sh
#
# The daemon runs without a bridge network or iptables rules (--bridge=none),
# so it cannot clash with another Docker daemon on the machine; containers use
# the host's network (the class test) or none at all (the image test).
# Needs root and the docker.io package (apt-get install docker.io).
set -euo pipefail

root=${EIF_DOCKER_ROOT:-/var/lib/eif-docker}
run=${EIF_DOCKER_RUN:-/run/eif-docker}
sock=$run/docker.sock
export DOCKER_HOST=unix://$sock

if docker version >/dev/null 2>&1; then
	echo "DOCKER_HOST=$DOCKER_HOST"
	exit 0
fi
command -v dockerd >/dev/null 2>&1 || { echo "ERROR: dockerd is not installed (on Debian: apt-get install docker.io)" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || { echo "ERROR: starting dockerd needs root (run: sudo $0)" >&2; exit 1; }

mkdir -p "$root" "$run"
log=$run/dockerd.log
nohup dockerd --data-root "$root" --exec-root "$run/exec" --pidfile "$run/dockerd.pid" \
	-H "$DOCKER_HOST" --bridge=none --iptables=false --ip-masq=false \
	--containerd-namespace eif --containerd-plugins-namespace eif-plugins \
	>"$log" 2>&1 </dev/null &
for _ in $(seq 1 60); do
	if docker version >/dev/null 2>&1; then
		echo "DOCKER_HOST=$DOCKER_HOST"
		exit 0
	fi
	sleep 0.5
done
echo "ERROR: dockerd did not answer on $sock within 30 s; its log ($log) ends with:" >&2
tail -n 20 "$log" >&2
exit 1
