#!/usr/bin/env bash
# kea-install.sh - install ISC Kea 3.0.x into a private chroot, without
# touching the system's dpkg database.
#
# Usage: scripts/kea-install.sh [--force]
#
# Prints the chroot root directory on stdout; all messages go to stderr.
#
# Method: a private apt configuration (own sources list, state, lists and
# cache under $KEA_CACHE/apt/<suite>) points at Debian's trixie-backports
# suite (falling back to sid). The full dependency closure of the Kea
# daemons is resolved by apt against an EMPTY dpkg status, downloaded with
# `apt-get download`, and unpacked with `dpkg -x` into $KEA_CACHE/root, a
# usr-merged tree that is used as a chroot.
#
# Environment:
#   KEA_CACHE          cache folder (default: <repo>/.cache/kea)
#   KEA_SUITES         suites to try, in order (default: "trixie-backports sid")
#   KEA_SERIES         Kea version series required (default: 3.0)
#   KEA_DEBIAN_MIRROR  Debian mirror URL (default: taken from /etc/apt, else
#                      http://deb.debian.org/debian)
#   KEA_APT_KEYRING    keyring used to verify the archive
#                      (default: /usr/share/keyrings/debian-archive-keyring.gpg)
#   KEA_FORCE=1        same as --force: rebuild even when the stamp is valid
#
# Needs root (chroot). Idempotent: a second run only checks the stamp and
# runs `kea-dhcp4 -v` inside the chroot.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$SCRIPT_DIR/.." && pwd)
KEA_CACHE=${KEA_CACHE:-$REPO/.cache/kea}
KEA_SUITES=${KEA_SUITES:-trixie-backports sid}
KEA_SERIES=${KEA_SERIES:-3.0}
KEA_APT_KEYRING=${KEA_APT_KEYRING:-/usr/share/keyrings/debian-archive-keyring.gpg}
KEA_FORCE=${KEA_FORCE:-0}

ROOT=$KEA_CACHE/root
STAMP=$KEA_CACHE/install.stamp
# kea-doc ships Kea's all-keys.json examples, from which the provider's
# lists of the keys Kea accepts at each scope are derived and checked.
KEA_PACKAGES=(kea-dhcp4-server kea-dhcp6-server kea-dhcp-ddns-server kea-common kea-doc)
# The programs the end-to-end DNS update test runs beside Kea, from the
# same suite: BIND 9's named (the authoritative server D2 updates), dig
# (reads the records back), busybox (udhcpc, the DHCP client) and
# PostgreSQL (the database stork-server needs).
TOOL_PACKAGES=(bind9 bind9-dnsutils busybox postgresql)
TOOLS=(/usr/sbin/named /usr/bin/dig /usr/bin/busybox)
KEA_DAEMONS=(kea-dhcp4 kea-dhcp6 kea-dhcp-ddns)
HOOKS_DIR=/usr/lib/x86_64-linux-gnu/kea/hooks
REQUIRED_HOOKS=(libdhcp_lease_cmds.so libdhcp_ha.so)

log() { printf 'kea-install: %s\n' "$*" >&2; }
die() {
	printf 'kea-install: ERROR: %s\n' "$*" >&2
	exit 1
}

usage() {
	sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}" >&2
}

while [[ $# -gt 0 ]]; do
	case $1 in
	--force) KEA_FORCE=1 ;;
	-h | --help)
		usage
		exit 0
		;;
	*)
		usage
		die "unknown argument: $1"
		;;
	esac
	shift
done

[[ $(id -u) -eq 0 ]] || die "must run as root (chroot and dpkg -x ownership need it)"
for tool in apt-get apt-cache dpkg dpkg-deb chroot sha256sum; do
	command -v "$tool" >/dev/null 2>&1 || die "required tool '$tool' not found on PATH"
done
[[ $(dpkg --print-architecture) == amd64 ]] ||
	die "only amd64 is supported (this machine is $(dpkg --print-architecture))"

# The stamp key changes whenever this script or the requested series/suites
# change, which forces a rebuild.
STAMP_KEY=$(
	{
		sha256sum <"${BASH_SOURCE[0]}"
		printf '%s|%s\n' "$KEA_SERIES" "$KEA_SUITES"
	} | sha256sum | cut -d' ' -f1
)

