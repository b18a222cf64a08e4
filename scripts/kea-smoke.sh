#!/usr/bin/env bash
# kea-smoke.sh - smoke-test the Kea chroot and kea-check.sh.
#
# Usage: scripts/kea-smoke.sh
#
# Checks scripts/testdata/kea-smoke/valid-*.json (must be accepted) and
# scripts/testdata/kea-smoke/invalid-*.json (must be rejected, via
# kea-check.sh --expect-fail). Exits non-zero if either set misbehaves.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DATA=$SCRIPT_DIR/testdata/kea-smoke

shopt -s nullglob
valid=("$DATA"/valid-*.json)
invalid=("$DATA"/invalid-*.json)
if [[ ${#valid[@]} -eq 0 || ${#invalid[@]} -eq 0 ]]; then
	printf 'kea-smoke: ERROR: no valid-*.json or invalid-*.json in %s\n' "$DATA" >&2
	exit 2
fi

# Install (or verify the cached) Kea once, up front, so a failure is obvious.
"$SCRIPT_DIR/kea-install.sh" >/dev/null

passed=0 failed=0
# check MODE FILE: run kea-check.sh on one file and count the verdict.
check() {
	local rc=0
	if [[ $1 == negative ]]; then
		"$SCRIPT_DIR/kea-check.sh" --expect-fail "$2" || rc=$?
	else
		"$SCRIPT_DIR/kea-check.sh" "$2" || rc=$?
	fi
	case $rc in
	0) passed=$((passed + 1)) ;;
	1) failed=$((failed + 1)) ;;
	*)
		printf 'kea-smoke: ERROR: kea-check.sh could not check %s (exit %d)\n' "$2" "$rc" >&2
		exit "$rc"
		;;
	esac
}

printf '== positive: %d file(s) must be accepted\n' "${#valid[@]}"
for f in "${valid[@]}"; do check positive "$f"; done
printf '== negative: %d file(s) must be rejected\n' "${#invalid[@]}"
for f in "${invalid[@]}"; do check negative "$f"; done

printf 'kea-smoke: %d passed, %d failed\n' "$passed" "$failed"
[[ $failed -eq 0 ]]
