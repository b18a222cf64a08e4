#!/usr/bin/env bash
# stork-build.sh - build ISC Stork 2.5.1's stork-agent and stork-server from
# the source tarball beside the checkout (../shared/stork/, see its README:
# Stork is in no package archive and its module is not on the Go module
# proxy), into .cache/stork/bin. Prints that directory on stdout.
#
# Usage: scripts/stork-build.sh
#
# Exit status: 0 built (or cached for this tarball), 3 the tarball is absent
# (callers print a notice and skip: never a silent pass), 1 build failure.
# Environment: STORK_SRC (default <repo>/../shared/stork/stork-backend-2.5.1-src.tar.gz).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SRC=${STORK_SRC:-$REPO/../shared/stork/stork-backend-2.5.1-src.tar.gz}
CACHE=$REPO/.cache/stork
log() { printf 'stork-build: %s\n' "$*" >&2; }
if [[ ! -r $SRC ]]; then
	log "no Stork source at $SRC"
	exit 3
fi
key=$(sha256sum <"$SRC" | cut -d' ' -f1)
mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
command -v flock >/dev/null && flock 9
if [[ -x $CACHE/bin/stork-agent && -x $CACHE/bin/stork-server && $(cat "$CACHE/stamp" 2>/dev/null) == "$key" ]]; then
	printf '%s\n' "$CACHE/bin"
	exit 0
fi
log "building stork-agent and stork-server from $(basename "$SRC") (a few minutes of CPU on a cold Go build cache)"
rm -rf "$CACHE/src" "$CACHE/bin"
mkdir -p "$CACHE/src" "$CACHE/bin"
tar -xzf "$SRC" -C "$CACHE/src"
if ! (cd "$CACHE/src/backend" && CGO_ENABLED=0 go build -trimpath -o "$CACHE/bin/" ./cmd/stork-agent ./cmd/stork-server) >"$CACHE/build.log" 2>&1; then
	tail -20 "$CACHE/build.log" >&2
	log "build failed (see $CACHE/build.log)"
	exit 1
fi
rm -rf "$CACHE/src"
printf '%s\n' "$key" >"$CACHE/stamp"
log "built $("$CACHE/bin/stork-agent" --version 2>/dev/null | head -1)"
printf '%s\n' "$CACHE/bin"
