#!/usr/bin/env bash
# make demo: a tour of the provider on examples/quickstart, with the provider
# just built. It plans the estate, applies it and writes out/kea-dhcp4.conf,
# shows the plan a reviewer sees for a one-line change, and checks the file
# with real Kea 3.0.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
say() { printf 'demo: %s\n' "$*"; }
step() { printf '\n== %s\n' "$*"; }
indent() { sed 's/^/    /'; }

step "1/5 terraform >= 1.8"
say "Terraform 1.8 is the first with provider functions, which render the document during plan."
say "The one on PATH is used; without one, terraform 1.8.5 is built from source once (8 to 26 minutes"
say "on 2 CPUs as measured here, progress shown) and kept in .cache/bin."
use_terraform
say "using $("$TF_ACC_TERRAFORM_PATH" version | head -1) ($TF_ACC_TERRAFORM_PATH)"

step "2/5 terraform plan examples/quickstart"
say "A small office: one kea-dhcp4 server, two subnets, three pools, a printer class, a site option"
say "and a dozen reservations, all of them resources. The provider is the one 'make build' just made,"
say "served through a dev override (.cache/dev.tfrc); state lives in a scratch directory."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$REPO/examples/quickstart/main.tf" "$work/"
# The line-by-line view of the document (README, "Reviewing a change").
cat >>"$work/main.tf" <<'TF'

output "kea_dhcp4_conf_lines" {
  value = split("\n", local.office.config)
}
TF
cfg=$(dev_override_config "$REPO/.cache/bin")
tf() { env TF_CLI_CONFIG_FILE="$cfg" TF_IN_AUTOMATION=1 terraform -chdir="$work" "$@"; }
tf plan -input=false -no-color -out=first.tfplan >"$work/plan.log" 2>&1 || {
	cat "$work/plan.log" >&2
	exit 1
}
say "terraform plan, resources by type:"
sed -n 's/^  # \([a-z_]*\.[a-z_]*\).* will be created$/\1/p' "$work/plan.log" | sort | uniq -c | indent
grep -E '^Plan:' "$work/plan.log" | indent
say "Resources refer to each other by id (the server lists its options' ids, a pool its subnet's);"
say "the function that renders kea-dhcp4.conf sees values, not the state, so it takes the objects"
say "themselves: each resource named once, of any kind, a for_each resource whole. From main.tf:"
sed -n '/^  office = provider::kea::config/,/^  \])/p' "$work/main.tf" | indent
say "The document is known in this plan already (provider::kea::config runs while planning); its start:"
tf show -json first.tfplan | python3 -c '
import json, sys
doc = json.load(sys.stdin)["output_changes"]["kea_dhcp4_conf"]["after"]
lines = doc.splitlines()
print("\n".join(lines[:14]))
print("    ... (%d lines in all)" % len(lines))' | indent

step "3/5 terraform apply, and out/kea-dhcp4.conf"
tf apply -input=false -no-color first.tfplan >"$work/apply.log" 2>&1 || {
	cat "$work/apply.log" >&2
	exit 1
}
grep -E '^Apply complete' "$work/apply.log" | indent
rm -rf "$REPO/out"
mkdir -p "$REPO/out"
tf output -raw kea_dhcp4_conf >"$REPO/out/kea-dhcp4.conf"
say "wrote $REPO/out/kea-dhcp4.conf"
if tf plan -input=false -no-color -detailed-exitcode >"$work/plan2.log" 2>&1; then
	say "a second plan is empty: nothing drifts between plans"
else
	cat "$work/plan2.log" >&2
	say "the second plan is not empty" >&2
	exit 1
fi

step "4/5 a one-line change, and the plan a reviewer sees"
say "The NAS moves from 192.0.2.12 to 192.0.2.20, one line of main.tf:"
cp "$work/main.tf" "$work/main.tf.orig"
sed -i 's/mac = "00:11:32:00:00:03", ip = "192.0.2.12"/mac = "00:11:32:00:00:03", ip = "192.0.2.20"/' "$work/main.tf"
if cmp -s "$work/main.tf.orig" "$work/main.tf"; then
	say "the quickstart no longer has the NAS line this step edits; update scripts/demo.sh with it" >&2
	exit 1
fi
diff -u "$work/main.tf.orig" "$work/main.tf" | grep -E '^[-+] ' | indent || true
rm "$work/main.tf.orig"
tf plan -input=false -no-color >"$work/plan3.log" 2>&1 || {
	cat "$work/plan3.log" >&2
	exit 1
}
say "terraform plan, the resource:"
sed -n '/^  # kea_reservation/,/^Plan:/p' "$work/plan3.log" | indent
say "the document as Terraform shows a JSON string, a structural jsonencode() diff (its first lines;"
say "it goes on with the next subnet in full, as context):"
sed -n '/^Changes to Outputs:/,/^  ~ kea_dhcp4_conf_lines/p' "$work/plan3.log" | head -22 | indent
say "the same change in the line view, split(\"\\n\", ...config):"
sed -n '/^  ~ kea_dhcp4_conf_lines/,/^    \]/p' "$work/plan3.log" | indent
say "Reservations are ordered by identifier, so a changed address stays in its place and the line"
say "view shows one changed line."

step "5/5 real Kea 3.0 reads out/kea-dhcp4.conf"
say "kea-dhcp4 -T from Debian's archive, unpacked into a chroot under .cache/kea (first time: a minute)."
if "$REPO/scripts/kea-install.sh" >/dev/null; then
	"$REPO/scripts/kea-check.sh" "$REPO/out/kea-dhcp4.conf" | indent
	say "ok: kea-dhcp4 -T parsed the file and loaded its hooks, as a reload would, and accepts it as it is."
else
	say "Kea 3.0 could not be installed here (needs root and Debian's archive); the file was not checked" >&2
fi
