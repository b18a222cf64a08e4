#!/usr/bin/env bash
# make test: everything, including the real-Kea checks. Fails (never skips)
# when terraform or Kea cannot be had.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO"

step() { printf '\n==> %s\n' "$*"; }

step "gofmt and go vet"
unformatted=$(gofmt -l $(git ls-files '*.go') internal main.go 2>/dev/null | sort -u)
if [[ -n $unformatted ]]; then
	echo "gofmt would change:"; echo "$unformatted"; exit 1
fi
go vet ./...

step "terraform (>= 1.8) and Kea 3.0"
use_terraform
terraform version | sed -n 1p # sed reads it all: head could end terraform with SIGPIPE under pipefail
if ! "$REPO/scripts/kea-install.sh" >/dev/null; then
	echo "make test: Kea 3.0 could not be installed; the real-Kea checks cannot run" >&2
	exit 1
fi

step "go test (unit, golden and Terraform tests with $TF_ACC_TERRAFORM_PATH; real-Kea tests on)"
# An explicit timeout, well above what the packages take (internal/provider,
# the slowest, drives terraform for about 2-3 minutes on a busy 2-CPU
# machine), so a hang fails the run with a stack rather than CI's limit.
KEA_CHECK=1 go test -count=1 -timeout 30m -skip '^TestParse_ISCExamples$' ./...

step "ISC's example configurations (kea-doc): which Kea 3.0 accepts, and which the provider reads back (provider::kea::parse_config) into an estate whose document Kea accepts"
isc_log=$(mktemp)
KEA_CHECK=1 go test -count=1 -timeout 10m -run '^TestParse_ISCExamples$' -v ./internal/kea >"$isc_log" 2>&1 || {
	cat "$isc_log"
	exit 1
}
sed -n 's/^ *parse_isc_test.go:[0-9]*: //p; /^        /p' "$isc_log"
rm -f "$isc_log"

step "every fuzz target briefly: the renderer, the whole decode path, the option value checker, the expression parser, the document reader (they must never panic; make fuzz runs them longer)"
scripts/fuzz.sh --brief

# Document files by kind: suffixes and checking programs come from the
# document-kind table of internal/kea (scripts/dockinds).
mapfile -t suffixes < <(doc_kinds | awk -F'\t' '$2 == "json" { print $4 }')
docs_in() { local s; for s in "${suffixes[@]}"; do compgen -G "$1/*.$s" || true; done | sort -u; }

step "Kea 3.0 loads every golden document ($(doc_kinds | awk -F'\t' '$2 == "json" { printf "%s%s", sep, $5; sep = ", " }'))"
mapfile -t golden < <(docs_in internal/kea/testdata/golden)
scripts/kea-check.sh "${golden[@]}"

