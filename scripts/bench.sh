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
#    ratios, and the load average. The same through the kea_config data
#    source, at a tenth of the size, and how the time grows with the
#    estate.
# 4. 3,001 resources (a server, 1,000 subnets, pools and reservations) and
#    one provider::kea::config call over them, planned and applied, against
#    the same resources of bench/minimal, a provider that only keeps state:
#    once with the kea resources' own schemas (what the kea provider's
#    per-resource work costs) and once with trivial resources (what the
#    schemas' size costs too). Interleaved BENCH_PLANS times each; medians.
#
# Environment:
#   BENCH_COUNT      -count for go test (default 3)
#   BENCH_TIME       -benchtime (default: go's 1s)
#   BENCH_PLANS      interleaved plans of each kind (default 3)
#   BENCH_RESOURCES  subnets of the resource comparison (default 1000, so
#                    3,001 resources); 0 skips it (it takes the longest:
#                    about 15 minutes per run on 2 CPUs)
#   BENCH_RESOURCE_RUNS  interleaved runs of the resource comparison
#                    (default 1)
#   BENCH_PROFILE    1: also profile the kea provider's CPU over a plan, an
#                    apply and a refreshing plan of the resources (the
#                    provider runs in debug mode with -cpuprofile) and print
#                    where it goes, by RPC
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
doc_bytes=$(sed -n 's/.*document: \([0-9]*\) bytes.*/\1/p' "$OUT/check.txt" | sed -n 1p)

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

# tf_run DIR LOG ARGS...: one terraform command in DIR; prints
# "wall_s tf_kB prov_kB cpu_ticks provider_cpu_ticks".
tf_run() {
	local dir=$1 log=$2 start end pid stats rc=0
	shift 2
	start=$(date +%s.%N)
	terraform -chdir="$dir" "$@" -input=false -no-color -lock=false >"$log" 2>&1 &
	pid=$!
	stats=$(watch_plan "$pid")
	wait "$pid" || rc=$?
	end=$(date +%s.%N)
	if ((rc != 0)); then
		echo "terraform $* in $dir failed (exit $rc):" >&2
		cat "$log" >&2
		return 1
	fi
	read -r tf_kb prov_kb tf_ticks prov_ticks <<<"$stats"
	awk -v a="$start" -v b="$end" -v t="$tf_kb" -v p="$prov_kb" -v c=$((tf_ticks + prov_ticks)) -v pc="$prov_ticks" 'BEGIN { printf "%.2f %d %d %d %d\n", b - a, t, p, c, pc }'
}
plan() { tf_run "$1" "$2" plan; }
apply() { rm -f "$1/terraform.tfstate" "$1/terraform.tfstate.backup"; tf_run "$1" "$2" apply -auto-approve; }

# medians FILE: per label (first column), the medians of wall, CPU,
# provider RSS and provider CPU, as "label wall cpu rss provider_cpu" lines.
hz=$(getconf CLK_TCK 2>/dev/null || echo 100)
medians() {
	awk -v hz="$hz" '
	function median(a, n,   i, j, t) {
		for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
		return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
	}
	{ k = $1; if (!(k in n)) order[++m] = k; n[k]++; wall[k, n[k]] = $2; cpu[k, n[k]] = $5 / hz; prov[k, n[k]] = $4 / 1024; pcpu[k, n[k]] = $6 / hz }
	END {
		for (x = 1; x <= m; x++) {
			k = order[x]
			for (i = 1; i <= n[k]; i++) { w[i] = wall[k, i]; c[i] = cpu[k, i]; p[i] = prov[k, i]; q[i] = pcpu[k, i] }
			printf "%s %.2f %.2f %.0f %.2f\n", k, median(w, n[k]), median(c, n[k]), median(p, n[k]), median(q, n[k])
		}
	}' "$1"
}

