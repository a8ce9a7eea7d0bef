#!/usr/bin/env bash
# Make a local Debian base image for the Dockerfile, for machines that reach
# Debian's package mirror but no public image registry:
#
#   deploy/base-image.sh [NAME]      # default NAME: eif-base:bookworm
#
# debootstrap --variant=minbase bookworm into a temporary folder, then
# `docker import`. Does nothing when the image NAME already exists, so it is
# cheap to call every time (make image does). Needs root, debootstrap and a
# running Docker daemon (deploy/dockerd.sh).
set -euo pipefail

name=${1:-eif-base:bookworm}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

if docker image inspect "$name" >/dev/null 2>&1; then
	echo "base image $name already exists"
	exit 0
fi
docker version >/dev/null 2>&1 || { echo "ERROR: no Docker daemon answers (DOCKER_HOST=${DOCKER_HOST:-unset}); start one: deploy/dockerd.sh" >&2; exit 1; }
command -v debootstrap >/dev/null 2>&1 || { echo "ERROR: debootstrap is not installed (on Debian: apt-get install debootstrap)" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || { echo "ERROR: debootstrap needs root (run: sudo $0)" >&2; exit 1; }

rootfs=$(mktemp -d /var/tmp/eif-rootfs.XXXXXX)
trap 'rm -rf "$rootfs"' EXIT
echo "== debootstrap --variant=minbase bookworm $rootfs ($mirror)"
debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$rootfs.log" 2>&1 || {
	echo "ERROR: debootstrap failed; the end of its log ($rootfs.log):" >&2; tail -n 20 "$rootfs.log" >&2; exit 1; }
rm -f "$rootfs.log"
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
echo "== docker import -> $name"
tar -C "$rootfs" -c . | docker import --change 'CMD ["/bin/bash"]' - "$name" >/dev/null
echo "base image $name created"
