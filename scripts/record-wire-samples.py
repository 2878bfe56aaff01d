#!/usr/bin/env python3
"""Records the session, cookie and error wire samples (34 onwards) from a real Odoo 18.

    python3 scripts/record-wire-samples.py [--url http://127.0.0.1:8069] [--db odoodb]
        [--sessions ~/.local/share/odoo18/data/sessions] [--out tests/Odoo.Testing.Tests/WireSamples]

Needs the stock demo data (admin/admin, demo/demo as uid 6) and write access to the server's
session folder (an expired session is made by deleting its file, as Odoo's session GC does).
Writes NN-name.request.json (the body sent, byte for byte), NN-name.response.json (the body
received, with the volatile values replaced by placeholders) and rewrites the entries from 34
on in index.json, with the request and response headers that matter.

Placeholders (ConformanceTests understands them):
  request Cookie  session_id=<authenticated>  a session just authenticated by /web/session/authenticate (admin)
                  session_id=<demo>           the same, as the demo user
                  session_id=<anonymous>      the cookie /web/webclient/version_info sets
                  session_id=<unknown>        a well-formed session id the server never issued
                  session_id=<expired>        an authenticated session whose server side is gone
                  session_id=<destroyed>      an authenticated session after /web/session/destroy
                  session_id=<used>           an authenticated session that already served one call_kw
  Set-Cookie      session_id=<session_id>; Expires=<expires>; ...  (a new id; the date varies)
                  session_id=<same>; ...       (the id the request sent)
  body values     "<datetime>" any "YYYY-MM-DD HH:MM:SS"; "<hash>" any hex digest;
                  "<base_url>" the server's own URL; "debug" cut to its last line as in 01-33.
"""
import argparse, time, http.client, json, os, re, secrets, sys, urllib.parse

ap = argparse.ArgumentParser()
ap.add_argument("--url", default="http://127.0.0.1:8069")
ap.add_argument("--db", default="odoodb")
ap.add_argument("--sessions", default=os.path.expanduser("~/.local/share/odoo18/data/sessions"))
ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "tests", "Odoo.Testing.Tests", "WireSamples"))
opt = ap.parse_args()
URL = urllib.parse.urlparse(opt.url)
DB = opt.db
KEPT_HEADERS = ["Content-Type", "Set-Cookie", "Location", "Connection"]


def post(path, body, cookie=None, content_type="application/json"):
    for attempt in range(60):  # the server may be restarting
        try:
            return post_once(path, body, cookie, content_type)
        except (ConnectionError, http.client.RemoteDisconnected):
            time.sleep(1)
    return post_once(path, body, cookie, content_type)


def post_once(path, body, cookie, content_type):
    conn = http.client.HTTPConnection(URL.hostname, URL.port or 80, timeout=60)
    headers = {"Content-Type": content_type}
    if cookie:
        headers["Cookie"] = cookie
    conn.request("POST", path, body=body.encode(), headers=headers)
    r = conn.getresponse()
    data = r.read().decode()
    hdrs = r.getheaders()
    conn.close()
    return r.status, hdrs, data


def rpc(params, rid):
    return json.dumps({"jsonrpc": "2.0", "method": "call", "params": params, "id": rid})


def sid_of(headers):
    for k, v in headers:
        if k.lower() == "set-cookie" and v.startswith("session_id="):
            return v.split(";")[0][len("session_id="):]
    return None


def authenticate(login="admin", password="admin"):
    _, h, _ = post("/web/session/authenticate", rpc({"db": DB, "login": login, "password": password}, 1))
    sid = sid_of(h)
    assert sid, "authenticate set no cookie"
    return sid


