#!/usr/bin/env bash
# stork-check.sh - hold Stork env files to the real stork-server and
# stork-agent, as kea-check.sh holds Kea documents to Kea.
#
# Usage: scripts/stork-check.sh [--expect-fail] FILE...
#   *.server.env files run stork-server, *.agent.env files stork-agent, each
#   with --use-env-file --env-file FILE, in the Kea chroot
#   (scripts/kea-install.sh, which also installs PostgreSQL) and a private
#   network namespace: each server until it serves or for at most
#   STORK_CHECK_SECONDS (default 8), each agent for STORK_CHECK_AGENT_SECONDS
#   (default 2).
#
# A file is ACCEPTED when the program is still running at the end, logged
# no fatal error, no "Unknown environment variable" (but STORK_LOG_LEVEL's,
# which Stork warns about and applies) and no "invalid log level" and, for
# stork-server, reached "Started serving Stork Server": so stork-server
# files must use the database this script starts (PostgreSQL on
# 127.0.0.1:5432 and the unix socket /var/run/postgresql, database and
# user stork, trust authentication, as Stork's setup-db.sql prepares it).
# Otherwise it is REJECTED.
# Each STORK_AGENT_HOST address is given to the namespace's loopback.
#
# Default mode: prints "ok FILE", or the program's complaints and
#   "FAIL FILE"; exits 1 if any file was rejected.
# --expect-fail: every FILE must be rejected. Prints the reason lines and
#   "rejected FILE", or "FAIL FILE (accepted, expected rejection)".
# Exit status: 0 success, 1 check failure, 2 usage or infrastructure
# error, 3 no Stork source to build the programs from (a notice, not a
# pass: callers say the check was skipped).
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$SCRIPT_DIR/.." && pwd)
export KEA_CACHE=${KEA_CACHE:-$REPO/.cache/kea}
SECONDS_EACH=${STORK_CHECK_SECONDS:-8}

die() {
	printf 'stork-check: ERROR: %s\n' "$*" >&2
	exit 2
}
expect_fail=0
files=()
while [[ $# -gt 0 ]]; do
	case $1 in
	--expect-fail) expect_fail=1 ;;
	-h | --help)
		sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
		exit 0
		;;
	*) files+=("$1") ;;
	esac
	shift
