#!/usr/bin/env bash
# The class hub's proxy (configurable-http-proxy) as a process of its own, for
# EIF_PROXY=external: the hub then neither starts nor stops it, so a restart of
# the hub (an upgrade, a crash) keeps every route, and students' open
# notebooks and running kernels keep working through it meanwhile.
#
#   deploy/hub/proxy.sh          (in its own systemd unit or tmux window, before the hub)
#
# It reads the hub's own settings: EIF_HUB_IP, EIF_HUB_PORT (where students
# connect: 127.0.0.1, 8000), EIF_PROXY_API_PORT (8001), EIF_HUB_API_PORT (8081),
# EIF_HUB_STATE (.), EIF_PROXY_CMD. The proxy's API token is the file
# proxy_token in EIF_HUB_STATE (made here, mode 0600, if missing), which the
# hub reads.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
state=${EIF_HUB_STATE:-.}
cmd=${EIF_PROXY_CMD:-$repo/.venv-hub/node_modules/.bin/configurable-http-proxy}
hub_api=127.0.0.1:${EIF_HUB_API_PORT:-8081}
if ! [ -x "$cmd" ]; then
	echo "eif proxy: the proxy configurable-http-proxy is missing ($cmd); run \`make hub-setup\` (npm) or set EIF_PROXY_CMD" >&2
	exit 1
fi
mkdir -p "$state"
token=$state/proxy_token
if ! [ -s "$token" ]; then
	(umask 077 && od -An -N32 -tx1 /dev/urandom | tr -d ' \n' >"$token.tmp" && mv "$token.tmp" "$token")
fi
CONFIGPROXY_AUTH_TOKEN=$(cat "$token")
export CONFIGPROXY_AUTH_TOKEN
exec "$cmd" --ip "${EIF_HUB_IP:-127.0.0.1}" --port "${EIF_HUB_PORT:-8000}" \
	--api-ip 127.0.0.1 --api-port "${EIF_PROXY_API_PORT:-8001}" \
	--default-target "http://$hub_api" --error-target "http://$hub_api/hub/error"