def cookie_for(kind):
    if kind == "authenticated":
        return authenticate()
    if kind == "demo":
        return authenticate("demo", "demo")
    if kind == "used":
        sid = authenticate()
        st, _, _ = post("/web/dataset/call_kw", rpc(PARTNER_READ, 1), "session_id=" + sid)
        assert st == 200
        return sid
    if kind == "anonymous":
        _, h, _ = post("/web/webclient/version_info", rpc({}, 1))
        return sid_of(h)
    if kind == "unknown":
        return secrets.token_urlsafe(63)[:84].ljust(84, "A")
    if kind == "expired":
        sid = authenticate()
        os.remove(os.path.join(opt.sessions, sid[:2], sid))
        return sid
    if kind == "destroyed":
        sid = authenticate()
        st, _, _ = post("/web/session/destroy", rpc({}, 1), "session_id=" + sid)
        assert st == 200
        return sid
    raise ValueError(kind)


DATETIME = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$")


def scrub(node, key=None):
    """Replaces volatile values by placeholders."""
    if isinstance(node, dict):
        return {k: scrub(v, k) for k, v in node.items()}
    if isinstance(node, list):
        return [scrub(v) for v in node]
    if isinstance(node, str):
        if key == "debug":
            last = [l for l in node.strip().split("\n") if l.strip()][-1]
            return "Traceback (most recent call last):\n  ...\n" + last + "\n"
        if DATETIME.match(node) and key in ("write_date", "partner_write_date", "create_date"):
            return "<datetime>"
        if key == "web.base.url":
            return "<base_url>"
        if re.fullmatch(r"[0-9a-f]{40,64}", node):
            return "<hash>"
    return node


def scrub_cookie(value, sent):
    if sent and value.startswith(sent + ";"):
        value = "session_id=<same>" + value[len(sent):]
    value = re.sub(r"^session_id=[^;<]+", "session_id=<session_id>", value)
    return re.sub(r"Expires=[^;]*", "Expires=<expires>", value)


samples = []


def sample(name, path, params=None, cookie=None, note="", body=None, content_type="application/json"):
    n = 34 + len(samples)
    full = f"{n:02d}-{name}"
    body = body if body is not None else rpc(params, n)
    sent_cookie = None
    if cookie:
        sent_cookie = "session_id=" + cookie_for(cookie)
    status, headers, data = post(path, body, sent_cookie, content_type)
    hmap = {}
    for k, v in headers:
        for kept in KEPT_HEADERS:
            if k.lower() == kept.lower():
                v = scrub_cookie(v, sent_cookie) if kept == "Set-Cookie" else v
                hmap[kept] = v if kept not in hmap else hmap[kept] + "\n" + v
    ctype = hmap.get("Content-Type", "")
    ext = "json" if ctype.startswith("application/json") else "html"
    if ext == "json":
        data = json.dumps(scrub(json.loads(data)), ensure_ascii=False)
    with open(os.path.join(opt.out, full + ".request.json"), "w") as f:
        f.write(body)
    with open(os.path.join(opt.out, full + ".response." + ext), "w") as f:
        f.write(data)
    req_headers = {"Content-Type": content_type}
    if cookie:
        req_headers["Cookie"] = f"session_id=<{cookie}>"
    entry = {"sample": full, "http_method": "POST", "path": path, "http_status": status,
             "request_headers": req_headers, "response_headers": hmap, "note": note}
    samples.append(entry)
    print(f"{full}: {status} {hmap.get('Set-Cookie', '-')!s:.60} {data[:100]}")


def ek(model, method, args, kwargs=None, password="admin", uid=2, db=None):
    a = [db or DB, uid, password, model, method, args]
    if kwargs is not None:
        a.append(kwargs)
    return {"service": "object", "method": "execute_kw", "args": a}


def ckw(model, method, args, kwargs):
    return {"model": model, "method": method, "args": args, "kwargs": kwargs}


PARTNER_READ = ckw("res.partner", "search_read", [[["id", "=", 1]]], {"fields": ["name"]})

# --- which endpoints set a session_id cookie
sample("version_info-sets-anonymous-cookie", "/web/webclient/version_info", {},
       note="no cookie sent: an anonymous session cookie is set (not saved server side: the next request with it starts a new session again)")
sample("version_info-with-anonymous-cookie", "/web/webclient/version_info", {}, cookie="anonymous",
       note="the anonymous cookie sent back: no new Set-Cookie (the id is kept although nothing is stored for it)")