# row LABEL DESC FILE: the medians of LABEL as a table row.
row() {
	awk -v k="$1" -v d="$2" '$1 == k { printf "  %-44s %8.1f %10.1f %14s %14s\n", d, $2, $3, ($5 > 0 ? sprintf("%.1f", $5) : "-"), ($4 > 0 ? $4 : "-") }' "$3"
}
# ratio A B FILE FIELD: A's median over B's (FIELD 2 wall, 3 CPU).
ratio() {
	awk -v a="$1" -v b="$2" -v f="$4" '{ v[$1] = $f } END { if (v[b] > 0) printf "%.2fx", v[a] / v[b]; else printf "n/a" }' "$3"
}
header() { printf "  %-44s %8s %10s %14s %14s\n" "" "wall s" "CPU s" "provider CPU" "provider MiB"; }

export TF_CLI_CONFIG_FILE=$OUT/dev.tfrc TF_IN_AUTOMATION=1
SMALLDIR=$OUT/tf-small
SMALLHCLDIR=$OUT/hcl-small
DSDIR=$OUT/tf-datasource
rm -rf "$SMALLDIR" "$SMALLHCLDIR" "$DSDIR"
go run ./bench/gen -tf -datasource -o "$DSDIR"
go run ./bench/gen -tf -subnets 200 -o "$SMALLDIR"
go run ./bench/gen -tf -hcl -subnets 200 -o "$SMALLHCLDIR"
terraform -chdir="$HCLDIR" init -input=false >/dev/null
terraform -chdir="$SMALLHCLDIR" init -input=false >/dev/null
RUNS=${BENCH_PLANS:-3}
log "terraform plan, interleaved: provider::kea::config and pure HCL, full size and a tenth, $RUNS each"
: >"$OUT/plans.txt"
for ((i = 1; i <= RUNS; i++)); do
	echo "kea $(plan "$TFDIR" "$OUT/plan.log")" >>"$OUT/plans.txt"
	echo "hcl $(plan "$HCLDIR" "$OUT/plan-hcl.log")" >>"$OUT/plans.txt"
	echo "kea-ds $(plan "$DSDIR" "$OUT/plan-datasource.log")" >>"$OUT/plans.txt"
	echo "kea-small $(plan "$SMALLDIR" "$OUT/plan-small.log")" >>"$OUT/plans.txt"
	echo "hcl-small $(plan "$SMALLHCLDIR" "$OUT/plan-hcl-small.log")" >>"$OUT/plans.txt"
done
medians "$OUT/plans.txt" >"$OUT/plans-medians.txt"
sha=$(sed -n 's/.*sha *= *"\([0-9a-f]\{64\}\)".*/\1/p' "$OUT/plan.log" | sed -n 1p)
ds_sha=$(sed -n 's/.*sha *= *"\([0-9a-f]\{64\}\)".*/\1/p' "$OUT/plan-datasource.log" | sed -n 1p)
hcl_sha=$(sed -n 's/.*sha *= *"\([0-9a-f]\{64\}\)".*/\1/p' "$OUT/plan-hcl.log" | sed -n 1p)
M=$OUT/plans-medians.txt
{
	echo
	echo "1. terraform plan of the full estate (2,000 subnets, 4,000 pools, 50,000 reservations) and of a tenth of it,"
	echo "   $RUNS interleaved runs each (medians; load average $(cut -d' ' -f1-3 /proc/loadavg)):"
	header
	row kea "provider::kea::config" "$M"
	row hcl "pure HCL (jsonencode)" "$M"
	row kea-ds "kea_config data source" "$M"
	row kea-small "provider::kea::config, a tenth" "$M"
	row hcl-small "pure HCL, a tenth" "$M"
	echo "  CPU ratio, function / pure HCL          : $(ratio kea hcl "$M" 3) (issue 12 target: <= 1.5x)"
	echo "  wall ratio, function / pure HCL         : $(ratio kea hcl "$M" 2)"
	echo "  CPU ratio, data source / pure HCL       : $(ratio kea-ds hcl "$M" 3)"
	echo "  CPU ratio at a tenth, function / HCL    : $(ratio kea-small hcl-small "$M" 3) (target: <= 1.5x)"
	echo "  growth, full / tenth, function CPU      : $(ratio kea kea-small "$M" 3) for 10x the estate (target: <= 11x)"
	echo "  growth, full / tenth, pure HCL CPU      : $(ratio hcl hcl-small "$M" 3)"
	awk -v doc="${doc_bytes:-0}" '$1 == "kea" && doc > 0 { printf "  provider peak RSS / document (%.1f MB)  : %.1fx (target: <= 10x)\n", doc / 1e6, $4 * 1048576 / doc }' "$M"
	[[ $ds_sha == "$sha" ]] || echo "  data source sha256 ${ds_sha:-?} differs from the function's: MISMATCH"
	if [[ -n $sha && $sha == "$want_sha" ]]; then
		echo "  output sha256 : $sha (same as Render in go test, and the data source's)"
	else
		echo "  output sha256 : ${sha:-?} (go test rendered ${want_sha:-?}: MISMATCH)"
	fi
	[[ -n $hcl_sha ]] && echo "  (the pure-HCL document differs in form: it checks nothing and orders keys as jsonencode does)"
} | tee -a "$OUT/summary.txt"
[[ -n $sha && $sha == "$want_sha" && $ds_sha == "$sha" ]]

