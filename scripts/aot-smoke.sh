#!/usr/bin/env bash
# Publishes the typed-API consumer (tests/Odoo.Models.OpenStack.Tests/TrimmedConsumer) as native AOT and runs it
# against the in-memory Odoo: TrimmedPublishTests with ODOOGEN_PUBLISH_AOT=1. Needs clang and zlib1g-dev
# (Debian packages; installed here when missing and apt-get is available). CI runs the trimmed variant only.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang >/dev/null || ! dpkg -s zlib1g-dev >/dev/null 2>&1; then
    echo "aot-smoke: installing clang and zlib1g-dev"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends clang zlib1g-dev >/dev/null
fi
ODOOGEN_PUBLISH_AOT=1 dotnet test tests/Odoo.Models.OpenStack.Tests --filter "FullyQualifiedName~TrimmedPublishTests" "$@"
