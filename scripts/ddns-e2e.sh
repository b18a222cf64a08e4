#!/usr/bin/env bash
# ddns-e2e.sh - prove that rendered documents update DNS for real: a lease
# handed out by kea-dhcp4 becomes A and PTR records in BIND 9, sent by
# kea-dhcp-ddns (D2) and signed with the document's TSIG key.
#
# Usage: scripts/ddns-e2e.sh DHCP4.json EXPECT:D2.json...
#   EXPECT is "records" (the A and PTR records must appear, for a client
#   that sends a host name) or "none" (no record may appear, and named must
#   have refused D2's update for its TSIG signature).
#   e.g. scripts/ddns-e2e.sh s.kea4.json records:good.d2.json none:wrong.d2.json
#
# Everything runs in the Kea chroot (scripts/kea-install.sh, which also
# installs named, dig and busybox from Debian's archive) and in two network
# namespaces joined by a veth pair: the server side (srv0: 192.0.2.1/24 for
# kea-dhcp4, 192.0.2.53 for named, 127.0.0.1 for D2) and the client side
# (cli0, busybox udhcpc sending a host name, option 12).
#
# named is configured from the documents: every zone of the first "records"
# document's forward-ddns and reverse-ddns, served on 192.0.2.53 and
# updatable with every TSIG key of the "records" documents (so a "none"
# document that reuses a key name with another secret is refused). For
# each D2 document in turn, named starts with fresh zones, then D2 and
# kea-dhcp4, a client gets a lease, and dig reads the records back.
#
# The DHCPv4 document must listen on srv0 and send to D2 on 127.0.0.1, and
# its qualifying suffix must put names in the forward zone.
# Exit status: 0 passed, 1 failed, 2 usage or infrastructure error. The
# last line printed is always "ddns-e2e: N passed, M failed".
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$SCRIPT_DIR/.." && pwd)
export KEA_CACHE=${KEA_CACHE:-$REPO/.cache/kea}
TIMEOUT=${DDNS_E2E_TIMEOUT:-20}

