#!/usr/bin/env bash
# stork-e2e.sh - prove rendered Stork env files monitor Kea for real.
#
# Usage: scripts/stork-e2e.sh [--expect-fail] SERVER.env KEA4.json AGENT.env [KEA4.json AGENT.env]...
#
# In a private network namespace, inside the Kea chroot (kea-install.sh:
# Kea, PostgreSQL) with stork-server and stork-agent built from
# ../shared/stork (stork-build.sh):
#   1. PostgreSQL (database and user stork, as Stork's setup-db.sql) and
#      stork-server with SERVER.env (run with --use-env-file).
#   2. For each member, in a pid and mount namespace of its own (the agent
#      finds Kea by scanning /proc, and keeps its certificates in
#      /var/lib/stork-agent): kea-dhcp4 -c KEA4.json and stork-agent with
#      AGENT.env.
#   3. Each agent's Prometheus exporter must serve
#      kea_dhcp4_addresses_assigned_total for every subnet of its document
#      when PER_SUBNET_STATS is true, and no subnet_id series when false.
#   4. Each agent that has STORK_AGENT_SERVER_URL must register: the test
#      logs in as admin (admin/admin, the fresh database's default),
#      authorizes the machine through the REST API, and requires
#      GET /api/daemons to list its dhcp4 daemon as active.
#   5. No program may log "Unknown environment variable" (STORK_LOG_LEVEL's
#      warning aside: Stork applies it) or a fatal error.
# The env files' addresses (server REST host, agent hosts, exporter
# addresses) are given to the namespace.
# --expect-fail: the run must fail (so a broken env file is shown to break
# monitoring, and the test to be able to fail).
# Exit status: 0 passed (or failed as expected), 1 failed, 2 usage or
# infrastructure error, 3 no Stork source (a notice, not a pass).
# The last line printed is "stork-e2e: passed" or "stork-e2e: FAILED".
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$SCRIPT_DIR/.." && pwd)
export KEA_CACHE=${KEA_CACHE:-$REPO/.cache/kea}
TIMEOUT=${STORK_E2E_TIMEOUT:-60}

die() {
	printf 'stork-e2e: ERROR: %s\n' "$*" >&2
	exit 2
}
expect_fail=0
if [[ ${1:-} == --expect-fail ]]; then
	expect_fail=1
	shift
