#!/usr/bin/env bash
# make fuzz: run every fuzz target (each "func FuzzXxx" in a test file) for
# FUZZTIME (default 2m) each, then the boundary-value conformance test with
# more values per attribute. The targets must never panic; a failing input
# is saved under the package's testdata/fuzz and replayed by every later go
# test.
#
# --brief (make test): every target for 30000 inputs, no longer conformance
# run (make test runs the ordinary one).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO"
time=${FUZZTIME:-2m} minimize=() brief=0
if [[ ${1:-} == --brief ]]; then
	time=30000x minimize=(-fuzzminimizetime 100x) brief=1
fi
mapfile -t targets < <(grep -rEo --include='*_test.go' '^func Fuzz[A-Za-z0-9_]*' internal | sed -E 's#/[^/]*_test\.go:func #:#' | sort -u)
for target in "${targets[@]}"; do
	pkg=${target%%:*} name=${target#*:}
	printf '==> %s %s for %s\n' "$pkg" "$name" "$time"
	go test "./$pkg" -timeout 10m -run '^$' -fuzz "^$name\$" -fuzztime "$time" "${minimize[@]}"
done
if [[ $brief -eq 0 ]]; then
	printf '==> the boundary-value conformance test, with more values per attribute\n'
	KEA_CHECK=1 KEA_CONFORMANCE_LONG=1 go test ./internal/provider -count=1 -timeout 30m -run '^TestConformance$' -v | grep -E '^(---|ok|FAIL|PASS)|boundary values|refuses'
fi
