#!/usr/bin/env bash
# bench.sh - benchmark the kea-dhcp4 renderer on a large estate (make bench).
#
# 1. bench/gen writes the large estate (2,000 subnets, 4,000 pools, 50,000
#    reservations) to .cache/bench/estate.json; the in-package copy used by
#    the benchmarks is checked against it and rendered once.
# 2. go test -bench 'Large' in internal/kea: Render (validation, rendering,
#    sha256), the ordered Marshal of the finished document, and
#    encoding/json (Marshal, MarshalIndent) of the same document. The
#    ratios to encoding/json are printed at the end.
# 3. terraform plan of the same estate as plain objects through
#    provider::kea::config (bench/gen -tf), and of the same estate rendered
#    in pure HCL with jsonencode (bench/gen -tf -hcl, the baseline issue 12
#    measures against), interleaved BENCH_PLANS times each: medians of wall
#    time, CPU (terraform and provider) and the provider's peak RSS, the
#    ratios, and the load average.
#
# Environment:
#   BENCH_COUNT      -count for go test (default 3)
#   BENCH_TIME       -benchtime (default: go's 1s)
#   BENCH_PLANS      interleaved plans of each kind (default 3)
#   BENCH_TERRAFORM  auto (default: only if a terraform >= 1.8 is already on
#                    PATH or in .cache/bin), 1 (scripts/terraform.sh, which
#                    may build one), 0 (skip)
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO"

OUT=$REPO/.cache/bench
COUNT=${BENCH_COUNT:-3}
BENCHTIME=${BENCH_TIME:-}
TF_MODE=${BENCH_TERRAFORM:-auto}
mkdir -p "$OUT"

log() { printf '== %s\n' "$*" >&2; }

log "generating the large estate: $OUT/estate.json"
go run ./bench/gen -o "$OUT/estate.json"

log "checking the benchmark input (same estate as bench/gen, renders, counts)"
KEA_BENCH_ESTATE=$OUT/estate.json go test ./internal/kea -count=1 -v -run '^TestLargeEstate' >"$OUT/check.txt" 2>&1 || {
	cat "$OUT/check.txt" >&2
	exit 1
}
want_sha=$(sed -n 's/.*sha256 \([0-9a-f]\{64\}\).*/\1/p' "$OUT/check.txt" | sed -n 1p)

log "go test -bench Large -count=$COUNT (results in $OUT/bench.txt)"
bench_args=(-run '^$' -bench 'Large' -benchmem -count="$COUNT")
[[ -n $BENCHTIME ]] && bench_args+=(-benchtime="$BENCHTIME")
go test ./internal/kea "${bench_args[@]}" | tee "$OUT/bench.txt"

# Mean ns/op, B/op and allocs/op per benchmark (the -GOMAXPROCS suffix
# dropped), then the ratios to encoding/json.
awk '
/^Benchmark/ {
	name = $1; sub(/-[0-9]+$/, "", name); sub(/^Benchmark/, "", name)
	if (!(name in n)) order[++k] = name
	n[name]++
	for (i = 2; i < NF; i++) {
		if ($(i+1) == "ns/op") ns[name] += $i
		if ($(i+1) == "B/op") by[name] += $i
		if ($(i+1) == "allocs/op") al[name] += $i
	}
}
function mean(a, x) { return a[x] / n[x] }
function ratio(a, b) {
	if (!(a in n) || !(b in n) || mean(ns, b) == 0) return "n/a"
	return sprintf("%.2fx", mean(ns, a) / mean(ns, b))
}
END {
	if (k == 0) { print "no benchmark results" > "/dev/stderr"; exit 1 }
	printf "\n%-34s %14s %14s %12s %4s\n", "benchmark (mean)", "ms/op", "MiB/op", "allocs/op", "n"
	for (j = 1; j <= k; j++) {
		x = order[j]
		printf "%-34s %14.1f %14.1f %12.0f %4d\n", x, mean(ns, x) / 1e6, mean(by, x) / 1048576, mean(al, x), n[x]
	}
	r = "RenderLarge"; m = "MarshalOrderedLarge"
	jc = "JSONMarshalLarge/Marshal"; ji = "JSONMarshalLarge/MarshalIndent"
	print ""
	print "Ratios of time per op (lower is better for the project):"
	printf "  Render (validate+render+Marshal+sha256) / json.Marshal       : %s\n", ratio(r, jc)
	printf "  Render (validate+render+Marshal+sha256) / json.MarshalIndent : %s\n", ratio(r, ji)
	printf "  Marshal (ordered, indented)              / json.Marshal       : %s\n", ratio(m, jc)
	printf "  Marshal (ordered, indented)              / json.MarshalIndent : %s\n", ratio(m, ji)
}' "$OUT/bench.txt" | tee "$OUT/summary.txt"

# --- terraform plan of the same estate through the provider function ---
if [[ $TF_MODE == 0 ]]; then
	exit 0
fi
have_tf() {
	local t
	t=$(command -v terraform 2>/dev/null) && [[ -n $t ]] && return 0
	[[ -x $REPO/.cache/bin/terraform ]]
}
if [[ $TF_MODE == auto ]] && ! have_tf; then
	log "no terraform on PATH or in .cache/bin: skipping terraform plan (BENCH_TERRAFORM=1 builds one)"
	exit 0
fi
use_terraform