sample("jsonrpc-common-version-no-cookie", "/jsonrpc", {"service": "common", "method": "version", "args": []},
       note="/jsonrpc is save_session=False: never a Set-Cookie")
sample("jsonrpc-common-login-no-cookie", "/jsonrpc", {"service": "common", "method": "login", "args": [DB, "admin", "admin"]},
       note="common.login authenticates nothing server side and sets no cookie")
# --- /web/session/authenticate
sample("session-authenticate", "/web/session/authenticate", {"db": DB, "login": "admin", "password": "admin"},
       note="success: session_info and a Set-Cookie of a session bound to db and uid (Expires one year, Max-Age 7 days)")
sample("session-authenticate-bad-database", "/web/session/authenticate", {"db": "no_such_db", "login": "admin", "password": "admin"},
       note="a database the db filter rejects: AccessError 'Database not found.'")
sample("session-authenticate-with-authenticated-cookie", "/web/session/authenticate", {"db": DB, "login": "admin", "password": "admin"}, cookie="authenticated",
       note="authenticating again on an authenticated session: the session is rotated, a new cookie is set")
sample("session-authenticate-bad-password-with-cookie", "/web/session/authenticate", {"db": DB, "login": "admin", "password": "wrong"}, cookie="authenticated",
       note="a wrong password on an authenticated session: AccessDenied")
# --- get_session_info / check
sample("session-get_session_info", "/web/session/get_session_info", {}, cookie="authenticated",
       note="auth='user' route with an authenticated cookie (touches the session: Set-Cookie again)")
sample("session-get_session_info-no-cookie", "/web/session/get_session_info", {},
       note="auth='user' route without a cookie: SessionExpiredException, code 100")
sample("session-check", "/web/session/check", {}, cookie="authenticated", note="None: the answer has no result key")
sample("session-check-unknown-session", "/web/session/check", {}, cookie="unknown", note="a never-issued session id: SessionExpiredException")
sample("session-check-expired-session", "/web/session/check", {}, cookie="expired", note="an authenticated session whose file was deleted")
# --- call_kw
sample("call_kw-search_read-authenticated", "/web/dataset/call_kw", PARTNER_READ, cookie="authenticated",
       note="the first call_kw after authenticating sets the same session cookie again")
sample("call_kw-path-search_read-authenticated", "/web/dataset/call_kw/res.partner/search_read", PARTNER_READ, cookie="authenticated",
       note="the /<model>/<method> suffix is informative only")
sample("call_kw-second-call-authenticated", "/web/dataset/call_kw", PARTNER_READ, cookie="used",
       note="later calls on the session: no Set-Cookie")
sample("call_kw-no-cookie", "/web/dataset/call_kw", PARTNER_READ, note="no session: SessionExpiredException")
sample("call_kw-anonymous-cookie", "/web/dataset/call_kw", PARTNER_READ, cookie="anonymous", note="the anonymous cookie of version_info is no session")
sample("call_kw-unknown-session", "/web/dataset/call_kw", PARTNER_READ, cookie="unknown", note="a never-issued session id")
sample("call_kw-expired-session", "/web/dataset/call_kw", PARTNER_READ, cookie="expired", note="an authenticated session whose file was deleted")
sample("call_kw-path-expired-session", "/web/dataset/call_kw/res.partner/search_read", PARTNER_READ, cookie="expired", note="same on the path form")
sample("call_kw-unknown-model", "/web/dataset/call_kw", ckw("no.such.model", "search_read", [[]], {}), cookie="authenticated",
       note="_call_kw_readonly raises werkzeug NotFound before the call: code 404")
sample("call_kw-unknown-field-in-domain", "/web/dataset/call_kw", ckw("res.partner", "search_read", [[["no_such_field", "=", 1]]], {"fields": ["name"]}), cookie="authenticated",
       note="ValueError: Invalid field")
sample("call_kw-access-error", "/web/dataset/call_kw", ckw("res.users", "write", [[2], {"name": "Mitchell Admin"}], {}), cookie="demo",
       note="the demo user may not write other users: AccessError")