# --- 3,001 resources against the minimal provider ---
NRES=${BENCH_RESOURCES:-1000}
if ((NRES == 0)); then
	exit 0
fi
RESKEA=$OUT/res-kea
RESMIN=$OUT/res-minimal
RESTRIV=$OUT/res-trivial
rm -rf "$RESKEA" "$RESMIN" "$RESTRIV"
shape=(-subnets "$NRES" -pools-per-subnet 1 -hosts-per-subnet 1)
go run ./bench/gen -tf -resources kea "${shape[@]}" -o "$RESKEA"
go run ./bench/gen -tf -resources minimal "${shape[@]}" -o "$RESMIN"
go run ./bench/gen -tf -resources minimal "${shape[@]}" -o "$RESTRIV"
log "building bench/minimal (the state-only baseline provider) into $OUT/minbin"
go build -o "$OUT/minbin/terraform-provider-minimal" ./bench/minimal
cat >"$OUT/res.tfrc" <<CFG
provider_installation {
  dev_overrides {
    "keaform/kea" = "$OUT/bin"
    "bench/minimal" = "$OUT/minbin"
  }
  direct {}
}
CFG
export TF_CLI_CONFIG_FILE=$OUT/res.tfrc
terraform -chdir="$RESKEA" providers schema -json >"$OUT/schema.json"
export MINIMAL_SCHEMA=$OUT/schema.json
# The kea provider turns the SDKs' loggers off when Terraform shows no
# provider logs (main.go); the minimal one gets the same, so that the
# comparison is of the per-resource work alone.
export TF_LOG_SDK=OFF TF_LOG_SDK_PROTO=OFF TF_LOG_SDK_FRAMEWORK=OFF
trivial=name,server,subnet_id,prefix,subnet,range,hw_address,ip_address,hostname
n=$((1 + 3 * NRES))
RRUNS=${BENCH_RESOURCE_RUNS:-1}
log "terraform plan and apply of $n resources, interleaved: kea, minimal (same schemas), minimal (trivial), $RRUNS each"
: >"$OUT/resources.txt"
for ((i = 1; i <= RRUNS; i++)); do
	echo "kea-plan $(plan "$RESKEA" "$OUT/res-kea-plan.log")" >>"$OUT/resources.txt"
	echo "min-plan $(plan "$RESMIN" "$OUT/res-min-plan.log")" >>"$OUT/resources.txt"
	echo "triv-plan $(MINIMAL_ATTRS=$trivial plan "$RESTRIV" "$OUT/res-triv-plan.log")" >>"$OUT/resources.txt"
	echo "kea-apply $(apply "$RESKEA" "$OUT/res-kea-apply.log")" >>"$OUT/resources.txt"
	echo "min-apply $(apply "$RESMIN" "$OUT/res-min-apply.log")" >>"$OUT/resources.txt"
	echo "triv-apply $(MINIMAL_ATTRS=$trivial apply "$RESTRIV" "$OUT/res-triv-apply.log")" >>"$OUT/resources.txt"
