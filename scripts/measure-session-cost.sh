#!/bin/sh
# Measures what a session cookie saves on a real Odoo 18 (see docs/testing.md, "Cost model").
#   sh scripts/measure-session-cost.sh [URL] [DB] [ROUNDS]
# Each round sends, one after the other (interleaved, so load changes hit all kinds alike), a
# small read of partner 1 as: /jsonrpc execute_kw without a cookie, with the anonymous cookie of
# /web/webclient/version_info, with an authenticated session cookie; /web/dataset/call_kw with
# that cookie; and /web/webclient/version_info without a cookie. Prints the median and the
# quartiles of curl's time_total per kind, in milliseconds.
set -eu
URL=${1:-http://127.0.0.1:8069}
DB=${2:-odoodb}
N=${3:-200}
J='Content-Type: application/json'
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

sid() { sed -n 's/^[Ss]et-[Cc]ookie: session_id=\([^;]*\);.*/\1/p' | tr -d '\r'; }
AUTH=$(curl -si -X POST -H "$J" -d "{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{\"db\":\"$DB\",\"login\":\"admin\",\"password\":\"admin\"},\"id\":1}" "$URL/web/session/authenticate" | sid)
ANON=$(curl -si -X POST -H "$J" -d '{"jsonrpc":"2.0","method":"call","params":{},"id":1}' "$URL/web/webclient/version_info" | sid)
RPC="{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{\"service\":\"object\",\"method\":\"execute_kw\",\"args\":[\"$DB\",2,\"admin\",\"res.partner\",\"read\",[[1]],{\"fields\":[\"name\"]}]},\"id\":1}"
KW='{"jsonrpc":"2.0","method":"call","params":{"model":"res.partner","method":"read","args":[[1]],"kwargs":{"fields":["name"]}},"id":1}'
VI='{"jsonrpc":"2.0","method":"call","params":{},"id":1}'
t() { curl -s -o /dev/null -w '%{time_total}\n' -X POST -H "$J" "$@"; }

# warm-up
t -d "$RPC" "$URL/jsonrpc" >/dev/null; t -H "Cookie: session_id=$AUTH" -d "$KW" "$URL/web/dataset/call_kw" >/dev/null
i=0
while [ $i -lt "$N" ]; do
    t -d "$RPC" "$URL/jsonrpc" >> "$TMP/jsonrpc-no-cookie"
    t -H "Cookie: session_id=$ANON" -d "$RPC" "$URL/jsonrpc" >> "$TMP/jsonrpc-anonymous-cookie"
    t -H "Cookie: session_id=$AUTH" -d "$RPC" "$URL/jsonrpc" >> "$TMP/jsonrpc-authenticated-cookie"
    t -H "Cookie: session_id=$AUTH" -d "$KW" "$URL/web/dataset/call_kw" >> "$TMP/call_kw-authenticated-cookie"
    t -d "$VI" "$URL/web/webclient/version_info" >> "$TMP/version_info-no-cookie"
    i=$((i + 1))
done
echo "kind median q1 q3 (ms, $N rounds, $URL)"
for f in jsonrpc-no-cookie jsonrpc-anonymous-cookie jsonrpc-authenticated-cookie call_kw-authenticated-cookie version_info-no-cookie; do
    sort -n "$TMP/$f" | awk -v k="$f" '{ a[NR] = $1 * 1000 } END { printf "%-30s %6.1f %6.1f %6.1f\n", k, a[int(NR/2)+1], a[int(NR/4)+1], a[int(3*NR/4)+1] }'
done