step "Kea 3.0 rejects what the provider rejects (corpus, every document kind)"
mapfile -t rejected < <(docs_in internal/kea/testdata/rejected)
if [[ ${#rejected[@]} -gt 0 ]]; then
	scripts/kea-check.sh --expect-fail "${rejected[@]}" | grep -E '^(rejected|FAIL)'
fi

step "Stork 2.5 runs every golden env file and refuses every rejected one (stork-server and stork-agent built from ../shared/stork, with --use-env-file; PostgreSQL from Debian's archive)"
mapfile -t env_suffixes < <(doc_kinds | awk -F'\t' '$2 == "env" { print $4 }')
envs_in() { local s; for s in "${env_suffixes[@]}"; do compgen -G "$1/*.$s" || true; done | sort -u; }
mapfile -t golden_env < <(envs_in internal/kea/testdata/golden)
mapfile -t rejected_env < <(envs_in internal/kea/testdata/rejected)
rc=0
scripts/stork-check.sh "${golden_env[@]}" || rc=$?
if [[ $rc -eq 0 ]]; then
	scripts/stork-check.sh --expect-fail "${rejected_env[@]}" | grep -E '^(rejected|FAIL)'
elif [[ $rc -ne 3 ]]; then
	exit 1
fi

step "Stork monitors Kea for real: PostgreSQL + stork-server + two hosts of kea-dhcp4 and stork-agent; exporters serve per-subnet (or only global) statistics, the agent registers and its dhcp4 daemon is active; a quoted port must break it"
g=internal/kea/testdata/golden
rc=0
scripts/stork-e2e.sh $g/stork-e2e.stork.server.env \
	$g/stork-e2e.e2e-a.kea4.json $g/stork-e2e.per-subnet.e2e-a.agent.env \
	$g/stork-e2e.e2e-b.kea4.json $g/stork-e2e.totals.e2e-b.agent.env || rc=$?
if [[ $rc -eq 0 ]]; then
	broken=$(mktemp --suffix=.agent.env)
	sed 's/^\(STORK_AGENT_PROMETHEUS_KEA_EXPORTER_PORT=\)\(.*\)/\1"\2"/' $g/stork-e2e.per-subnet.e2e-a.agent.env >"$broken"
	grep -q '_EXPORTER_PORT="' "$broken"
	out=$(STORK_E2E_TIMEOUT=10 scripts/stork-e2e.sh --expect-fail $g/stork-e2e.stork.server.env $g/stork-e2e.e2e-a.kea4.json "$broken" 2>&1) || { echo "$out" | tail -20; exit 1; }
	# The failure must be Stork's own refusal of the quoted port.
	grep -q 'agent-0.log: level="fatal" msg="invalid CLI argument' <<<"$out" || { echo "$out" | tail -20; echo "the broken agent.env did not fail for its quoted port" >&2; exit 1; }
	grep -E '^stork-e2e: FAIL agent-0.log' <<<"$out" | cut -c1-200
	echo "stork-e2e: the quoted exporter port breaks monitoring: stork-agent refuses to start, as the provider's rule predicts"
	rm -f "$broken"
elif [[ $rc -ne 3 ]]; then
	exit 1
fi

step "HA pairs started for real: both members reach their normal state"
g=internal/kea/testdata/golden
scripts/ha-pair.sh $g/ha-hot-standby.kea-a.kea4.json $g/ha-hot-standby.kea-b.kea4.json hot-standby | tail -1
scripts/ha-pair.sh $g/ha-load-balancing.lb-1.kea4.json $g/ha-load-balancing.lb-2.kea4.json load-balancing | tail -1
scripts/ha-pair.sh $g/ha-hot-standby-tls.tls-a.kea4.json $g/ha-hot-standby-tls.tls-b.kea4.json hot-standby | tail -1

step "DNS updates for real: kea-dhcp4 + kea-dhcp-ddns + BIND 9 named + a DHCP client; two TSIG algorithms (one truncated), and a wrong secret that must create nothing"
scripts/ddns-e2e.sh $g/ddns-e2e.e2e-dhcp.kea4.json \
	records:$g/ddns-e2e.d2-sha256.d2.json \
	records:$g/ddns-e2e.d2-sha512-256.d2.json \
	none:$g/ddns-e2e-wrong-secret.d2-wrong-secret.d2.json

step "the local D2 socket rule is real: a DHCP server and its local D2 on one HTTP control socket port, and the second cannot start"
root=$(scripts/kea-install.sh)
cp -r scripts/testdata/kea-root/. "$root/"
clash=$(mktemp -d "$root/tmp/d2-clash.XXXXXX")
cp scripts/testdata/ddns/socket-clash.*.json "$clash/"
c=/tmp/${clash##*/}
out=$(unshare --net sh -c "ip link set lo up
	export KEA_PIDFILE_DIR=$c KEA_LOCKFILE_DIR=$c
	chroot '$root' /usr/sbin/kea-dhcp-ddns -c $c/socket-clash.d2.json >'$clash/d2.log' 2>&1 & d2=\$!
	sleep 1
	timeout 10 chroot '$root' /usr/sbin/kea-dhcp4 -c $c/socket-clash.kea4.json 2>&1; echo \"kea-dhcp4 exit \$?\"
	kill \$d2" 2>&1 || true)
rm -rf "$clash"
if ! grep -q "kea-dhcp4 exit 1" <<<"$out" || ! grep -q "bind: Address already in use" <<<"$out"; then
	echo "$out" | tail -20
	echo "kea-dhcp4 started beside a D2 on its control socket port: the provider's local D2 socket rule would be needless" >&2
	exit 1
fi
echo "kea-dhcp4 refused to start: bind: Address already in use (as the provider predicts)"

step "the listener rule is real: a control socket on the HA peer URL stops Kea at start (-T accepts it)"
scripts/kea-check.sh scripts/testdata/ha-pair/listener-clash-server1.json >/dev/null
if out=$(HA_PAIR_TIMEOUT=15 scripts/ha-pair.sh scripts/testdata/ha-pair/listener-clash-server1.json scripts/testdata/ha-pair/listener-clash-server2.json hot-standby 2>&1); then
	echo "the listener clash pair started: the provider's listener rule would be needless" >&2
	exit 1
fi
grep -q "Address already in use" <<<"$out" || { echo "$out" | tail -20; echo "the listener clash pair failed for another reason" >&2; exit 1; }
echo "kea-dhcp4 refused to start: bind: Address already in use (as the provider predicts)"

step "Kea install smoke test"
scripts/kea-smoke.sh | tail -1

step "examples: apply, empty second plan, Kea -T on every rendered document"
go build -o .cache/bin/terraform-provider-kea .
scripts/examples.sh

step "make demo (the README's first command): the tour runs and ends in Kea's ok"
demo_log=$(mktemp)
if ! make --no-print-directory demo >"$demo_log" 2>&1 || ! grep -q '^demo: ok: ' "$demo_log"; then
	cat "$demo_log" >&2
	echo "make demo failed or did not end in ok" >&2
	exit 1
fi
grep -E '^== ' "$demo_log"
rm -f "$demo_log"

step "docs/ is up to date"
scripts/docs.sh >/dev/null
if ! git diff --exit-code --stat -- docs examples; then
	echo "docs/ or examples/ changed when regenerated: run 'make docs' and commit" >&2
	exit 1
fi
if [[ -n $(git status --porcelain -- docs examples) ]]; then
	git status --porcelain -- docs examples
	echo "untracked files in docs/ or examples/ after regenerating: run 'make docs' and commit" >&2
	exit 1
fi
echo
echo "make test: all checks passed"