done
medians "$OUT/resources.txt" >"$OUT/resources-medians.txt"
M=$OUT/resources-medians.txt
{
	echo
	echo "2. $n resources and one provider::kea::config call over them, against bench/minimal (state only),"
	echo "   $RRUNS interleaved runs each (medians; load average $(cut -d' ' -f1-3 /proc/loadavg)); SDK loggers off in both:"
	header
	row kea-plan "kea: plan" "$M"
	row min-plan "minimal, same schemas: plan" "$M"
	row triv-plan "minimal, trivial resources: plan" "$M"
	row kea-apply "kea: apply" "$M"
	row min-apply "minimal, same schemas: apply" "$M"
	row triv-apply "minimal, trivial resources: apply" "$M"
	echo "  plan CPU, kea / minimal (same schemas)  : $(ratio kea-plan min-plan "$M" 3) (issue 12 target: <= 1.5x)"
	echo "  apply CPU, kea / minimal (same schemas) : $(ratio kea-apply min-apply "$M" 3) (target: <= 1.5x)"
	echo "  plan CPU, kea / minimal (trivial)       : $(ratio kea-plan triv-plan "$M" 3)"
	echo "  apply CPU, kea / minimal (trivial)      : $(ratio kea-apply triv-apply "$M" 3)"
	echo "  provider CPU, kea / minimal (same), plan: $(ratio kea-plan min-plan "$M" 5), apply: $(ratio kea-apply min-apply "$M" 5)"
} | tee -a "$OUT/summary.txt"

# --- where the kea provider's CPU goes, by RPC ---
if [[ ${BENCH_PROFILE:-0} != 1 ]]; then
	exit 0
fi
log "profiling the kea provider over a plan, an apply and a refreshing plan of $n resources (BENCH_PROFILE=1)"
unset TF_LOG_SDK TF_LOG_SDK_PROTO TF_LOG_SDK_FRAMEWORK # as Terraform starts it
rm -f "$OUT/reattach.env" "$OUT/provider.cpu" "$RESKEA/terraform.tfstate"
"$OUT/bin/terraform-provider-kea" -debug -debug-env-file "$OUT/reattach.env" -cpuprofile "$OUT/provider.cpu" >"$OUT/provider-debug.log" 2>&1 &
ppid=$!
for ((i = 0; i < 100; i++)); do
	[[ -s $OUT/reattach.env ]] && break
	sleep 0.1
done
(
	eval "export $(cat "$OUT/reattach.env")"
	unset TF_CLI_CONFIG_FILE
	terraform -chdir="$RESKEA" plan -input=false -no-color -lock=false >"$OUT/profile-plan.log" 2>&1
	terraform -chdir="$RESKEA" apply -auto-approve -input=false -no-color -lock=false >"$OUT/profile-apply.log" 2>&1
	# A plan with state refreshes every resource: ReadResource.
	terraform -chdir="$RESKEA" plan -input=false -no-color -lock=false >"$OUT/profile-refresh.log" 2>&1
)
kill -INT "$ppid"
wait "$ppid" || true
{
	echo
	echo "3. the kea provider's CPU over a plan, an apply and a plan that refreshes them, $n resources, by RPC and in its own code:"
	go tool pprof -top -cum "$OUT/bin/terraform-provider-kea" "$OUT/provider.cpu" 2>/dev/null |
		awk '/^Duration/ { print "  " $0 } /_Provider_[A-Za-z]+_Handler$|keaform\/terraform-provider-kea\/internal\/provider\.\(\*stateResource\)|callConfig$/ { printf "  %8s %7s  %s\n", $4, $5, $6 }'
} | tee -a "$OUT/summary.txt"
