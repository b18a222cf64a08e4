#!/usr/bin/env bash
# kea-check.sh - validate Kea config files with the real Kea 3.0 daemons.
#
# Usage: scripts/kea-check.sh [-v] [--expect-fail] FILE...
#
# For each FILE the daemon is chosen from its top-level key(s), by the
# document-kind table of internal/kea (go run ./scripts/dockinds): Dhcp4 ->
# kea-dhcp4 -T, Dhcp6 -> kea-dhcp6 -T, and so on (-T loads hooks, which -t
# does not; kea-dhcp-ddns has -t only). A file with several of these keys is
# checked by each matching daemon.
# The file is copied into a per-run directory under the chroot's /tmp and
# checked with `chroot $KEA_CACHE/root <daemon> -T /tmp/...`.
#
# Default mode: prints "ok FILE" for an accepted file, or Kea's output and
#   "FAIL FILE" for a rejected one; exits 1 if any file was rejected.
# --expect-fail: every FILE must be REJECTED by Kea. Prints Kea's error
#   lines and "rejected FILE", or "FAIL FILE (accepted, expected rejection)";
#   exits 1 if any file was accepted.
# -v: also print Kea's full output for accepted files / rejections.
#
# Exit status: 0 success, 1 check failure, 2 usage or infrastructure error
# (Kea not installable, unreadable file, unknown top-level key, daemon
# crashed or could not be executed). Never skips silently.
# Runs scripts/kea-install.sh first (a few hundred ms when cached).
# Environment: KEA_CACHE (see kea-install.sh).
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$SCRIPT_DIR/.." && pwd)
export KEA_CACHE=${KEA_CACHE:-$REPO/.cache/kea}

err() { printf 'kea-check: ERROR: %s\n' "$*" >&2; }
usage() {
	sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}" >&2
}

expect_fail=0
verbose=0
files=()
while [[ $# -gt 0 ]]; do
	case $1 in
	--expect-fail) expect_fail=1 ;;
	-v | --verbose) verbose=1 ;;
	-h | --help)
		usage
		exit 0
		;;
	--)
		shift
		files+=("$@")
		break
		;;
	-*)
		usage
		err "unknown option: $1"
		exit 2
		;;
	*) files+=("$1") ;;
	esac
	shift
