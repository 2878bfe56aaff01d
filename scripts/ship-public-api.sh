#!/usr/bin/env bash
# At a release: moves each tracked project's PublicAPI.Unshipped.txt into its PublicAPI.Shipped.txt (docs/design.md,
# "Public API"). Ordinary lines join the shipped list; a "*REMOVED*<line>" deletes <line> from it. The shipped file
# stays sorted (ordinal) under its "#nullable enable"; the unshipped file is left with only "#nullable enable".
set -euo pipefail
cd "$(dirname "$0")/.."
for unshipped in src/*/PublicAPI.Unshipped.txt; do
    dir=$(dirname "$unshipped")
    shipped="$dir/PublicAPI.Shipped.txt"
    removed=$(grep '^\*REMOVED\*' "$unshipped" | sed 's/^\*REMOVED\*//' || true)
    tmp=$(mktemp)
    {
        echo '#nullable enable'
        { grep -v -e '^#nullable' -e '^\*REMOVED\*' -e '^[[:space:]]*$' "$shipped" "$unshipped" --no-filename || true; } \
            | { if [ -n "$removed" ]; then grep -v -x -F -f <(printf '%s\n' "$removed") || true; else cat; fi; } \
            | LC_ALL=C sort -u
    } > "$tmp"
    mv "$tmp" "$shipped"
    printf '#nullable enable\n' > "$unshipped"
    echo "ship-public-api: $dir: $(($(wc -l < "$shipped") - 1)) shipped entries"
done