log() { printf 'ddns-e2e: %s\n' "$*"; }
die() {
	printf 'ddns-e2e: ERROR: %s\n' "$*" >&2
	exit 2
}
if [[ $# -lt 2 ]]; then
	sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}" >&2
	exit 2
fi
dhcp4=$1
shift
runs=("$@")

passed=0 failed=0 tmp="" pids=() nss=()
stop_all() {
	local pid i
	for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
	for pid in "${pids[@]}"; do
		for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	pids=()
}
# shellcheck disable=SC2317 # invoked by the EXIT trap
cleanup() {
	local rc=$? ns
	trap - EXIT INT TERM
	stop_all
	for ns in "${nss[@]}"; do ip netns del "$ns" 2>/dev/null || true; done
	[[ -n $tmp ]] && rm -rf "$tmp"
	printf 'ddns-e2e: %d passed, %d failed\n' "$passed" "$failed"
	[[ $rc -eq 0 && $failed -eq 0 && $passed -gt 0 ]] && exit 0
	[[ $rc -eq 0 || $rc -eq 1 ]] && exit 1
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

[[ $(id -u) -eq 0 ]] || die "must run as root (netns, chroot)"
command -v ip >/dev/null || die "'ip' (iproute2) is required"
ROOT=$("$SCRIPT_DIR/kea-install.sh") || die "Kea could not be installed"
for p in /usr/sbin/named /usr/bin/dig /usr/bin/busybox /usr/sbin/kea-dhcp-ddns; do
	[[ -x $ROOT$p ]] || die "$p is missing in the chroot $ROOT"
done
# Shared lock: kea-install must not swap the chroot away; exclusive lock:
# one run at a time owns the D2 port and the socket names in the chroot.
exec 8>"$KEA_CACHE/.lock" 9>"$KEA_CACHE/ddns-e2e.lock"
if command -v flock >/dev/null; then flock -s 8 && flock 9; fi

tmp=$(mktemp -d "$ROOT/tmp/ddns-e2e.XXXXXX")
ctmp=/tmp/${tmp##*/}
cp "$dhcp4" "$tmp/kea4.json"
records=()
for i in "${!runs[@]}"; do
	expect=${runs[i]%%:*} doc=${runs[i]#*:}
	[[ $expect == records || $expect == none ]] || die "${runs[i]}: give records:FILE or none:FILE"
	[[ -r $doc ]] || die "cannot read $doc"
	cp "$doc" "$tmp/d2-$i.json"
	[[ $expect == records ]] && records+=("$tmp/d2-$i.json")
done
[[ ${#records[@]} -gt 0 ]] || die "no records:FILE run: named's keys and zones come from those documents"

# named.conf and the zone files, from the "records" documents.
python3 - "$tmp" "${records[@]}" <<'PY' || die "cannot build named's configuration"
import json, os, sys
tmp, docs = sys.argv[1], sys.argv[2:]
keys, zones = {}, []
for f in docs:
    d2 = json.load(open(f))["DhcpDdns"]
    for k in d2.get("tsig-keys", []):
        alg = k["algorithm"].lower()
        if k.get("digest-bits"):
            alg += "-%d" % k["digest-bits"]
        keys[k["name"]] = (alg, k["secret"])
    if not zones:
        for direction in ("forward-ddns", "reverse-ddns"):
            for dom in d2[direction]["ddns-domains"]:
                srv = dom["dns-servers"][0]
                if srv["ip-address"] != "192.0.2.53" or srv.get("port", 53) != 53:
                    sys.exit(f"{f}: zone {dom['name']} is served by {srv}; this test serves it on 192.0.2.53:53")
                zones.append(dom["name"])
conf = ['options { directory "%s"; pid-file none; session-keyfile none; listen-on port 53 { 192.0.2.53; }; '
        'listen-on-v6 { none; }; recursion no; notify no; dnssec-validation no; };' % ("/tmp/" + os.path.basename(tmp) + "/named"),
        'controls { };']
for name, (alg, secret) in sorted(keys.items()):
    conf.append('key "%s" { algorithm %s; secret "%s"; };' % (name, alg, secret))
grants = " ".join('key "%s";' % n for n in sorted(keys))
for z in zones:
    conf.append('zone "%s" { type primary; file "%s.db"; allow-update { %s }; };' % (z, z.rstrip("."), grants))
open(os.path.join(tmp, "named.conf"), "w").write("\n".join(conf) + "\n")
open(os.path.join(tmp, "zones"), "w").write("\n".join(zones) + "\n")
PY
mapfile -t zones <"$tmp/zones"
new_zones() {
	rm -rf "$tmp/named"
	mkdir -p "$tmp/named"
	local z
	for z in "${zones[@]}"; do
		printf '$TTL 300\n@ IN SOA ns.invalid. admin.invalid. 1 3600 600 86400 300\n@ IN NS ns.invalid.\n' >"$tmp/named/${z%.}.db"
	done
}
printf '#!/usr/bin/busybox sh\nexit 0\n' >"$tmp/udhcpc.script"
chmod 755 "$tmp/udhcpc.script"

nss=("ddns-e2e-$$-srv" "ddns-e2e-$$-cli")
for ns in "${nss[@]}"; do ip netns add "$ns"; done
ip link add srv0 netns "${nss[0]}" type veth peer name cli0 netns "${nss[1]}"
for ns in "${nss[@]}"; do ip -n "$ns" link set lo up; done
ip -n "${nss[0]}" addr add 192.0.2.1/24 dev srv0
ip -n "${nss[0]}" addr add 192.0.2.53/24 dev srv0
ip -n "${nss[0]}" link set srv0 up
ip -n "${nss[1]}" link set cli0 up
for ((t = 0; t < 50; t++)); do
	[[ $(ip -n "${nss[0]}" -o link show srv0) == *'state UP'* ]] && break
	sleep 0.1
done

in_srv() { ip netns exec "${nss[0]}" env KEA_PIDFILE_DIR="$ctmp" KEA_LOCKFILE_DIR="$ctmp" chroot "$ROOT" "$@"; }
# spawn LOG PROGRAM ARGS...: start a daemon in the server namespace. The
# background job is ip itself, which execs env, chroot and the daemon, so
# the pid recorded is the daemon's.
spawn() {
	local out=$1
	shift
	ip netns exec "${nss[0]}" env KEA_PIDFILE_DIR="$ctmp" KEA_LOCKFILE_DIR="$ctmp" chroot "$ROOT" "$@" >"$out" 2>&1 &
	pids+=($!)
}
dig_short() { in_srv /usr/bin/dig +short +time=1 +tries=1 @192.0.2.53 "$@" 2>/dev/null || true; }

# run I EXPECT: one D2 document through the whole path.
run() {
	local i=$1 expect=$2 host=host-$1 lease="" a="" ptr="" t out rev
	new_zones
	spawn "$tmp/named-$i.log" /usr/sbin/named -g -c "$ctmp/named.conf"
	for ((t = 0; t < 50; t++)); do
		[[ -n $(dig_short SOA "${zones[0]}") ]] && break
		sleep 0.2
	done
	[[ -n $(dig_short SOA "${zones[0]}") ]] || { tail -20 "$tmp/named-$i.log"; log "FAIL run $i: named did not serve ${zones[0]}"; return 1; }
	spawn "$tmp/d2-$i.log" /usr/sbin/kea-dhcp-ddns -c "$ctmp/d2-$i.json"
	rm -f "$ROOT/run/kea/kea4-e2e-socket" "$ROOT/run/kea/kea4-e2e-socket.lock"
	spawn "$tmp/kea4-$i.log" /usr/sbin/kea-dhcp4 -c "$ctmp/kea4.json"
	for ((t = 0; t < 50; t++)); do
		grep -qs DHCP4_STARTED "$tmp/kea4-$i.log" && grep -qs DHCP_DDNS_STARTED "$tmp/d2-$i.log" && break
		sleep 0.2
	done
	out=$(ip netns exec "${nss[1]}" chroot "$ROOT" /usr/bin/busybox udhcpc -i cli0 -f -q -n -t 5 -T 1 \
		-s "$ctmp/udhcpc.script" -x "hostname:$host" 2>&1) || true
	lease=$(sed -n 's/.*lease of \([0-9.]*\) obtained.*/\1/p' <<<"$out" | head -1)
	if [[ -z $lease ]]; then
		printf '%s\n' "$out"
		tail -20 "$tmp/kea4-$i.log"
		log "FAIL run $i: the client got no lease"
		return 1
	fi
	IFS=. read -r o1 o2 o3 o4 <<<"$lease"
	rev=$o4.$o3.$o2.$o1.in-addr.arpa.
	local fqdn=$host.${zones[0]}
	for ((t = 0; t < TIMEOUT * 2; t++)); do
		a=$(dig_short A "$fqdn")
		ptr=$(dig_short PTR "$rev")
		if [[ $expect == records ]]; then
			[[ -n $a && -n $ptr ]] && break
		elif grep -q 'DHCP_DDNS_ADD_FAILED\|DHCP_DDNS_FORWARD_ADD_RESP_CORRUPT' "$tmp/d2-$i.log"; then
			sleep 1 # let a late update land, if one were sent
			a=$(dig_short A "$fqdn") ptr=$(dig_short PTR "$rev")
			break
		fi
		sleep 0.5
	done
	if [[ $expect == records ]]; then
		if [[ $a == "$lease" && $ptr == "$fqdn" ]]; then
			log "run $i ok: lease $lease -> $fqdn A $a, $rev PTR $ptr (signed with $(grep -o '"algorithm": "[A-Z0-9-]*"\|"digest-bits": [0-9]*' "$tmp/d2-$i.json" | tr -d '"' | paste -sd' ' -))"
			return 0
		fi
		log "FAIL run $i: lease $lease: A $fqdn = '${a}', PTR $rev = '${ptr}'"
	else
		if [[ -z $a && -z $ptr ]] && grep -q 'tsig verify failure' "$tmp/named-$i.log"; then
			log "run $i ok: lease $lease, named refused the update ($(grep -o 'tsig verify failure ([A-Z]*)' "$tmp/named-$i.log" | head -1)), no records"
			return 0
		fi
		log "FAIL run $i: wanted no records and a TSIG refusal; A '${a}', PTR '${ptr}'"
	fi
	printf -- '--- tail of D2 log\n'
	tail -15 "$tmp/d2-$i.log"
	printf -- '--- tail of named log\n'
	tail -15 "$tmp/named-$i.log"
	return 1
}

for i in "${!runs[@]}"; do
	log "run $i: ${runs[i]#*:} (expect ${runs[i]%%:*}) with $dhcp4"
	if run "$i" "${runs[i]%%:*}"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
	fi
	stop_all
done
[[ $failed -eq 0 ]]
