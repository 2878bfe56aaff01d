#!/usr/bin/env bash
# Runs the integration suite (tests/Odoo.RealServer.Tests) against a real Odoo 18.
#
#   ODOO_SRC=/path/to/odoo-18.0 scripts/real-odoo-tests.sh [dotnet test arguments]
#       starts (or reuses) a local Odoo through ../shared/real-odoo/odoo18.sh on its own database
#       and port, installs the project's test addon (tests/odoo_addons, module openstack_models)
#       unless the database already has it (upgrades it when the addon changed), and runs the suite.
#   ODOO_URL=http://host:8069 ODOO_DATABASE=db ODOO_USERNAME=admin ODOO_PASSWORD=... scripts/real-odoo-tests.sh
#       runs the suite against that server (which must have openstack_models installed); nothing is started.
#
# Local-mode settings: ODOO_DB (odoogen_it), ODOO_PORT (8079),
# ODOO_WORK (${XDG_DATA_HOME:-$HOME/.local/share}/odoogen-it), ODOO_TEST_ADDONS (folder holding
# openstack_models; default tests/odoo_addons of the repo), ODOO18_SH (path of odoo18.sh).
# The suite gets ODOO_SESSIONS_DIR in local mode (session expiry by deleting the session files);
# against ODOO_URL it expires sessions through /web/session/destroy and by revoking them instead.
# ODOO_RESTART_COMMAND restarts the server for the restart drills (RestartTests); set by the script in
# local mode; against ODOO_URL the drills run only when you set it.
# Exit status: the tests' status; 2 when neither ODOO_SRC nor ODOO_URL is set, or the setup fails.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROJECT=$ROOT/tests/Odoo.RealServer.Tests/Odoo.RealServer.Tests.csproj

run_tests() {
    echo "real-odoo-tests: running the suite against $ODOO_URL (database $ODOO_DATABASE, user $ODOO_USERNAME)"
    set +e
    dotnet test "$PROJECT" -p:OdooRealServer=true "$@"
    local rc=$?
    set -e
    exit $rc
}

if [ -n "${ODOO_URL:-}" ]; then
    missing=""
    for v in ODOO_DATABASE ODOO_USERNAME ODOO_PASSWORD; do [ -n "${!v:-}" ] || missing="$missing $v"; done
    if [ -n "$missing" ]; then
        echo "real-odoo-tests: ODOO_URL is set but not:$missing" >&2
        exit 2
    fi
    export ODOO_URL ODOO_DATABASE ODOO_USERNAME ODOO_PASSWORD
    # Restart drills need a way to restart that server: ODOO_RESTART_COMMAND (a shell command); without it they are left out.
    if [ -z "${ODOO_RESTART_COMMAND:-}" ]; then
        echo "real-odoo-tests: ODOO_RESTART_COMMAND is not set: the restart tests (Category=Restart) are left out"
        run_tests --filter "Category!=Restart" "$@"
    fi
    export ODOO_RESTART_COMMAND
    run_tests "$@"
fi

if [ -z "${ODOO_SRC:-}" ]; then
    echo "real-odoo-tests: set ODOO_SRC (an unpacked Odoo 18.0 source tree, to start a local Odoo) or ODOO_URL with ODOO_DATABASE, ODOO_USERNAME and ODOO_PASSWORD (a running Odoo with openstack_models)" >&2
    exit 2
fi
[ -f "$ODOO_SRC/odoo-bin" ] || { echo "real-odoo-tests: ODOO_SRC=$ODOO_SRC has no odoo-bin" >&2; exit 2; }

# odoo18.sh lives in the shared folder beside the repository. A git worktree may sit elsewhere:
# then look beside the main checkout too, and in the parents of the repository.
find_odoo18() {
    if [ -n "${ODOO18_SH:-}" ]; then echo "$ODOO18_SH"; return; fi
    local candidates=("$ROOT/../shared/real-odoo/odoo18.sh")
    local common
    if common=$(git -C "$ROOT" rev-parse --path-format=absolute --git-common-dir 2>/dev/null); then
        candidates+=("$(dirname "$common")/../shared/real-odoo/odoo18.sh")
    fi
    local dir=$ROOT
    while [ "$dir" != / ]; do
        dir=$(dirname "$dir")
        candidates+=("$dir/shared/real-odoo/odoo18.sh")
    done
    local c
    for c in "${candidates[@]}"; do
        if [ -f "$c" ]; then (cd "$(dirname "$c")" && echo "$PWD/$(basename "$c")"); return; fi
    done
}
ODOO18=$(find_odoo18)
if [ -z "$ODOO18" ] || [ ! -f "$ODOO18" ]; then
    echo "real-odoo-tests: cannot find shared/real-odoo/odoo18.sh beside the repository; set ODOO18_SH" >&2
    exit 2
fi

