#!/usr/bin/env bash
# make demo: apply examples/quickstart with the provider just built, write the
# rendered Kea files under out/, and check them with real Kea 3.0.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
say() { printf 'demo: %s\n' "$*"; }
say "finding terraform >= 1.8 (when none is on PATH it is built from the Go module proxy: a few minutes, once)"
use_terraform
say "terraform apply examples/quickstart with the provider just built (a dev override; state in a scratch directory)"
rm -rf "$REPO/out"
files=$(render_example "$REPO/examples/quickstart" "$REPO/out")
mv "$REPO/out/kea_dhcp4_conf.json" "$REPO/out/kea-dhcp4.conf"
say "wrote $REPO/out/kea-dhcp4.conf (the apply's second plan was empty)"
say "checking it with real Kea 3.0 (kea-dhcp4 -T in a chroot from Debian's archive, installed under .cache/kea on first use)"
if "$REPO/scripts/kea-install.sh" >/dev/null; then
	"$REPO/scripts/kea-check.sh" "$REPO/out/kea-dhcp4.conf"
	say "ok: Kea 3.0 loads the rendered file as it is"
else
	say "Kea 3.0 could not be installed here (needs root and Debian's archive); the rendered file was not checked" >&2
fi
: "$files"
