#!/usr/bin/env bash
# Format the examples and regenerate docs/ (offline: tfplugindocs uses the
# terraform found by scripts/terraform.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
use_terraform
cd "$REPO"
export TF_CLI_CONFIG_FILE=/dev/null
terraform fmt -recursive examples/ >/dev/null
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! go tool tfplugindocs generate --provider-name kea >"$log" 2>&1; then
	cat "$log" >&2
	exit 1
fi
if ! go tool tfplugindocs validate --provider-name kea >"$log" 2>&1; then
	cat "$log" >&2
	exit 1
fi
echo "docs: generated and validated"
