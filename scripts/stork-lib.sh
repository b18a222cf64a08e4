# stork-lib.sh - what stork-check.sh and stork-e2e.sh share. Source it.

# stork_setup WHO WHAT: build stork-agent and stork-server (stork-build.sh),
# install Kea and PostgreSQL (kea-install.sh), take the locks and copy the
# programs into the chroot. Sets ROOT. Without the Stork source it prints
# "WHO: SKIPPED: ... WHAT NOT checked" and exits 3.
stork_setup() {
	local who=$1 what=$2 bin rc=0
	bin=$("$SCRIPT_DIR/stork-build.sh") || rc=$?
	if [[ $rc -eq 3 ]]; then
		echo "$who: SKIPPED: the Stork source (../shared/stork/) is absent, so stork-agent and stork-server cannot be built; $what NOT checked"
		exit 3
	fi
	[[ $rc -eq 0 ]] || die "cannot build Stork"
	ROOT=$("$SCRIPT_DIR/kea-install.sh") || die "Kea (and PostgreSQL) could not be installed"
	# Shared: kea-install must not swap the chroot away; exclusive: one
	# Stork run at a time owns the chroot's Stork state and addresses.
	exec 8>"$KEA_CACHE/.lock" 9>"$KEA_CACHE/stork-check.lock"
	if command -v flock >/dev/null; then flock -s 8 && flock 9; fi
	mkdir -p "$ROOT/usr/local/bin" "$ROOT/proc"
	cp "$bin/stork-agent" "$bin/stork-server" "$ROOT/usr/local/bin/"
}

# The functions below run inside the network namespace, with ROOT set.
PG=/usr/lib/postgresql/17/bin
as_pg() { chroot --userspec=70:70 "$ROOT" "$@"; }

# pg_start DIR: initialise and start PostgreSQL with its data in DIR (a
# path inside the chroot), listening on 127.0.0.1:5432 and the socket
# /var/run/postgresql, and prepare the database as Stork's setup-db.sql
# says: user and database stork, rights on schema public, pgcrypto.
pg_start() {
	local dir=$1
	mkdir -p "$ROOT$dir" "$ROOT/run/postgresql" && chown 70:70 "$ROOT$dir" "$ROOT/run/postgresql"
	as_pg $PG/initdb -D "$dir/data" -A trust -U postgres >"$ROOT$dir/initdb.log" 2>&1 || { cat "$ROOT$dir/initdb.log"; return 2; }
	as_pg $PG/pg_ctl -D "$dir/data" -o "-k /run/postgresql -c listen_addresses=127.0.0.1" -l "$dir/pg.log" -w start >/dev/null || { cat "$ROOT$dir/pg.log"; return 2; }
	as_pg $PG/psql -q -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -c "CREATE USER stork" -c "CREATE DATABASE stork OWNER stork" >/dev/null || return 2
	as_pg $PG/psql -q -h 127.0.0.1 -U postgres -d stork -v ON_ERROR_STOP=1 -c "GRANT ALL PRIVILEGES ON SCHEMA public TO stork" -c "CREATE EXTENSION pgcrypto" >/dev/null || return 2
}

# pg_stop DIR: stop the PostgreSQL pg_start started.
pg_stop() { as_pg $PG/pg_ctl -D "$1/data" -m fast stop >/dev/null; }
