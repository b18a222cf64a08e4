#!/usr/bin/env bash
# ha-pair.sh - prove that two Kea 3.0 DHCPv4 documents form a working HA pair.
#
# Usage: scripts/ha-pair.sh PRIMARY.json SECONDARY.json EXPECTED_STATE
#   e.g. scripts/ha-pair.sh a.json b.json hot-standby
#
# Creates two network namespaces joined by one veth pair, runs
# `kea-dhcp4 -c` for each document inside its namespace and inside the
# Kea chroot (scripts/kea-install.sh), and polls both daemons' status-get
# over their unix control sockets (at most HA_PAIR_TIMEOUT seconds, default
# 60, once a second) until both report EXPECTED_STATE. Always tears down;
# HA_PAIR_KEEP_LOGS=DIR keeps the two daemons' logs (server-0/1.log) there.
#
# What each document must contain (plain JSON, top-level "Dhcp4"):
#   - hooks-libraries[] with libdhcp_ha.so whose parameters.high-availability[0]
#     has this-server-name and peers[] with name and url; this server's URL
#     host must be an IPv4 address in 198.18.0.0/15 (the two must differ).
#     It is given (as /15) to the veth end in the document's namespace.
#   - interfaces-config.interfaces: ["*"] or ONE name (optionally name/addr),
#     which becomes the name of the veth end in that namespace ("*": ha0).
#   - control-sockets[] (or control-socket) of socket-type unix; socket-name
#     distinct between the two documents (relative names are under /run/kea).
#   - no lease/log/pid files outside the chroot; use memfile persist false.
# Exit status: 0 passed, 1 failed, 2 usage or infrastructure error.
# The last line printed is always "ha-pair: N passed, M failed".
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$SCRIPT_DIR/.." && pwd)
export KEA_CACHE=${KEA_CACHE:-$REPO/.cache/kea}
TIMEOUT=${HA_PAIR_TIMEOUT:-60}