mkdir -p "$KEA_CACHE"
exec 9>"$KEA_CACHE/.lock"
if command -v flock >/dev/null 2>&1; then
	flock 9 || die "cannot lock $KEA_CACHE/.lock"
fi

# Runtime layout the daemons need to run `-T` inside the chroot.
# Kea 3.0 refuses a control socket unless /run/kea exists with permissions
# no more relaxed than 0750.
setup_runtime() {
	local root=$1 spec name major minor
	mkdir -p "$root/run/kea" "$root/var/lib/kea" "$root/var/log/kea" \
		"$root/tmp" "$root/dev" "$root/etc/kea"
	chmod 0750 "$root/run/kea" "$root/var/lib/kea" "$root/var/log/kea"
	chmod 1777 "$root/tmp"
	# PostgreSQL refuses to run as root and looks its user up: give the
	# chroot root and postgres accounts.
	[[ -f $root/etc/passwd ]] || printf 'root:x:0:0:root:/root:/bin/sh\npostgres:x:70:70:PostgreSQL:/var/lib/postgresql:/bin/sh\n' >"$root/etc/passwd"
	# stork-server names its certificate after the host's addresses, found
	# by reverse lookup.
	[[ -f $root/etc/hosts ]] || printf '127.0.0.1 localhost\n::1 localhost\n' >"$root/etc/hosts"
	# Stork looks for PostgreSQL's socket in /var/run/postgresql, and for
	# Kea's in /var/run/kea.
	[[ -e $root/var/run ]] || ln -s ../run "$root/var/run"
	# initdb runs programs through /bin/sh: busybox's.
	[[ -e $root/usr/bin/sh ]] || ln -s busybox "$root/usr/bin/sh"
	[[ -f $root/etc/group ]] || printf 'root:x:0:\npostgres:x:70:\n' >"$root/etc/group"
	for spec in null:1:3 zero:1:5 random:1:8 urandom:1:9; do
		IFS=: read -r name major minor <<<"$spec"
		if [[ ! -c $root/dev/$name ]]; then
			rm -f "$root/dev/$name"
			if ! mknod -m 0666 "$root/dev/$name" c "$major" "$minor" 2>/dev/null; then
				log "warning: cannot create $root/dev/$name (mknod failed); continuing"
			fi
		fi
	done
}

# verify ROOT: prints the kea-dhcp4 version on stdout, fails otherwise.
verify_root() {
	local root=$1 d v hook
	for d in "${KEA_DAEMONS[@]}"; do
		if ! v=$(chroot "$root" "/usr/sbin/$d" -v 2>&1); then
			log "'chroot $root /usr/sbin/$d -v' failed: $v"
			return 1
		fi
		v=${v%%[[:space:]]*}
		if [[ $v != "$KEA_SERIES".* ]]; then
			log "$d reports version '$v', expected $KEA_SERIES.x"
			return 1
		fi
	done
	for d in "${TOOLS[@]}"; do
		if [[ ! -x $root$d ]]; then
			log "$d missing in chroot"
			return 1
		fi
	done
	for hook in "${REQUIRED_HOOKS[@]}"; do
		if [[ ! -f $root$HOOKS_DIR/$hook ]]; then
			log "hook library $HOOKS_DIR/$hook missing in chroot"
			return 1
		fi
	done
	printf '%s\n' "$v"
}

# Fast path.
if [[ $KEA_FORCE != 1 && -f $STAMP && -d $ROOT ]] &&
	[[ $(sed -n 's/^key=//p' "$STAMP") == "$STAMP_KEY" ]]; then
	setup_runtime "$ROOT"
	if verify_root "$ROOT" >/dev/null; then
		printf '%s\n' "$ROOT"
		exit 0
	fi
	log "cached chroot at $ROOT failed verification; rebuilding"
fi

[[ -r $KEA_APT_KEYRING ]] ||
	die "Debian archive keyring $KEA_APT_KEYRING not found (apt-get install debian-archive-keyring)"