fi
if [[ $# -lt 3 || $(($# % 2)) -ne 1 ]]; then
	sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}" >&2
	exit 2
fi
server_env=$1
shift
[[ $(id -u) -eq 0 ]] || die "must run as root (namespaces, chroot)"
source "$SCRIPT_DIR/stork-lib.sh"
stork_setup stork-e2e "the end-to-end run"

work=$(mktemp -d "$ROOT/tmp/stork-e2e.XXXXXX")
trap '[[ -n ${STORK_E2E_KEEP:-} ]] || rm -rf "$work"' EXIT
cwork=/tmp/${work##*/}
cp "$server_env" "$work/server.env"
n=0
while [[ $# -gt 0 ]]; do
	cp "$1" "$work/kea-$n.json"
	cp "$2" "$work/agent-$n.env"
	n=$((n + 1))
	shift 2
done
chown 70:70 "$work"

cat >"$work/run.sh" <<EOF
set -u
W=$work; C=$cwork; ROOT=$ROOT; N=$n; TIMEOUT=$TIMEOUT
source "$SCRIPT_DIR/stork-lib.sh"
EOF
cat >>"$work/run.sh" <<'EOF'
say() { echo "stork-e2e: $*"; }
pids=()
stop() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null; done; sleep 1; for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done; }
trap stop EXIT
ip link set lo up
ip link add stork0 type veth peer name stork1
ip link set stork0 up; ip link set stork1 up
for a in $( { sed -n 's/^STORK_REST_HOST=//p' "$W/server.env"; sed -n -e 's/^STORK_AGENT_HOST=//p' -e 's/^STORK_AGENT_PROMETHEUS_KEA_EXPORTER_ADDRESS=//p' -e 's|^STORK_AGENT_SERVER_URL=https*://\([0-9.]*\):.*|\1|p' "$W"/agent-*.env; } | sort -u); do
	case $a in 0.0.0.0 | "") ;; *) ip addr add "$a/32" dev stork0 ;; esac
done
pg_start $C/pg || exit 2
trap 'stop; pg_stop $C/pg' EXIT
chroot "$ROOT" /usr/local/bin/stork-server --use-env-file --env-file $C/server.env >"$W/server.log" 2>&1 &
pids+=($!)
host=$(sed -n 's/^STORK_REST_HOST=//p' "$W/server.env"); port=$(sed -n 's/^STORK_REST_PORT=//p' "$W/server.env")
export API="http://${host:-127.0.0.1}:${port:-8080}/api"
for ((t = 0; t < TIMEOUT * 2; t++)); do
	python3 -c 'import os,urllib.request; urllib.request.urlopen(os.environ["API"] + "/version", timeout=1)' 2>/dev/null && break
	kill -0 "${pids[0]}" 2>/dev/null || break
	sleep 0.5
done
if ! python3 -c 'import os,urllib.request; urllib.request.urlopen(os.environ["API"] + "/version", timeout=1)' 2>/dev/null; then
	tail -5 "$W/server.log"; say "FAIL: stork-server does not serve $API"; exit 1
fi
say "stork-server serves $API"
# Each member: Kea and its agent in a pid and mount namespace of their own.
for ((i = 0; i < N; i++)); do
	mkdir -p "$W/run-$i"
	unshare --pid --fork --kill-child --mount sh -c "
		mount -t proc proc '$ROOT/proc'
		mount -t tmpfs tmpfs '$ROOT/var/lib/stork-agent' 2>/dev/null || { mkdir -p '$ROOT/var/lib/stork-agent'; mount -t tmpfs tmpfs '$ROOT/var/lib/stork-agent'; }
		KEA_PIDFILE_DIR=$C/run-$i KEA_LOCKFILE_DIR=$C/run-$i chroot '$ROOT' /usr/sbin/kea-dhcp4 -c $C/kea-$i.json >'$W/kea-$i.log' 2>&1 &
		sleep 1
		exec chroot '$ROOT' /usr/local/bin/stork-agent --use-env-file --env-file $C/agent-$i.env >'$W/agent-$i.log' 2>&1
	" &
	pids+=($!)
done
python3 - "$W" "$N" "$TIMEOUT" <<'PY'
import http.cookiejar, json, os, re, sys, time, urllib.request
W, N, TIMEOUT = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
API = os.environ["API"]
def env(path):
    out = {}
    for line in open(path):
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            k, v = line.split("=", 1)
            out[k] = v
    return out
jar = http.cookiejar.CookieJar()
web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
def call(method, path, body=None):
    req = urllib.request.Request(API + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"})
    with web.open(req, timeout=5) as r:
        text = r.read()
        return json.loads(text) if text else None
failures = []
members = []
for i in range(N):
    a = env(f"{W}/agent-{i}.env")
    doc = json.load(open(f"{W}/kea-{i}.json"))["Dhcp4"]
    subnets = sorted(s["id"] for s in doc.get("subnet4", []) + [s for n in doc.get("shared-networks", []) for s in n.get("subnet4", [])])
    members.append((i, a, subnets))
# 3. The exporters.
for i, a, subnets in members:
    deadline = time.time() + TIMEOUT
    if a.get("STORK_AGENT_LISTEN_STORK_ONLY") == "true":
        continue
    addr = a.get("STORK_AGENT_PROMETHEUS_KEA_EXPORTER_ADDRESS", "0.0.0.0")
    addr = "127.0.0.1" if addr in ("", "0.0.0.0") else addr
    port = a.get("STORK_AGENT_PROMETHEUS_KEA_EXPORTER_PORT", "9547")
    if not port.isdigit():
        # Stork reads the value as it stands: its log says what it made of it.
        failures.append(f"member {i}: the exporter port {port!r} is not a number")
        continue
    url = f"http://{addr}:{port}/metrics"
    per_subnet = a.get("STORK_AGENT_PROMETHEUS_KEA_EXPORTER_PER_SUBNET_STATS", "true").lower() in ("true", "1", "t")
    got, body = set(), ""
    while time.time() < deadline:
        try:
            body = urllib.request.urlopen(url, timeout=2).read().decode()
        except OSError:
            body = ""
        got = set(int(m) for m in re.findall(r'^kea_dhcp4_addresses_assigned_total\{[^}]*subnet_id="(\d+)"', body, re.M))
        # Kea's global statistics reached the exporter.
        total = re.search(r'^kea_dhcp4_global4_cumulative_addresses_assigned_total ', body, re.M) is not None
        if total and (not per_subnet or got >= set(subnets)):
            break
        time.sleep(1)
    per = "kea_dhcp4_addresses_assigned_total" in body
    if not total:
        failures.append(f"member {i}: {url} serves no Kea statistics (no kea_dhcp4_global4_cumulative_addresses_assigned_total)")
    elif per_subnet and got != set(subnets):
        failures.append(f"member {i}: {url} serves kea_dhcp4_addresses_assigned_total for subnets {sorted(got)}, want {subnets}")
    elif not per_subnet and per:
        failures.append(f"member {i}: {url}: per-subnet stats are off, but it serves kea_dhcp4_addresses_assigned_total (subnets {sorted(got)})")
    elif per_subnet:
        print(f"stork-e2e: member {i}: {url} serves kea_dhcp4_addresses_assigned_total for subnets {sorted(got)}")
    else:
        print(f"stork-e2e: member {i}: {url} serves Kea's global statistics and no kea_dhcp4_addresses_assigned_total (per-subnet stats off)")
# 4. Registration, authorization, daemons.
want = [(i, a) for i, a, _ in members if a.get("STORK_AGENT_SERVER_URL")]
if want:
    call("POST", "/sessions", {"authenticationMethodId": "internal", "identifier": "admin", "secret": "admin"})
    hosts = {a["STORK_AGENT_HOST"]: i for i, a in want}
    active, machine_addr = {}, {}
    deadline = time.time() + TIMEOUT
    while time.time() < deadline and len(active) < len(want):
        machines = (call("GET", "/machines?start=0&limit=100") or {}).get("items") or []
        unauth = (call("GET", "/machines?start=0&limit=100&authorized=false") or {}).get("items") or []
        for m in {m["id"]: m for m in machines + unauth}.values():
            if m.get("address") not in hosts:
                continue
            machine_addr[m["id"]] = m["address"]
            if not m.get("authorized"):
                call("PUT", f"/machines/{m['id']}", {"address": m["address"], "agentPort": m["agentPort"], "authorized": True})
                print(f"stork-e2e: authorized machine {m['id']} ({m['address']}:{m['agentPort']})")
            try:
                call("GET", f"/machines/{m['id']}/state")
            except OSError:
                pass
        for d in (call("GET", "/daemons?start=0&limit=100") or {}).get("items") or []:
            addr = machine_addr.get(d.get("machineId"), "")
            if d.get("name") == "dhcp4" and d.get("active") and addr in hosts:
                active[addr] = d.get("version")
        time.sleep(1)
    for h, i in hosts.items():
        if h in active:
            print(f"stork-e2e: member {i}: GET /api/daemons lists dhcp4 {active[h]} on {h} as active")
        else:
            failures.append(f"member {i}: GET /api/daemons does not list an active dhcp4 daemon on {h}: machines {[(m.get('address'), m.get('authorized')) for m in (call('GET', '/machines?start=0&limit=100') or {}).get('items') or []]}, daemons {[(d.get('name'), d.get('active'), d.get('machineId')) for d in (call('GET', '/daemons?start=0&limit=100') or {}).get('items') or []]}")
# 5. The logs (after the agents had their chance to start).
time.sleep(1)
for name in ["server.log"] + [f"agent-{i}.log" for i in range(N)]:
    try:
        text = open(f"{W}/{name}").read()
    except OSError as e:
        failures.append(f"{name}: {e}")
        continue
    for m in re.findall(r'level="fatal" msg="[^"]*"|msg="Unknown environment variable: [^"]*"|msg="[^"]*has invalid log level[^"]*"', text):
        if "'STORK_LOG_LEVEL' in the environment file" not in m:
            failures.append(f"{name}: {m}")
for f in failures:
    print("stork-e2e: FAIL " + f)
sys.exit(1 if failures else 0)
PY
status=$?
if [[ $status -ne 0 ]]; then
	for f in "$W"/agent-*.log "$W/server.log"; do
		echo "--- tail of ${f##*/}"
		grep -v 'level="debug"' "$f" | tail -5 | cut -c1-300
	done
fi
exit $status
EOF
rc=0
unshare --net --mount bash "$work/run.sh" || rc=$?
if [[ $expect_fail -eq 1 ]]; then
	if [[ $rc -eq 1 ]]; then
		echo "stork-e2e: failed, as expected"
		echo "stork-e2e: passed"
		exit 0
	fi
	echo "stork-e2e: the run passed, but it was expected to fail"
	echo "stork-e2e: FAILED"
	exit 1
fi
if [[ $rc -eq 0 ]]; then
	echo "stork-e2e: passed"
	exit 0
fi
echo "stork-e2e: FAILED"
[[ $rc -eq 1 ]] && exit 1
exit 2
