#!/usr/bin/env bash
# Records what a real Odoo 18 answers for the error cases the client types (issue 14 item 3) into
# tests/Odoo.Runtime.Tests/WireSamples as NN-name.request.json / NN-name.response.json and adds them
# to index.json there (samples 60 and up; numbers below 60 belong to other recordings).
#
#   scripts/record-error-samples.sh                 # the shared dev server, database odoodb, admin/admin
#   ODOO_URL=... ODOO_DATABASE=... ODOO_USERNAME=... ODOO_PASSWORD=... scripts/record-error-samples.sh
#
# The "database restarting" cases (7x) need a server of your own that nobody else uses, because they
# kill its PostgreSQL connections: set ODOO_OWN_URL and ODOO_OWN_DATABASE (for example the instance
# of ../shared/real-odoo/odoo18.sh started with ODOO_PORT=8073 ODOO_DB=errdb); without them those
# samples are skipped; ODOO_OWN_STOP and ODOO_OWN_START (shell commands) also stop that server during a
# call (75) and start it again. Needs python3 and, for the 7x samples, `su postgres -c psql`.
#
# Bodies are kept as sent and received, except the traceback in error.data.debug, which is cut to its
# first and last lines (as in the older samples) and Set-Cookie headers, which are not kept.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
export ODOO_URL=${ODOO_URL:-http://127.0.0.1:8069}
export ODOO_DATABASE=${ODOO_DATABASE:-odoodb}
export ODOO_USERNAME=${ODOO_USERNAME:-admin}
export ODOO_PASSWORD=${ODOO_PASSWORD:-admin}
export ODOO_OWN_URL=${ODOO_OWN_URL:-}
export ODOO_OWN_DATABASE=${ODOO_OWN_DATABASE:-}
export OUT=${OUT:-$ROOT/tests/Odoo.Runtime.Tests/WireSamples}

exec python3 - <<'PY'
import http.cookiejar, json, os, subprocess, time, urllib.request, urllib.error

url, db, user, pw = (os.environ[k] for k in ("ODOO_URL", "ODOO_DATABASE", "ODOO_USERNAME", "ODOO_PASSWORD"))
own_url, own_db = os.environ["ODOO_OWN_URL"], os.environ["ODOO_OWN_DATABASE"]
out = os.environ["OUT"]
index_path = os.path.join(out, "index.json")
index = json.load(open(index_path))
index["samples"] = [s for s in index["samples"] if int(s["sample"][:2]) < 60]
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

def trim_debug(text):
    try:
        answer = json.loads(text)
    except ValueError:
        return text
    data = (answer.get("error") or {}).get("data") if isinstance(answer, dict) else None
    if isinstance(data, dict) and isinstance(data.get("debug"), str):
        lines = [l for l in data["debug"].splitlines() if l.strip()]
        if len(lines) > 2:
            data["debug"] = lines[0] + "\n  ...\n" + lines[-1] + "\n"
    return json.dumps(answer)

def post(number, name, path, body, note, base=None):
    raw = json.dumps(body)
    req = urllib.request.Request((base or url) + path, data=raw.encode(), headers={"Content-Type": "application/json"})
    try:
        with opener.open(req, timeout=60) as r:
            status, ctype, text = r.status, r.headers.get("Content-Type"), r.read().decode()
    except urllib.error.HTTPError as e:
        status, ctype, text = e.code, e.headers.get("Content-Type"), e.read().decode()
    sample = f"{number:02d}-{name}"
    ext = "json" if ctype and "json" in ctype else "html"
    with open(os.path.join(out, sample + ".request.json"), "w") as f:
        f.write(raw)
    with open(os.path.join(out, f"{sample}.response.{ext}"), "w") as f:
        f.write(trim_debug(text) if ext == "json" else text)
    index["samples"].append({"sample": sample, "http_method": "POST", "path": path, "http_status": status,
                             "content_type": ctype, "note": note})
    print(sample, status, text[:160].replace("\n", " "))
    return text

def rpc(service, method, args, id_):
    return {"jsonrpc": "2.0", "method": "call", "params": {"service": service, "method": method, "args": args}, "id": id_}

def kw(model, method, args, kwargs, id_, database=None):
    return rpc("object", "execute_kw", [database or db, 2, pw, model, method, args, kwargs], id_)

# Database not found: /jsonrpc (login and execute_kw) and the session path; then what db.list says.
post(60, "execute_kw-unknown-database", "/jsonrpc", kw("res.partner", "search", [[]], {}, 60, "no_such_db"),
     "execute_kw naming a database that does not exist: psycopg2.OperationalError from the connection attempt")
post(61, "common-login-unknown-database", "/jsonrpc", rpc("common", "login", ["no_such_db", user, pw], 61),
     "common.login naming a database that does not exist: the same psycopg2.OperationalError")
post(62, "session-authenticate-unknown-database", "/web/session/authenticate",
     {"jsonrpc": "2.0", "method": "call", "params": {"db": "no_such_db", "login": user, "password": pw}, "id": 62},
     "/web/session/authenticate with a database outside db_filter / not existing: AccessError 'Database not found.'")
post(63, "db-list", "/jsonrpc", rpc("db", "list", [], 63),
     "db.list: the databases the server shows (list_db = True; with list_db = False it is AccessDenied)")

# Unknown fields: in a domain, in fields, in order, in values; over /jsonrpc and over the session's call_kw.
post(64, "execute_kw-search_read-unknown-field-in-domain", "/jsonrpc",
     kw("res.partner", "search_read", [[["no_such_field", "=", 1]]], {"fields": ["name"]}, 64),
     "an unknown field in a domain: builtins.ValueError 'Invalid field res.partner.no_such_field in leaf ...'")
post(65, "execute_kw-search_read-unknown-field-in-fields", "/jsonrpc",
     kw("res.partner", "search_read", [[]], {"fields": ["name", "no_such_field"], "limit": 1}, 65),
     "an unknown field in fields: builtins.ValueError \"Invalid field 'no_such_field' on model 'res.partner'\"")
post(66, "execute_kw-search_read-unknown-field-in-order", "/jsonrpc",
     kw("res.partner", "search_read", [[]], {"fields": ["name"], "order": "no_such_field desc", "limit": 1}, 66),
     "an unknown field in order: the same ValueError")
post(67, "execute_kw-write-unknown-field", "/jsonrpc",
     kw("openstack.referral_code", "write", [[3], {"no_such_field": 1}], {}, 67),
     "an unknown field in write values: the same ValueError, nothing written")

# Invalid values.
post(68, "execute_kw-write-string-for-integer", "/jsonrpc",
     kw("openstack.referral_code", "write", [[3], {"allowed_uses": "abc"}], {}, 68),
     "a string for an integer field in write: builtins.ValueError \"invalid literal for int() with base 10: 'abc'\"")
post(69, "execute_kw-search_count-string-for-integer-in-domain", "/jsonrpc",
     kw("openstack.referral_code", "search_count", [[["id", "=", "abc"]]], {}, 69),
     "a string compared with an integer column: psycopg2.errors.InvalidTextRepresentation with a SQL excerpt")

post(76, "execute_kw-create-wrong-selection-key", "/jsonrpc",
     kw("openstack.project", "create", [{"billing_type": "no_such_key"}], {}, 76),
     "a key that is not one of a selection's: builtins.ValueError \"Wrong value for openstack.project.billing_type: 'no_such_key'\" (nothing created)")
post(77, "execute_kw-create-invalid-date", "/jsonrpc",
     kw("openstack.credit", "create", [{"start_date": "notadate"}], {}, 77),
     "text that is not a date for a date field: psycopg2.errors.InvalidDatetimeFormat with a SQL excerpt (nothing created)")
post(78, "execute_kw-search_count-invalid-datetime-in-domain", "/jsonrpc",
     kw("res.partner", "search_count", [[["create_date", "=", "notadate"]]], {}, 78),
     "text that is not a datetime compared with a datetime column: psycopg2.errors.InvalidDatetimeFormat")

# Writes and unlinks of ids that do not exist; the check the client makes first.
post(70, "execute_kw-unlink-missing-ids-no-error", "/jsonrpc",
     kw("openstack.referral_code", "unlink", [[999999998]], {}, 70),
     "Odoo 18: unlink() of an id that does not exist, on a model without record rules, answers true")
post(71, "execute_kw-search-existing-ids", "/jsonrpc",
     kw("openstack.referral_code", "search", [[["id", "in", [3, 999999998]]]], {"context": {"active_test": False}}, 71),
     "the client's check before UpdateExistingAsync/DeleteExistingAsync: which of the ids exist")

# The session path: the same unknown-field error from /web/dataset/call_kw.
post(72, "session-authenticate", "/web/session/authenticate",
     {"jsonrpc": "2.0", "method": "call", "params": {"db": db, "login": user, "password": pw}, "id": 72},
     "a password login over the session (opens the cookie used by 73)")
post(73, "call_kw-search_read-unknown-field-in-domain", "/web/dataset/call_kw/res.partner/search_read",
     {"jsonrpc": "2.0", "method": "call", "params": {"model": "res.partner", "method": "search_read",
      "args": [[["no_such_field", "=", 1]]], "kwargs": {"fields": ["name"]}}, "id": 73},
     "the session path answers the same ValueError as /jsonrpc")

# A restart under a running call, on a server of your own: PostgreSQL's backends terminated, then
# Odoo itself stopped (SIGTERM), each while a 2-3 s call (ir.module.module.update_list) is running.
if own_url and own_db:
    import threading
    def kill_backends():
        sql = f"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '{own_db}' AND pid <> pg_backend_pid()"
        subprocess.run(["su", "postgres", "-c", f'psql -tAc "{sql}"'], check=True)
    def during(number, name, action, note):
        body = rpc("object", "execute_kw", [own_db, 2, pw, "ir.module.module", "update_list", [], {}], number)
        t = threading.Thread(target=post, args=(number, name, "/jsonrpc", body, note, own_url))
        t.start(); time.sleep(0.8); action(); t.join()
    during(74, "execute_kw-database-terminated-mid-call", kill_backends,
           "PostgreSQL terminated the backends (a database restart) while the call ran: psycopg2.InterfaceError 'connection already closed'")
    stop = os.environ.get("ODOO_OWN_STOP")
    if stop:
        def stop_and_start():
            subprocess.run(stop, shell=True, check=True)
        during(75, "execute_kw-server-stopped-mid-call", stop_and_start,
               "Odoo stopped (SIGTERM) while the call ran: a graceful stop lets running calls finish (new ones are refused: connection refused)")
        subprocess.run(os.environ["ODOO_OWN_START"], shell=True, check=True)
else:
    print("ODOO_OWN_URL/ODOO_OWN_DATABASE not set: samples 74-75 (restarts) skipped")

index["samples"].sort(key=lambda s: s["sample"])
with open(index_path, "w") as f:
    json.dump(index, f, indent=1)
    f.write("\n")
PY
