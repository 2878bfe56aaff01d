#!/usr/bin/env bash
# Records the fields_get of every model Odoo.Models.OpenStack declares, from a real Odoo with the
# test addon (tests/odoo_addons/openstack_models) installed, into
# tests/Odoo.Models.OpenStack.Tests/RealSchema/fields_get.json: one JSON object, model name ->
# fields_get result, models and fields sorted, one field per line.
#
#   scripts/record-real-schema.sh            # the shared dev server (../shared/real-odoo/odoo18.sh)
#   ODOO_URL=https://erp.example.com ODOO_DATABASE=db ODOO_USERNAME=u ODOO_PASSWORD=p scripts/record-real-schema.sh [OUT]
#
# Only the attributes the tests and the drift checker use are requested (type, string, required,
# readonly, relation, relation_field, selection, store, related, depends); "related" and "depends"
# are left out when empty. Needs curl and jq.
set -euo pipefail

ODOO_URL=${ODOO_URL:-http://127.0.0.1:8069}
ODOO_DATABASE=${ODOO_DATABASE:-odoodb}
ODOO_USERNAME=${ODOO_USERNAME:-admin}
ODOO_PASSWORD=${ODOO_PASSWORD:-admin}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-$ROOT/tests/Odoo.Models.OpenStack.Tests/RealSchema/fields_get.json}
ATTRIBUTES='["type","string","required","readonly","relation","relation_field","selection","store","related","depends"]'

# The models: every [OdooModel("...")] in the OpenStack declarations.
mapfile -t MODELS < <(grep -ho '\[OdooModel("[^"]*"' "$ROOT"/src/Odoo.Models.OpenStack/Models/*.cs | sed 's/.*("//; s/"$//' | sort -u)
[ "${#MODELS[@]}" -gt 0 ] || { echo "record-real-schema: no [OdooModel] found under src/Odoo.Models.OpenStack/Models" >&2; exit 2; }

# rpc SERVICE METHOD ARGS_JSON: the result of one /jsonrpc call, or exit 1 with the server's error.
rpc() {
    local body answer
    body=$(jq -cn --arg s "$1" --arg m "$2" --argjson a "$3" '{jsonrpc: "2.0", method: "call", id: 1, params: {service: $s, method: $m, args: $a}}')
    answer=$(curl -sS --fail -H 'Content-Type: application/json' -d "$body" "${ODOO_URL%/}/jsonrpc")
    if jq -e 'has("error")' <<<"$answer" >/dev/null; then
        echo "record-real-schema: $2 failed: $(jq -r '.error.data.message // .error.message' <<<"$answer")" >&2
        exit 1
    fi
    jq -c '.result' <<<"$answer"
}

uid=$(rpc common login "$(jq -cn --arg d "$ODOO_DATABASE" --arg u "$ODOO_USERNAME" --arg p "$ODOO_PASSWORD" '[$d, $u, $p]')")
if [ "$uid" = false ]; then echo "record-real-schema: login refused for $ODOO_USERNAME on $ODOO_DATABASE at $ODOO_URL" >&2; exit 1; fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for model in "${MODELS[@]}"; do
    args=$(jq -cn --arg d "$ODOO_DATABASE" --argjson uid "$uid" --arg p "$ODOO_PASSWORD" --arg m "$model" --argjson a "$ATTRIBUTES" \
        '[$d, $uid, $p, $m, "fields_get", [], {attributes: $a}]')
    rpc object execute_kw "$args" | jq -c --arg m "$model" '{($m): .}' > "$tmp/$model.json"
    echo "  $model: $(jq -r '.[] | length' "$tmp/$model.json") fields" >&2
done

mkdir -p "$(dirname "$OUT")"
jq -s -r '
  def clean: with_entries(select(.key as $k | .value as $v | ($k != "related" or ($v != false and $v != null)) and ($k != "depends" or $v != [])))
             | to_entries | sort_by(.key) | from_entries;
  add
  | "{\n" + (to_entries | sort_by(.key) | map(
        "  " + (.key | tojson) + ": {\n"
        + (.value | to_entries | sort_by(.key) | map("    " + (.key | tojson) + ": " + (.value | clean | tojson)) | join(",\n"))
        + "\n  }") | join(",\n")) + "\n}"
' "$tmp"/*.json > "$OUT"
jq empty "$OUT"
echo "record-real-schema: ${#MODELS[@]} models from $ODOO_URL (database $ODOO_DATABASE) -> $OUT ($(wc -c < "$OUT") bytes)" >&2
