#!/usr/bin/env bash
# Start JupyterLab on notebooks/ for `make lab` (run it through make, which sets up the
# venv and the Jupyter folders first).
#
#   scripts/lab.sh HOST PORT [extra jupyter lab arguments]
#
# LAB_LANG=fr opens the French edition (notebooks/fr/) with JupyterLab's interface in
# French: the settings folder .venv/share/jupyter/lab/settings-fr/ (made by
# scripts/install_jupyter_settings.sh), whose default language is fr_FR. A language a user
# picked in Settings → Language is their own setting and wins. LAB_LANG, not LANG: LANG is
# the system's locale, which every program the server starts would inherit.
#
# The access token never appears on a command line, where any local user could read it
# (`ps`): it is made here (16 random bytes), or read from the file LAB_TOKEN_FILE, or
# taken from the environment variable LAB_TOKEN, then written to a file readable only by
# this user and passed to Jupyter by JUPYTER_TOKEN_FILE. The file is removed when the
# server stops. An empty token would turn authentication off: that is refused, unless
# LAB_NO_AUTH=1 asks for it, with a warning.
set -euo pipefail

host=${1:?usage: scripts/lab.sh HOST PORT [jupyter lab arguments]}
port=${2:?usage: scripts/lab.sh HOST PORT [jupyter lab arguments]}
shift 2
here=$(cd "$(dirname "$0")" && pwd)

if (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then
	echo "ERROR: port $port on $host is in use; try: make lab LAB_PORT=8899" >&2
	exit 1
fi

lang=()
start=lab
tree=tree
case "${LAB_LANG:-en}" in
en | "") ;;
fr)
	settings=${JUPYTER_DATA_DIR:?JUPYTER_DATA_DIR is not set: start this with make lab}/lab/settings-fr
	if [ ! -f "$settings/overrides.d/eif-lang-fr.json" ]; then
		echo "ERROR: $settings is missing: run make setup (scripts/install_jupyter_settings.sh makes it)" >&2
		exit 1
	fi
	lang=(--LabApp.app_settings_dir="$settings" --LabApp.default_url=/lab/tree/fr)
	start=lab/tree/fr
	tree=tree/fr
	;;
*)
	echo "ERROR: LAB_LANG=$LAB_LANG: the editions are en (notebooks/) and fr (notebooks/fr/)" >&2
	exit 1
	;;
esac

auth=()
token=
if [ "${LAB_NO_AUTH:-}" = 1 ]; then
	cat >&2 <<EOF

  WARNING: LAB_NO_AUTH=1: JupyterLab runs WITHOUT authentication. Any program or
  user of this machine that can reach $host:$port can run code as $(id -un).
  Stop it as soon as you can (Ctrl-C) and start it again without LAB_NO_AUTH.

EOF
	auth=(--IdentityProvider.token=)
elif [ -n "${LAB_TOKEN_FILE:-}" ]; then
	if [ ! -r "$LAB_TOKEN_FILE" ]; then
		echo "ERROR: LAB_TOKEN_FILE=$LAB_TOKEN_FILE cannot be read" >&2
		exit 1
	fi
	if [ -n "$(find "$LAB_TOKEN_FILE" -perm /077 -print)" ]; then
		echo "ERROR: LAB_TOKEN_FILE=$LAB_TOKEN_FILE can be read by other users; chmod 600 it" >&2
		exit 1
	fi
	token=$(tr -d ' \t\r\n' <"$LAB_TOKEN_FILE")
	if [ -z "$token" ]; then
		echo "ERROR: LAB_TOKEN_FILE=$LAB_TOKEN_FILE is empty; an empty token would turn authentication off (LAB_NO_AUTH=1 does that on purpose)" >&2
		exit 1
	fi
elif [ -n "${LAB_TOKEN+set}" ]; then
	if [ -z "$LAB_TOKEN" ]; then
		echo "ERROR: LAB_TOKEN is empty, which would turn authentication off." >&2
		echo "  Leave LAB_TOKEN out for a random token, or set LAB_NO_AUTH=1 to run without authentication." >&2
		exit 1
	fi
	token=$LAB_TOKEN
else
	token=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
fi
unset LAB_TOKEN JUPYTER_TOKEN

tokenfile=
if [ -n "$token" ]; then
	runtime=${JUPYTER_RUNTIME_DIR:?JUPYTER_RUNTIME_DIR is not set: start this with make lab}
	mkdir -p "$runtime"
	chmod 700 "$runtime" # Jupyter writes the token there too, in a jpserver-*-open.html readable by all
	tokenfile=$(umask 077 && mktemp "$runtime/lab-token.XXXXXX")
	printf '%s' "$token" >"$tokenfile"
	export JUPYTER_TOKEN_FILE=$tokenfile
	trap 'rm -f "$tokenfile"' EXIT
	# On a signal, exit (and remove the file) once the server has stopped.
	trap 'exit 130' INT
	trap 'exit 143' TERM HUP
fi

root=()
[ "$(id -u)" -eq 0 ] && root=(--allow-root)


echo
if [ -n "$token" ]; then
	echo "  JupyterLab: http://$host:$port/$start?token=$token"
	echo "  Notebook 7: http://$host:$port/$tree?token=$token"
else
	echo "  JupyterLab: http://$host:$port/$start (no authentication)"
	echo "  Notebook 7: http://$host:$port/$tree (no authentication)"
fi
echo "  (stop it with Ctrl-C)"
echo
echo "jupyter lab --notebook-dir=notebooks --config=scripts/lab_config.py ..."
# Not exec: the trap removes the token file when the server ends.
jupyter lab --notebook-dir=notebooks --config="$here/lab_config.py" \
	--ServerApp.ip="$host" --ServerApp.port="$port" --ServerApp.port_retries=0 \
	"${auth[@]}" "${root[@]}" "${lang[@]}" "$@"