# Reuse the Debian mirror this machine's apt uses (first .../debian URI).
detect_mirror() {
	local f uri
	shopt -s nullglob
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
		[[ -r $f ]] || continue
		while read -r uri; do
			uri=${uri%/}
			if [[ $uri =~ ^https?://[^[:space:]]+/debian$ ]]; then
				printf '%s\n' "$uri"
				return 0
			fi
		done < <(
			sed -n -e 's/^[[:space:]]*URIs:[[:space:]]*//p' \
				-e 's/^[[:space:]]*deb[[:space:]]\{1,\}\(\[[^]]*\][[:space:]]*\)\{0,1\}\([^[:space:]]*\).*/\2/p' "$f" |
				tr ' ' '\n'
		)
	done
	printf '%s\n' "http://deb.debian.org/debian"
}
MIRROR=${KEA_DEBIAN_MIRROR:-$(detect_mirror)}
MIRROR=${MIRROR%/}
log "using Debian mirror $MIRROR"

# Private apt configuration for one suite. Sets APT_CONFIG for callers.
setup_apt() {
	local suite=$1 dir=$KEA_CACHE/apt/$1 s
	local -a dists
	case $suite in
	*-backports) dists=("$suite" "${suite%-backports}") ;;
	*) dists=("$suite") ;;
	esac
	mkdir -p "$dir/etc/apt.conf.d" "$dir/etc/sources.list.d" "$dir/etc/preferences.d" \
		"$dir/etc/trusted.gpg.d" "$dir/state/lists/partial" "$dir/cache/archives/partial" "$dir/log"
	: >"$dir/state/status" # empty dpkg status: resolve the FULL closure
	: >"$dir/etc/sources.list"
	for s in "${dists[@]}"; do
		printf 'deb [signed-by=%s] %s %s main\n' "$KEA_APT_KEYRING" "$MIRROR" "$s" >>"$dir/etc/sources.list"
	done
	cat >"$dir/apt.conf" <<EOF
Dir::Etc::Main "/dev/null";
Dir::Etc::Parts "$dir/etc/apt.conf.d";
Dir::Etc::SourceList "$dir/etc/sources.list";
Dir::Etc::SourceParts "$dir/etc/sources.list.d";
Dir::Etc::Preferences "$dir/etc/preferences";
Dir::Etc::PreferencesParts "$dir/etc/preferences.d";
Dir::Etc::Trusted "$dir/etc/trusted.gpg";
Dir::Etc::TrustedParts "$dir/etc/trusted.gpg.d";
Dir::State "$dir/state";
Dir::State::status "$dir/state/status";
Dir::Cache "$dir/cache";
Dir::Log "$dir/log";
APT::Architecture "amd64";
APT::Architectures { "amd64"; };
APT::Default-Release "$suite";
APT::Install-Recommends "false";
APT::Install-Suggests "false";
APT::Sandbox::User "root";
Acquire::Languages "none";
Acquire::Retries "3";
// The archive seen from CI may lag the clock; signatures are still checked.
Acquire::Check-Valid-Until "false";
Debug::NoLocking "true";
EOF
	export APT_CONFIG=$dir/apt.conf
}

# Highest KEA_SERIES.x version of package $1 known to the private apt.
best_version() {
	local pkg=$1 best="" v
	while read -r v; do
		[[ $v == "$KEA_SERIES".* ]] || continue
		if [[ -z $best ]] || dpkg --compare-versions "$v" gt "$best"; then
			best=$v
		fi
	done < <(apt-cache madison "$pkg" 2>/dev/null | awk -F'|' '{gsub(/ /,"",$2); print $2}')
	printf '%s\n' "$best"
}