log() { printf 'ha-pair: %s\n' "$*"; }
die() {
	printf 'ha-pair: ERROR: %s\n' "$*" >&2
	exit 2
}
if [[ $# -ne 3 ]]; then
	sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}" >&2
	exit 2
fi
docs=("$1" "$2")
expected=$3

passed=0 tmp="" pids=() nss=() socks=()
# shellcheck disable=SC2317 # invoked by the EXIT trap
cleanup() {
	local rc=$? pid i ns s
	trap - EXIT INT TERM
	for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
	for pid in "${pids[@]}"; do
		for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	for ns in "${nss[@]}"; do ip netns del "$ns" 2>/dev/null || true; done
	for s in "${socks[@]}"; do rm -f "$ROOT$s" "$ROOT$s.lock"; done
	if [[ -n $tmp ]]; then
		[[ -n ${HA_PAIR_KEEP_LOGS:-} ]] && mkdir -p "$HA_PAIR_KEEP_LOGS" && cp "$tmp"/*.log "$HA_PAIR_KEEP_LOGS"/
		rm -rf "$tmp"
	fi
	printf 'ha-pair: %d passed, %d failed\n' "$passed" $((1 - passed))
	[[ $passed -eq 1 ]] && exit 0
	[[ $rc -eq 0 || $rc -eq 1 ]] && exit 1
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

[[ $(id -u) -eq 0 ]] || die "must run as root (netns, chroot)"
command -v ip >/dev/null || die "'ip' (iproute2) is required"
ROOT=$("$SCRIPT_DIR/kea-install.sh") || die "Kea could not be installed"
# Shared lock: kea-install must not swap the chroot away; exclusive lock: two
# ha-pair runs must not share control socket names in the one chroot.
exec 8>"$KEA_CACHE/.lock" 9>"$KEA_CACHE/ha-pair.lock"
if command -v flock >/dev/null; then flock -s 8 && flock 9; fi

# doc_info FILE: prints "HOST SOCKET IFACE..." or an error on stderr.
doc_info() {
	python3 - "$1" <<'PY'
import ipaddress, json, sys
from urllib.parse import urlparse
f = sys.argv[1]
def fail(msg):
    sys.exit(f"{f}: {msg}")
try:
    d4 = json.load(open(f))["Dhcp4"]
    ha = next(h["parameters"]["high-availability"][0] for h in d4.get("hooks-libraries", [])
              if h.get("library", "").endswith("libdhcp_ha.so"))
    me = ha["this-server-name"]
    url = next(p["url"] for p in ha["peers"] if p["name"] == me)
except (OSError, ValueError, KeyError, IndexError, StopIteration, TypeError) as e:
    fail(f"not a Dhcp4 HA document ({type(e).__name__}: {e})")
host = urlparse(url).hostname or ""
try:
    ok = ipaddress.ip_address(host) in ipaddress.ip_network("198.18.0.0/15")
except ValueError:
    ok = False
if not ok:
    fail(f"this server's URL {url} is not an IPv4 address in 198.18.0.0/15")
socks = d4.get("control-sockets") or [d4.get("control-socket") or {}]
sock = next((s.get("socket-name") for s in socks if s.get("socket-type") == "unix"), None)
if not sock:
    fail("no unix control socket (control-sockets[].socket-name)")
if not sock.startswith("/"):
    sock = "/run/kea/" + sock
ifs = [i.split("/")[0] for i in d4.get("interfaces-config", {}).get("interfaces", [])]
ifs = [i for i in ifs if i and i != "*"] or ["ha0"]
print(host, sock, *ifs)
PY
}

tmp=$(mktemp -d "$ROOT/tmp/ha-pair.XXXXXX")
ctmp=/tmp/${tmp##*/}
hosts=() ifaces=()
for i in 0 1; do
	info=$(doc_info "${docs[i]}") || die "cannot use ${docs[i]}"
	read -r host sock iface extra <<<"$info"
	[[ -z $extra ]] || die "${docs[i]}: names several interfaces ($iface $extra); use one (or \"*\")"
	hosts+=("$host") socks+=("$sock") ifaces+=("$iface")
	cp "${docs[i]}" "$tmp/server-$i.json"
done
[[ ${hosts[0]} != "${hosts[1]}" ]] || die "both documents use the address ${hosts[0]}"
[[ ${socks[0]} != "${socks[1]}" ]] || die "both documents use the control socket ${socks[0]}"

nss=("ha-pair-$$-a" "ha-pair-$$-b")
for ns in "${nss[@]}"; do ip netns add "$ns"; done
ip link add "${ifaces[0]}" netns "${nss[0]}" type veth peer name "${ifaces[1]}" netns "${nss[1]}"
for i in 0 1; do
	ns=${nss[i]}
	ip -n "$ns" link set lo up
	ip -n "$ns" addr add "${hosts[i]}/15" dev "${ifaces[i]}"
	ip -n "$ns" link set "${ifaces[i]}" up
done
# Kea opens DHCP sockets only on RUNNING interfaces, and does not retry: wait
# (at most 5 s) for operstate UP (IFF_RUNNING), which lags "up" and carrier.
for ((t = 0; t < 50; t++)); do
	[[ $(ip -n "${nss[0]}" -o link show "${ifaces[0]}") == *'state UP'* &&
		$(ip -n "${nss[1]}" -o link show "${ifaces[1]}") == *'state UP'* ]] && break
	sleep 0.1
done
for i in 0 1; do
	ns=${nss[i]}
	# Kea refuses to start while a stale socket of that name is locked.
	rm -f "$ROOT${socks[i]}" "$ROOT${socks[i]}.lock"
	log "server $((i + 1)): ${docs[i]} in netns $ns on ${ifaces[i]} ${hosts[i]}, socket ${socks[i]}"
	ip netns exec "$ns" env KEA_PIDFILE_DIR="$ctmp" KEA_LOCKFILE_DIR="$ctmp" \
		chroot "$ROOT" /usr/sbin/kea-dhcp4 -c "$ctmp/server-$i.json" >"$tmp/server-$i.log" 2>&1 &
	pids+=($!)
done

# ha_state SOCKET: prints the local HA state reported by status-get, or a
# placeholder in angle brackets when the daemon does not answer.
ha_state() {
	python3 - "$1" <<'PY'
import json, socket, sys
try:
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(2)
    s.connect(sys.argv[1])
    s.sendall(b'{"command":"status-get"}')
    buf = b""
    while chunk := s.recv(65536):  # until the peer closes or the JSON parses
        buf += chunk
        try:
            json.loads(buf)
            break
        except ValueError:
            pass
    reply = json.loads(buf)
    print(reply["arguments"]["high-availability"][0]["ha-servers"]["local"]["state"])
except (OSError, ValueError, KeyError, IndexError, TypeError) as e:
    print(f"<{type(e).__name__}>")
PY
}

start=$SECONDS
states=("<none>" "<none>")
while :; do
	for i in 0 1; do
		kill -0 "${pids[i]}" 2>/dev/null || { states[i]="<exited>"; continue; }
		s=$(ha_state "$ROOT${socks[i]}")
		if [[ $s != "${states[i]}" ]]; then
			log "$((SECONDS - start))s server $((i + 1)): ${states[i]} -> $s"
			states[i]=$s
		fi
	done
	if [[ ${states[0]} == "$expected" && ${states[1]} == "$expected" ]]; then
		log "both servers reached $expected after $((SECONDS - start))s"
		if grep -h 'DHCPSRV_OPEN_SOCKET_FAIL\|DHCPSRV_NO_SOCKETS_OPEN' "$tmp"/server-*.log; then
			log "FAIL: a server opened no DHCP socket (see above)"
			exit 1
		fi
		passed=1
		exit 0
	fi
	if [[ ${states[0]} == "<exited>" || ${states[1]} == "<exited>" || $((SECONDS - start)) -ge $TIMEOUT ]]; then
		break
	fi
	sleep 1
done
log "FAIL: wanted $expected on both; last states: server 1 ${states[0]}, server 2 ${states[1]} after $((SECONDS - start))s"
for i in 0 1; do
	printf -- '--- tail of server %d log (%s)\n' $((i + 1)) "${docs[i]}"
	grep -v "Received command 'status-get'" "$tmp/server-$i.log" | tail -n 25 || true
done
exit 1