export ODOO_SRC
export ODOO_DB=${ODOO_DB:-odoogen_it}
export ODOO_PORT=${ODOO_PORT:-8079}
export ODOO_WORK=${ODOO_WORK:-${XDG_DATA_HOME:-$HOME/.local/share}/odoogen-it}
ADDONS=${ODOO_TEST_ADDONS:-$ROOT/tests/odoo_addons}
[ -f "$ADDONS/openstack_models/__manifest__.py" ] || {
    echo "real-odoo-tests: no openstack_models addon in $ADDONS (set ODOO_TEST_ADDONS)" >&2
    exit 2
}
ADDONS=$(cd "$ADDONS" && pwd)
export ODOO_ADDONS=$ADDONS${ODOO_ADDONS:+,$ODOO_ADDONS}
# The server outlives this script: it must not inherit a lock a caller holds around it
# (`flock /tmp/x.lock scripts/real-odoo-tests.sh` passes the lock on fd 3 or so), or the lock is never released.
odoo18() { sh "$ODOO18" "$@" 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-; }
sql() { PGPASSWORD=odoo psql -h 127.0.0.1 -U odoo -d "$1" -tAqc "$2" 2>/dev/null; }

# Debian packages, then PostgreSQL and its odoo role: only when missing.
if ! command -v psql >/dev/null || ! /usr/bin/python3 -c 'import psycopg2, lxml, werkzeug, babel, reportlab, passlib, stdnum' 2>/dev/null; then
    echo "real-odoo-tests: installing Odoo's Debian packages (odoo18.sh deps)"
    odoo18 deps
fi
# wkhtmltopdf renders Odoo's PDF reports (the report tests need it): Debian's package, only when missing.
if ! command -v wkhtmltopdf >/dev/null; then
    echo "real-odoo-tests: installing wkhtmltopdf (Odoo renders PDF reports with it)"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wkhtmltopdf >/dev/null
fi
if [ "$(sql postgres 'select 1')" != 1 ]; then
    echo "real-odoo-tests: setting up PostgreSQL (odoo18.sh pg)"
    odoo18 pg
fi

# The database and the addon: install when missing, upgrade when the addon's files changed.
addon_hash() { (cd "$ADDONS/openstack_models" && find . -type f ! -name '*.pyc' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1); }
mkdir -p "$ODOO_WORK"
STAMP=$ODOO_WORK/openstack_models.sha256
hash=$(addon_hash)
state=""
if [ "$(sql postgres "select 1 from pg_database where datname='$ODOO_DB'")" = 1 ]; then
    state=$(sql "$ODOO_DB" "select state from ir_module_module where name='openstack_models'" || true)
fi
if [ "$state" != installed ]; then
    odoo18 stop
    if [ -z "$(sql postgres "select 1 from pg_database where datname='$ODOO_DB'")" ] \
        || [ "$(sql "$ODOO_DB" "select state from ir_module_module where name='base'" || true)" != installed ]; then
        echo "real-odoo-tests: creating database $ODOO_DB with Odoo's modules and openstack_models (a few minutes)"
        ODOO_MODULES=${ODOO_MODULES:-base,contacts,product,uom,account,sale_management,openstack_models} odoo18 install
    else
        echo "real-odoo-tests: installing openstack_models into $ODOO_DB"
        ODOO_MODULES=openstack_models odoo18 install
    fi
    echo "$hash" > "$STAMP"
elif [ "$(cat "$STAMP" 2>/dev/null || true)" != "$hash" ]; then
    echo "real-odoo-tests: the addon changed: upgrading openstack_models in $ODOO_DB"
    odoo18 stop
    odoo18 upgrade openstack_models
    if grep -E ' (ERROR|CRITICAL) ' "$ODOO_WORK/log/upgrade.log"; then exit 2; fi
    echo "$hash" > "$STAMP"
fi
# Odoo looks for wkhtmltopdf once, when it starts: a server started before wkhtmltopdf was installed is restarted.
pid=$(cat "$ODOO_WORK/odoo.pid" 2>/dev/null || true)
if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && command -v wkhtmltopdf >/dev/null; then
    started=$(( $(date +%s) - $(ps -o etimes= -p "$pid" | tr -d ' ') ))
    if [ "$started" -le "$(stat -c %Z "$(command -v wkhtmltopdf)")" ]; then
        echo "real-odoo-tests: restarting Odoo, which started before wkhtmltopdf was installed"
        odoo18 restart >/dev/null
    fi
fi
odoo18 start

export ODOO_URL=http://127.0.0.1:$ODOO_PORT
export ODOO_DATABASE=$ODOO_DB ODOO_USERNAME=admin ODOO_PASSWORD=admin
export ODOO_SESSIONS_DIR=$ODOO_WORK/data/sessions
# The restart drills restart this server (stop, then start and wait until it answers).
export ODOO_RESTART_COMMAND="sh '$ODOO18' restart 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-"
run_tests "$@"