start=$SECONDS
SUITE="" VERSION=""
for suite in $KEA_SUITES; do
	log "resolving Kea $KEA_SERIES.x from $suite"
	setup_apt "$suite"
	if ! apt-get -q --error-on=any update >"$KEA_CACHE/apt-update-$suite.log" 2>&1; then
		log "apt-get update for $suite failed (see $KEA_CACHE/apt-update-$suite.log):"
		tail -n 5 "$KEA_CACHE/apt-update-$suite.log" >&2
		continue
	fi
	v=$(best_version kea-dhcp4-server)
	if [[ -z $v ]]; then
		log "$suite has no kea-dhcp4-server $KEA_SERIES.x (madison: $(apt-cache madison kea-dhcp4-server | awk -F'|' '{print $2}' | tr -d ' ' | paste -sd' ' -))"
		continue
	fi
	ok=1
	for p in "${KEA_PACKAGES[@]}"; do
		if ! apt-cache madison "$p" | awk -F'|' '{gsub(/ /,"",$2); print $2}' | grep -qxF "$v"; then
			log "$suite: $p $v not available"
			ok=0
		fi
	done
	if [[ $ok == 1 ]]; then
		SUITE=$suite VERSION=$v
		break
	fi
done
[[ -n $SUITE ]] || die "no suite in '$KEA_SUITES' provides Kea $KEA_SERIES.x for ${KEA_PACKAGES[*]} (mirror $MIRROR)"
log "selected Kea $VERSION from $SUITE"

# Full dependency closure, resolved against an empty dpkg status.
specs=()
for p in "${KEA_PACKAGES[@]}"; do specs+=("$p=$VERSION"); done
specs+=("${TOOL_PACKAGES[@]}")
if ! sim=$(apt-get -s -q install "${specs[@]}" 2>&1); then
	printf '%s\n' "$sim" >&2
	die "apt could not resolve the dependencies of ${specs[*]} in $SUITE"
fi
mapfile -t closure < <(printf '%s\n' "$sim" | awk '/^Inst /{v=$3; sub(/^\(/,"",v); print $2"="v}')
[[ ${#closure[@]} -gt 0 ]] || die "apt resolved an empty package set for ${specs[*]}"
log "downloading ${#closure[@]} packages"

DEBS=$KEA_CACHE/debs.new
rm -rf "$DEBS"
mkdir -p "$DEBS"
if ! (cd "$DEBS" && apt-get -q download "${closure[@]}") >"$KEA_CACHE/apt-download.log" 2>&1; then
	tail -n 20 "$KEA_CACHE/apt-download.log" >&2
	die "apt-get download failed (see $KEA_CACHE/apt-download.log)"
fi
shopt -s nullglob
debs=("$DEBS"/*.deb)
[[ ${#debs[@]} -eq ${#closure[@]} ]] ||
	die "expected ${#closure[@]} .deb files, got ${#debs[@]} in $DEBS"

# Unpack into a fresh usr-merged tree, then swap it in.
NEW=$KEA_CACHE/root.new
rm -rf "$NEW"
mkdir -p "$NEW/usr/bin" "$NEW/usr/sbin" "$NEW/usr/lib" "$NEW/usr/lib64"
for d in bin sbin lib lib64; do ln -s "usr/$d" "$NEW/$d"; done
for deb in "${debs[@]}"; do
	dpkg-deb -x "$deb" "$NEW" || die "dpkg -x failed for $deb"
done
for d in bin sbin lib lib64; do
	[[ -L $NEW/$d ]] || die "a package replaced the merged-/usr symlink /$d in the chroot"
done
[[ -e $NEW/lib64/ld-linux-x86-64.so.2 ]] || die "dynamic loader /lib64/ld-linux-x86-64.so.2 missing in chroot"
setup_runtime "$NEW"
if ! version=$(verify_root "$NEW"); then
	die "Kea in $NEW does not work (see messages above)"
fi

rm -rf "$ROOT" "$KEA_CACHE/debs"
mv "$NEW" "$ROOT"
mv "$DEBS" "$KEA_CACHE/debs"
# The private apt lists (~150 MB uncompressed) are only needed to resolve.
rm -rf "$KEA_CACHE/apt"
{
	printf 'key=%s\n' "$STAMP_KEY"
	printf 'version=%s\n' "$version"
	printf 'package-version=%s\n' "$VERSION"
	printf 'suite=%s\n' "$SUITE"
	printf 'mirror=%s\n' "$MIRROR"
	printf 'packages=%s\n' "${closure[*]}"
} >"$STAMP"
log "installed Kea $version ($VERSION from $SUITE, $(du -sh "$KEA_CACHE/debs" | cut -f1) of .debs) into $ROOT in $((SECONDS - start))s"
printf '%s\n' "$ROOT"