done
[[ ${#files[@]} -gt 0 ]] || die "no files"
[[ $(id -u) -eq 0 ]] || die "must run as root (netns, chroot)"
for f in "${files[@]}"; do
	[[ -r $f ]] || die "cannot read $f"
	[[ $f == *.server.env || $f == *.agent.env ]] || die "$f: name it *.server.env or *.agent.env"
done
source "$SCRIPT_DIR/stork-lib.sh"
stork_setup stork-check "${#files[@]} file(s)"

work=$(mktemp -d "$ROOT/tmp/stork-check.XXXXXX")
trap '[[ -n ${STORK_CHECK_KEEP:-} ]] || rm -rf "$work"' EXIT
cwork=/tmp/${work##*/}
need_pg=0
for i in "${!files[@]}"; do
	base=${files[i]##*/}
	cp "${files[i]}" "$work/$i-$base"
	[[ $base == *.server.env ]] && need_pg=1
done
chown 70:70 "$work"

# The whole run is one private network namespace: loopback, the agents'
# addresses, PostgreSQL for the servers.
cat >"$work/run.sh" <<EOF
set -u
ROOT=$ROOT
source "$SCRIPT_DIR/stork-lib.sh"
ip link set lo up
# A veth pair gives the namespace a non-loopback interface (stork-server
# needs one for its certificates) carrying the agents' addresses and the
# Stork server URLs' hosts, so registration attempts meet a refused
# connection (the agent retries), not an unreachable network (it exits).
ip link add stork0 type veth peer name stork1
ip link set stork0 up
ip link set stork1 up
for a in \$( { sed -n 's/^STORK_AGENT_HOST=//p' "$work"/*-*.agent.env; sed -n 's|^STORK_AGENT_SERVER_URL=https*://\\[*\\([0-9a-f.:]*\\)\\]*:.*|\\1|p' "$work"/*-*.agent.env; } 2>/dev/null | sort -u); do
	case \$a in *:*) ip addr add "\$a/128" dev stork0 nodad ;; *) ip addr add "\$a/32" dev stork0 ;; esac 2>/dev/null || true
done
ip addr add 198.18.255.254/32 dev stork0 2>/dev/null || true
if [[ $need_pg == 1 ]]; then
	pg_start $cwork/pg || exit 2
fi
for f in "$work"/*-*.env; do
	name=\${f##*/}
	prog=stork-agent
	[[ \$name == *.server.env ]] && prog=stork-server
	rm -rf "$ROOT/var/lib/stork-agent"
	# Run until the verdict is known: a server that serves, or a program
	# that exits; an agent that is still up after AGENT_SECONDS (its
	# start-up checks and first registration attempt take well under one).
	chroot "$ROOT" /usr/local/bin/\$prog --use-env-file --env-file "$cwork/\$name" >"\$f.log" 2>&1 &
	pid=\$!
	limit=$SECONDS_EACH
	[[ \$prog == stork-agent ]] && limit=${STORK_CHECK_AGENT_SECONDS:-2}
	code=124
	for ((t = 0; t < limit * 10; t++)); do
		if ! kill -0 \$pid 2>/dev/null; then
			wait \$pid
			code=\$?
			break
		fi
		if [[ \$prog == stork-server ]]; then
			# Serving: its INFO line (absent at WARN and ERROR levels), or
			# an answer from GET /api/version, which needs no login.
			grep -q 'Started serving Stork Server' "\$f.log" && break
			if ((t % 5 == 4)); then
				host=\$(sed -n 's/^STORK_REST_HOST=//p' "\$f"); port=\$(sed -n 's/^STORK_REST_PORT=//p' "\$f")
				case \$host in "" | 0.0.0.0 | ::) host=127.0.0.1 ;; *:*) host="[\$host]" ;; esac
				if chroot "$ROOT" busybox wget -q -T 1 -O /dev/null "http://\$host:\${port:-8080}/api/version" 2>/dev/null; then
					echo "stork-check: GET /api/version answered" >>"\$f.log"
					break
				fi
			fi
		fi
		sleep 0.1
	done
	kill -TERM \$pid 2>/dev/null && wait \$pid 2>/dev/null
	echo \$code >"\$f.rc"
done
rm -rf "$ROOT/var/lib/stork-agent"
[[ $need_pg == 1 ]] && pg_stop $cwork/pg
exit 0
EOF
unshare --net --mount bash "$work/run.sh" || die "the Stork run failed (see above)"

failed=0
for i in "${!files[@]}"; do
	f=${files[i]}
	base=${f##*/}
	log=$work/$i-$base.log
	code=$(cat "$work/$i-$base.rc")
	reasons=()
	[[ $code != 124 ]] && reasons+=("exited with status $code")
	while IFS= read -r l; do reasons+=("$l"); done < <(
		grep -oE 'level="fatal" msg="[^"]*"|msg="[^"]*has invalid log level[^"]*"|msg="Unknown environment variable: [^"]*"' "$log" |
			grep -v "Unknown environment variable: 'STORK_LOG_LEVEL' in the environment file" || true
	)
	if [[ $base == *.server.env && $code == 124 ]] && ! grep -q 'Started serving Stork Server\|GET /api/version answered' "$log"; then
		reasons+=("never reached \"Started serving Stork Server\": $(grep -oE 'level="(error|warning)" msg="[^"]*"' "$log" | grep -v 'hook directory' | tail -1)")
	fi
	if [[ $expect_fail == 1 ]]; then
		if [[ ${#reasons[@]} -gt 0 ]]; then
			printf '  %s\n' "${reasons[@]}"
			echo "rejected $f"
		else
			echo "FAIL $f (accepted, expected rejection)"
			failed=1
		fi
	elif [[ ${#reasons[@]} -gt 0 ]]; then
		printf '  %s\n' "${reasons[@]}"
		tail -5 "$log"
		echo "FAIL $f"
		failed=1
	else
		echo "ok $f"
	fi
done
exit $failed
