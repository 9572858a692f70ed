#!/usr/bin/env bash
# Refreshes the vendored front-end packages from the npm registry:
#   scripts/vendor-static.sh [bootstrap-italia-version] [htmx-version] [axe-core-version] [leaflet-version]
# Bootstrap Italia, htmx and Leaflet (the map of /mappa) land in web/static (embedded in the binary, no
# CDN); axe-core lands in the browser tests' testdata.
set -euo pipefail
BI=${1:-2.18.3}
HTMX=${2:-2.0.11}
AXE=${3:-4.14.1}
LEAFLET=${4:-1.9.4}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm pack --silent "bootstrap-italia@$BI" "htmx.org@$HTMX" "axe-core@$AXE" "leaflet@$LEAFLET" >/dev/null
mkdir bi htmx axe leaflet
tar xzf "bootstrap-italia-$BI.tgz" -C bi
tar xzf "htmx.org-$HTMX.tgz" -C htmx
tar xzf "axe-core-$AXE.tgz" -C axe
tar xzf "leaflet-$LEAFLET.tgz" -C leaflet
dest="$root/web/static/vendor/bootstrap-italia"
rm -rf "$dest" && mkdir -p "$dest/css" "$dest/js"
cp bi/package/dist/css/bootstrap-italia.min.css "$dest/css/"
cp bi/package/dist/js/bootstrap-italia.bundle.min.js "$dest/js/"
cp -r bi/package/dist/fonts bi/package/dist/svg "$dest/"
cp bi/package/LICENSE "$dest/LICENSE" 2>/dev/null || true
echo "$BI" > "$dest/VERSION"
mkdir -p "$root/web/static/vendor/htmx"
cp htmx/package/dist/htmx.min.js "$root/web/static/vendor/htmx/"
cp htmx/package/LICENSE "$root/web/static/vendor/htmx/LICENSE"
echo "$HTMX" > "$root/web/static/vendor/htmx/VERSION"
ldest="$root/web/static/vendor/leaflet"
rm -rf "$ldest" && mkdir -p "$ldest/images"
cp leaflet/package/dist/leaflet.js leaflet/package/dist/leaflet.css "$ldest/"
cp leaflet/package/dist/images/*.png "$ldest/images/"
cp leaflet/package/LICENSE "$ldest/LICENSE"
echo "$LEAFLET" > "$ldest/VERSION"
mkdir -p "$root/internal/e2e/testdata"
cp axe/package/axe.min.js "$root/internal/e2e/testdata/axe.min.js"
cp axe/package/LICENSE "$root/internal/e2e/testdata/AXE_LICENSE"
echo "$AXE" > "$root/internal/e2e/testdata/AXE_VERSION"
echo "vendored bootstrap-italia $BI, htmx $HTMX, axe-core $AXE, leaflet $LEAFLET"