done
if [[ ${#files[@]} -eq 0 ]]; then
	usage
	err "no FILE given"
	exit 2
fi

if ! ROOT=$("$SCRIPT_DIR/kea-install.sh"); then
	err "Kea could not be installed (see kea-install messages above); refusing to skip the check"
	exit 2
fi
[[ -x $ROOT/usr/sbin/kea-dhcp4 ]] || {
	err "kea-install.sh returned '$ROOT' which has no usr/sbin/kea-dhcp4"
	exit 2
}

# Hold a shared lock so a concurrent kea-install rebuild cannot swap the
# chroot away mid-check.
exec 9>"$KEA_CACHE/.lock"
if command -v flock >/dev/null 2>&1; then
	flock -s 9
fi

# The JSON document kinds: top-level key -> "daemon flag".
declare -A check_of=()
while IFS=$'\t' read -r name format _ _ check _; do
	[[ $format == json ]] && check_of[$name]=$check
done < <(cd "$REPO" && go run ./scripts/dockinds)
if [[ ${#check_of[@]} -eq 0 ]]; then
	err "could not read the document-kind table (go run ./scripts/dockinds)"
	exit 2
fi
key_pattern=$(IFS='|'; echo "${!check_of[*]}")

# Prints the top-level Kea sections of file $1, one per line.
top_level_keys() {
	local f=$1
	if command -v jq >/dev/null 2>&1 && jq -r 'keys_unsorted[]' "$f" 2>/dev/null; then
		return 0
	fi
	if command -v python3 >/dev/null 2>&1 &&
		python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))))' "$f" 2>/dev/null; then
		return 0
	fi
	# Not plain JSON (Kea accepts comments): fall back to grep.
	grep -oE "\"($key_pattern)\"[[:space:]]*:" "$f" | grep -oE "$key_pattern" | sort -u
}

# Files the documents under test refer to and Kea opens while checking
# (password files of control sockets, ...) stand in scripts/testdata/kea-root,
# laid over the chroot as they would be on a Kea host.
if [[ -d $REPO/scripts/testdata/kea-root ]]; then
	cp -r "$REPO/scripts/testdata/kea-root/." "$ROOT/"
fi
# Documents with TLS name /etc/kea/tls/{ca.pem,kea.pem,kea.key}; Kea's HA
# hook loads them when it checks. Test-only material, made once per chroot
# (no key is kept in the repository).
tls_dir=$ROOT/etc/kea/tls
if [[ ! -s $tls_dir/kea.key ]]; then
	command -v openssl >/dev/null 2>&1 || { err "openssl is needed to make test TLS files"; exit 2; }
	mkdir -p "$tls_dir"
	(
		cd "$tls_dir"
		openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=kea-test-ca" \
			-keyout ca.key -out ca.pem >/dev/null 2>&1
		openssl req -newkey rsa:2048 -nodes -subj "/CN=kea-test" -keyout kea.key -out kea.csr >/dev/null 2>&1
		printf 'subjectAltName=IP:127.0.0.1,IP:::1,IP:198.18.0.1,IP:198.18.0.2,IP:198.18.0.3,IP:2001:db8::1,IP:2001:db8::2,IP:2001:db8::3\nextendedKeyUsage=serverAuth,clientAuth\n' >ext.cnf
		openssl x509 -req -in kea.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 3650 \
			-extfile ext.cnf -out kea.pem >/dev/null 2>&1
		rm -f kea.csr ext.cnf ca.srl
	) || { err "could not make test TLS files in $tls_dir"; exit 2; }
fi

run_dir=$(mktemp -d "$ROOT/tmp/kea-check.XXXXXX")
netns=""
cleanup() {
	rm -rf "$run_dir"
	if [[ -n $netns ]]; then ip netns del "$netns" 2>/dev/null || true; fi
}
trap cleanup EXIT

# doc_interfaces FILE: the interface names a Dhcp4/Dhcp6 document names
# (interfaces-config.interfaces without "*", and the interface of each
# subnet and shared network), one "name [address]" a line.
doc_interfaces() {
	python3 - "$1" "${!check_of[@]}" <<'PY'
import json, re, sys
# Kea's dialect: comments (#, //, /* */) outside strings, and numbers
# written without their leading zero (.5).
text = re.sub(r'"(?:\\.|[^"\\])*"|#[^\n]*|//[^\n]*|/\*.*?\*/',
              lambda m: m.group(0) if m.group(0).startswith('"') else "",
              open(sys.argv[1]).read(), flags=re.S)
text = re.sub(r'([:,\[]\s*-?)\.(\d)', r'\g<1>0.\2', text)
try:
    doc = json.loads(text)
except ValueError:
    sys.exit(0)
names = set()
for top in sys.argv[2:]:
    conf = doc.get(top) or {}
    ifc = conf.get("interfaces-config") or {}
    for i in ifc.get("interfaces") or []:
        name, _, addr = i.partition("/")
        if name and name != "*":
            names.add((name + " " + addr).strip())
    # Subnets and shared networks name the interface of their link too.
    links = list(conf.get("shared-networks") or [])
    for n in list(links):
        links += n.get("subnet4") or []
        links += n.get("subnet6") or []
    links += conf.get("subnet4") or []
    links += conf.get("subnet6") or []
    for l in links:
        if isinstance(l, dict) and isinstance(l.get("interface"), str) and l["interface"]:
            names.add(l["interface"])
print("\n".join(sorted(names)))
PY
}

# Kea checks that listed interfaces exist. A document naming real interfaces
# (eth1, ...) is checked in a network namespace of its own holding veth
# interfaces of those names, so the check does not depend on this host.
# with_interfaces NAME...: make the namespace and print the command prefix.
with_interfaces() {
	if ! command -v ip >/dev/null 2>&1; then
		apt-get install -y -qq iproute2 >/dev/null 2>&1 || true
	fi
	command -v ip >/dev/null 2>&1 || {
		err "the document names interfaces ($*), and checking it needs 'ip' (iproute2) to create them in a network namespace"
		return 1
	}
	netns=kea-check-$$-$n
	ip netns add "$netns"
	local i=0 entry name addr
	for entry in "$@"; do
		read -r name addr <<<"$entry"
		i=$((i + 1))
		if ! ip -n "$netns" link show "$name" >/dev/null 2>&1; then
			ip -n "$netns" link add "$name" type veth peer name "kcpeer$i" &&
				ip -n "$netns" link set "$name" up || {
				err "could not create interface $name in namespace $netns"
				return 1
			}
		fi
		if [[ -n $addr ]]; then
			local plen=32
			[[ $addr == *:* ]] && plen=128
			ip -n "$netns" addr add "$addr/$plen" dev "$name" || {
				err "could not give $name the address $addr in namespace $netns"
				return 1
			}
		fi
	done
}
chroot_dir=/tmp/${run_dir##*/}

failures=0
errors=0
n=0
for file in "${files[@]}"; do
	if [[ ! -f $file || ! -r $file ]]; then
		err "cannot read $file"
		errors=$((errors + 1))
		continue
	fi
	n=$((n + 1))
	base=$(basename "$file")
	base=${base//[^A-Za-z0-9._-]/_}
	cp "$file" "$run_dir/$n-$base"
	target=$chroot_dir/$n-$base

	checks=()
	while read -r key; do
		[[ -n $key && -n ${check_of[$key]:-} ]] && checks+=("${check_of[$key]}")
	done < <(top_level_keys "$file" || true)
	if [[ ${#checks[@]} -eq 0 ]]; then
		err "$file: no top-level key of a document kind (${!check_of[*]}) found"
		errors=$((errors + 1))
		continue
	fi

	prefix=()
	mapfile -t ifaces < <(doc_interfaces "$file")
	if [[ ${#ifaces[@]} -gt 0 && -n ${ifaces[0]} ]]; then
		if ! with_interfaces "${ifaces[@]}"; then
			errors=$((errors + 1))
			continue
		fi
		prefix=(ip netns exec "$netns")
	fi

	accepted=1
	output=""
	for check in "${checks[@]}"; do
		read -r daemon flag <<<"$check"
		rc=0
		out=$("${prefix[@]}" chroot "$ROOT" "/usr/sbin/$daemon" "$flag" "$target" 2>&1) || rc=$?
		output+="--- $daemon $flag (exit $rc)"$'\n'"$out"$'\n'
		if [[ $rc -eq 1 ]]; then
			accepted=0
		elif [[ $rc -ne 0 ]]; then
			# 1 is Kea's "configuration rejected"; anything else (127, signals)
			# means the daemon did not really run the check.
			printf '%s\n' "$output" >&2
			err "$file: $daemon exited with $rc (not a config verdict: crash or chroot problem)"
			errors=$((errors + 1))
			continue 2
		fi
	done

	if [[ $expect_fail -eq 0 ]]; then
		if [[ $accepted -eq 1 ]]; then
			[[ $verbose -eq 1 ]] && printf '%s' "$output"
			printf 'ok %s\n' "$file"
		else
			printf '%s' "$output"
			printf 'FAIL %s\n' "$file"
			failures=$((failures + 1))
		fi
	else
		if [[ $accepted -eq 0 ]]; then
			if [[ $verbose -eq 1 ]]; then
				printf '%s' "$output"
			else
				msg=$(printf '%s' "$output" | grep -E '^(Error encountered|Syntax check failed)|ERROR' || true)
				printf '%s\n' "${msg:-$output}"
			fi
			printf 'rejected %s\n' "$file"
		else
			printf '%s' "$output"
			printf 'FAIL %s (accepted, expected rejection)\n' "$file"
			failures=$((failures + 1))
		fi
	fi
	if [[ -n $netns ]]; then
		ip netns del "$netns" 2>/dev/null || true
		netns=""
	fi
done

if [[ $errors -gt 0 ]]; then
	err "$errors file(s) could not be checked"
	exit 2
fi
[[ $failures -eq 0 ]] || exit 1
