#!/usr/bin/env bash
# make lint: golangci-lint with the repository's .golangci.yml. When no
# golangci-lint v2 is on PATH, v2.15.0 is built from the Go module proxy into
# .cache/bin (a few minutes, once).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
VERSION=v2.15.0
bin=$(command -v golangci-lint 2>/dev/null || true)
if [[ -z $bin ]] || ! "$bin" version 2>/dev/null | grep -q 'version 2\.'; then
	bin=$REPO/.cache/bin/golangci-lint
	if [[ ! -x $bin ]]; then
		echo "lint: building golangci-lint $VERSION into .cache/bin (go install from the module proxy; a few minutes, once)" >&2
		(cd "$REPO/.cache" && GOFLAGS='' GOBIN="$REPO/.cache/bin" go install "github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$VERSION")
	fi
fi
cd "$REPO"
"$bin" run ./...
echo "lint: ok"