# --- /jsonrpc execute_kw and sessions
sample("jsonrpc-execute_kw-with-authenticated-cookie", "/jsonrpc", ek("res.partner", "search_read", [[["id", "=", 1]]], {"fields": ["name"]}), cookie="authenticated",
       note="/jsonrpc ignores the session: the password in args is checked; no Set-Cookie")
sample("jsonrpc-execute_kw-wrong-password-with-authenticated-cookie", "/jsonrpc", ek("res.partner", "search_read", [[["id", "=", 1]]], {"fields": ["name"]}, password="wrong"), cookie="authenticated",
       note="a valid session cookie does not excuse a wrong password on /jsonrpc: AccessDenied")
sample("jsonrpc-execute_kw-expired-session", "/jsonrpc", ek("res.partner", "search_read", [[["id", "=", 1]]], {"fields": ["name"]}), cookie="expired",
       note="an expired session cookie on /jsonrpc does not matter: the call succeeds")
sample("jsonrpc-execute_kw-unknown-session", "/jsonrpc", ek("res.partner", "search_read", [[["id", "=", 1]]], {"fields": ["name"]}), cookie="unknown",
       note="neither does an unknown one")
# --- destroy
sample("session-destroy", "/web/session/destroy", {}, cookie="authenticated", note="logs the session out (no result key); expires cids and sets a new anonymous session cookie")
sample("session-destroy-no-cookie", "/web/session/destroy", {}, note="auth='user': SessionExpiredException")
sample("call_kw-destroyed-session", "/web/dataset/call_kw", PARTNER_READ, cookie="destroyed", note="after destroy the cookie is no longer a session")
sample("session-get_session_info-destroyed-session", "/web/session/get_session_info", {}, cookie="destroyed", note="same for get_session_info")
# --- error answers
sample("jsonrpc-execute_kw-bad-database", "/jsonrpc", ek("res.partner", "search", [[]], {}, db="no_such_db"),
       note="a database that does not exist")
sample("jsonrpc-common-login-bad-database", "/jsonrpc", {"service": "common", "method": "login", "args": ["no_such_db", "admin", "admin"]},
       note="common.login on a database that does not exist")
sample("execute_kw-unknown-field-in-domain", "/jsonrpc", ek("res.partner", "search", [[["no_such_field", "=", 1]]], {}),
       note="ValueError: Invalid field")
sample("execute_kw-unknown-field-in-fields", "/jsonrpc", ek("res.partner", "read", [[1]], {"fields": ["name", "no_such_field"]}),
       note="read of an unknown field")
sample("execute_kw-search_read-unknown-field-in-fields", "/jsonrpc", ek("res.partner", "search_read", [[["id", "=", 1]]], {"fields": ["no_such_field"]}),
       note="search_read of an unknown field")
sample("execute_kw-wrong-argument-type", "/jsonrpc", ek("res.partner", "search", ["not a domain"], {}),
       note="a string where a domain is expected: AssertionError")
sample("execute_kw-unexpected-keyword", "/jsonrpc", ek("res.partner", "search", [[]], {"no_such_kwarg": 1}),
       note="an unknown keyword argument: TypeError")
sample("execute_kw-access-error", "/jsonrpc", ek("res.users", "write", [[2], {"name": "Mitchell Admin"}], {}, password="demo", uid=6),
       note="the demo user (uid 6) may not write other users: AccessError")
sample("execute_kw-update-returns-none", "/jsonrpc", ek("res.partner", "update", [[1], {}]),
       note="a method that returns None: the answer has no result key (JsonRPCDispatcher._response leaves it out)")
sample("jsonrpc-text-plain-content-type", "/jsonrpc", {"service": "common", "method": "version", "args": []}, content_type="text/plain",
       note="a JSON route called without a JSON content type")

with open(os.path.join(opt.out, "index.json")) as f:
    index = json.load(f)
index["samples"] = [s for s in index["samples"] if int(s["sample"][:2]) < 34] + samples
with open(os.path.join(opt.out, "index.json"), "w") as f:
    json.dump(index, f, indent=1, ensure_ascii=False)
    f.write("\n")
