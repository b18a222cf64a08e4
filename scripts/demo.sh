#!/usr/bin/env bash
# make demo: apply examples/quickstart with the provider just built, write the
# rendered Kea files under out/, and check them with real Kea 3.0.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
use_terraform
rm -rf "$REPO/out"
files=$(render_example "$REPO/examples/quickstart" "$REPO/out")
mv "$REPO/out/kea_dhcp4_conf.json" "$REPO/out/kea-dhcp4.conf"
echo "wrote $REPO/out/kea-dhcp4.conf"
if "$REPO/scripts/kea-install.sh" >/dev/null; then
	"$REPO/scripts/kea-check.sh" "$REPO/out/kea-dhcp4.conf"
else
	echo "demo: Kea 3.0 could not be installed here (needs root and Debian's archive); the rendered file was not checked" >&2
fi
: "$files"