log "building the provider into $OUT/bin"
go build -o "$OUT/bin/terraform-provider-kea" .
# A CLI config of our own (not .cache/dev.tfrc, which other scripts share).
cat >"$OUT/dev.tfrc" <<CFG
provider_installation {
  dev_overrides {
    "keaform/kea" = "$OUT/bin"
  }
  direct {}
}
CFG

TFDIR=$OUT/tf
HCLDIR=$OUT/hcl
rm -rf "$TFDIR" "$HCLDIR"
go run ./bench/gen -tf -o "$TFDIR"
go run ./bench/gen -tf -hcl -o "$HCLDIR"

# watch_plan PID: poll /proc until PID exits for the peak RSS (VmHWM) and the
# CPU time of PID and of its provider plugin children (there may be several
# in turn); prints "terraform_kB provider_kB terraform_ticks provider_ticks".
watch_plan() {
	local pid=$1 tf_max=0 prov_max=0 tf_cpu=0 v c comm
	local -A prov_cpu=()
	while [[ -d /proc/$pid ]]; do
		v=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
		[[ -n $v ]] && ((v > tf_max)) && tf_max=$v
		v=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || true)
		[[ -n $v ]] && tf_cpu=$v
		# shellcheck disable=SC2013 # one pid per word
		for c in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do
			comm=$(cat "/proc/$c/comm" 2>/dev/null || true)
			[[ $comm == terraform-provi* ]] || continue
			v=$(awk '/^VmHWM/ {print $2}' "/proc/$c/status" 2>/dev/null || true)
			[[ -n $v ]] && ((v > prov_max)) && prov_max=$v
			v=$(awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null || true)
			[[ -n $v ]] && prov_cpu[$c]=$v
		done
		sleep 0.1
	done
	v=0
	for c in "${prov_cpu[@]}"; do v=$((v + c)); done
	echo "$tf_max $prov_max $tf_cpu $v"
}

# plan DIR LOG: one terraform plan of DIR; prints "wall_s tf_kB prov_kB cpu_ticks".
plan() {
	local dir=$1 log=$2 start end pid stats rc=0
	start=$(date +%s.%N)
	terraform -chdir="$dir" plan -input=false -no-color -lock=false >"$log" 2>&1 &
	pid=$!
	stats=$(watch_plan "$pid")
	wait "$pid" || rc=$?
	end=$(date +%s.%N)
	if ((rc != 0)); then
		echo "terraform plan of $dir failed (exit $rc):" >&2
		cat "$log" >&2
		return 1
	fi
	read -r tf_kb prov_kb tf_ticks prov_ticks <<<"$stats"
	awk -v a="$start" -v b="$end" -v t="$tf_kb" -v p="$prov_kb" -v c=$((tf_ticks + prov_ticks)) 'BEGIN { printf "%.2f %d %d %d\n", b - a, t, p, c }'
}

export TF_CLI_CONFIG_FILE=$OUT/dev.tfrc TF_IN_AUTOMATION=1
terraform -chdir="$HCLDIR" init -input=false >/dev/null
RUNS=${BENCH_PLANS:-3}
log "terraform plan, interleaved: provider::kea::config ($TFDIR) and pure HCL ($HCLDIR), $RUNS each"
: >"$OUT/plans.txt"
for ((i = 1; i <= RUNS; i++)); do
	echo "kea $(plan "$TFDIR" "$OUT/plan.log")" >>"$OUT/plans.txt"
	echo "hcl $(plan "$HCLDIR" "$OUT/plan-hcl.log")" >>"$OUT/plans.txt"
done
hz=$(getconf CLK_TCK 2>/dev/null || echo 100)
sha=$(sed -n 's/.*sha *= *"\([0-9a-f]\{64\}\)".*/\1/p' "$OUT/plan.log" | sed -n 1p)
{
	echo
	echo "terraform plan of the full estate, $RUNS interleaved runs each (medians; load average $(cut -d' ' -f1-3 /proc/loadavg)):"
	awk -v hz="$hz" '
	function median(a, n,   i, j, t) {
		for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
		return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
	}
	{ k = $1; n[k]++; wall[k, n[k]] = $2; cpu[k, n[k]] = $5 / hz; prov[k, n[k]] = $4 / 1024 }
	END {
		for (k in n) {
			for (i = 1; i <= n[k]; i++) { w[i] = wall[k, i]; c[i] = cpu[k, i]; p[i] = prov[k, i] }
			mw[k] = median(w, n[k]); mc[k] = median(c, n[k]); mp[k] = median(p, n[k])
		}
		printf "  %-32s %8s %10s %18s\n", "", "wall s", "CPU s", "provider RSS MiB"
		printf "  %-32s %8.1f %10.1f %18.0f\n", "provider::kea::config", mw["kea"], mc["kea"], mp["kea"]
		printf "  %-32s %8.1f %10.1f %18s\n", "pure HCL (jsonencode)", mw["hcl"], mc["hcl"], "-"
		printf "  CPU ratio, function / pure HCL : %.2fx (issue 12 target: <= 1.5x)\n", mc["kea"] / mc["hcl"]
		printf "  wall ratio, function / pure HCL: %.2fx\n", mw["kea"] / mw["hcl"]
	}' "$OUT/plans.txt"
	if [[ -n $sha && $sha == "$want_sha" ]]; then
		echo "  output sha256 : $sha (same as Render in go test)"
	else
		echo "  output sha256 : ${sha:-?} (go test rendered ${want_sha:-?}: MISMATCH)"
	fi
} | tee -a "$OUT/summary.txt"
[[ -n $sha && $sha == "$want_sha" ]]
