#!/usr/bin/env bash
# terraform.sh - print the absolute path of a terraform binary >= 1.8.
#
# Usage: TF=$(scripts/terraform.sh)
#
# Order: `terraform` on PATH if its version is >= 1.8; else a previously
# built <repo>/.cache/bin/terraform; else build one with
#   GOBIN=<repo>/.cache/bin go install github.com/hashicorp/terraform@v1.8.5
# (through the Go module proxy; 8 to 26 minutes on 2 cores, once, with
# progress every 100 packages).
# Only the path goes to stdout; all messages go to stderr.
#
# Environment:
#   TERRAFORM_MIN_VERSION       minimum major.minor (default: 1.8)
#   TERRAFORM_FALLBACK_VERSION  version to build (default: v1.8.5)
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$SCRIPT_DIR/.." && pwd)
BIN_DIR=$REPO/.cache/bin
MIN=${TERRAFORM_MIN_VERSION:-1.8}
FALLBACK=${TERRAFORM_FALLBACK_VERSION:-v1.8.5}
export CHECKPOINT_DISABLE=1 # no update check when asking for the version

log() { printf 'terraform.sh: %s\n' "$*" >&2; }
die() {
	printf 'terraform.sh: ERROR: %s\n' "$*" >&2
	exit 1
}

# version_of BIN: prints e.g. 1.11.4, or nothing.
version_of() {
	"$1" version 2>/dev/null | sed -n '1s/^Terraform v\([0-9][0-9.]*\).*/\1/p' || true
}

# new_enough VERSION: true if VERSION >= MIN (major.minor).
new_enough() {
	local v=$1 maj min want_maj want_min
	IFS=. read -r maj min _ <<<"$v"
	IFS=. read -r want_maj want_min _ <<<"$MIN"
	[[ $maj =~ ^[0-9]+$ && $min =~ ^[0-9]+$ ]] || return 1
	((maj > want_maj || (maj == want_maj && min >= want_min)))
}

# usable BIN: print BIN's absolute path and succeed if it is new enough.
usable() {
	local bin=$1 v
	[[ -x $bin ]] || return 1
	v=$(version_of "$bin")
	if [[ -z $v ]]; then
		log "$bin: cannot determine version"
		return 1
	fi
	if ! new_enough "$v"; then
		log "$bin is terraform $v (< $MIN)"
		return 1
	fi
	printf '%s\n' "$(cd "$(dirname "$bin")" && pwd -P)/$(basename "$bin")"
}

if path_tf=$(command -v terraform 2>/dev/null) && usable "$path_tf"; then
	exit 0
fi
usable "$BIN_DIR/terraform" 2>/dev/null && exit 0

go_bin=$(command -v go 2>/dev/null || true)
if [[ -z $go_bin && -x /usr/local/go/bin/go ]]; then
	go_bin=/usr/local/go/bin/go
fi
[[ -n $go_bin ]] || die "no terraform >= $MIN on PATH and no 'go' to build one"

mkdir -p "$BIN_DIR"
exec 9>"$BIN_DIR/.terraform.lock"
if command -v flock >/dev/null 2>&1; then
	flock 9
	# Another process may have built it while we waited.
	usable "$BIN_DIR/terraform" 2>/dev/null && exit 0
fi

# progress: reads go install -v's output (a package path a line), passes
# go's messages and errors on, and says every 100 packages how far it is.
progress() {
	local n=0 m=0 line
	while IFS= read -r line; do
		case $line in
		"go: downloading "*)
			m=$((m + 1))
			if ((m % 100 == 0)); then
				log "$m modules downloaded, $(((SECONDS - start) / 60)) min $(((SECONDS - start) % 60)) s"
			fi
			;;
		*" "* | "#"* | "") printf '%s\n' "$line" ;; # a message: an error, a warning; a package path has no space
		*)
			n=$((n + 1))
			if ((n % 100 == 0)); then
				log "$n packages built, $(((SECONDS - start) / 60)) min $(((SECONDS - start) % 60)) s"
			fi
			;;
		esac
	done
}

log "no terraform >= $MIN on PATH: building terraform $FALLBACK from the Go module proxy into $BIN_DIR"
log "this is the slow step, once: 8 to 26 minutes on a 2-CPU machine as measured here (about 220 modules to fetch, 1,100 packages to build); progress every 100"
start=$SECONDS
# Run outside the repo so its go.mod/GOFLAGS cannot interfere. go install -v
# names each package as it is built: counted for progress.
if ! (
	set -o pipefail
	cd "$BIN_DIR" && GOFLAGS='' GOBIN="$BIN_DIR" "$go_bin" install -v \
		-ldflags='-X github.com/hashicorp/terraform/version.dev=no' \
		"github.com/hashicorp/terraform@$FALLBACK" 2>&1 |
		progress
) >&2; then
	die "go install github.com/hashicorp/terraform@$FALLBACK failed"
fi
log "built in $(((SECONDS - start) / 60)) min $(((SECONDS - start) % 60)) s"
usable "$BIN_DIR/terraform" || die "built $BIN_DIR/terraform but it is not a usable terraform >= $MIN"
