#!/usr/bin/env bash
# Renders a report's HTML in headless Chromium so a person can look at it:
#   Tools/render-report-html.sh report.html [out.png] [--print]
# Writes a 1400×2000 screenshot (default: report.png beside the HTML); with --print, also
# prints it as the browser would (A4 landscape, from the page's @page/@media print rules) to
# a PDF beside the PNG, and, when pdftoppm is installed, the PDF's pages as PNGs.
# Needs the Debian package `chromium`. The golden files under Tests/TTHCReportsTests/Snapshots/
# are ready-made inputs.
set -euo pipefail

usage() { echo "usage: $0 REPORT.html [OUT.png] [--print]" >&2; exit 2; }

print=0
args=()
for arg in "$@"; do
  case "$arg" in
    --print) print=1 ;;
    -h|--help) usage ;;
    *) args+=("$arg") ;;
  esac
done
[ "${#args[@]}" -ge 1 ] && [ "${#args[@]}" -le 2 ] || usage

html="${args[0]}"
[ -f "$html" ] || { echo "$0: no such file: $html" >&2; exit 1; }
html="$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
png="${args[1]:-${html%.*}.png}"
case "$png" in /*) ;; *) png="$PWD/$png" ;; esac

browser="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$browser" ] || { echo "$0: chromium not found (apt-get install chromium)" >&2; exit 1; }

# A throwaway profile, so runs never share state and leave nothing behind.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
flags=(--headless --disable-gpu --no-sandbox --user-data-dir="$profile" --no-first-run
  --no-default-browser-check --disable-extensions --no-proxy-server --hide-scrollbars)

"$browser" "${flags[@]}" --window-size=1400,2000 --screenshot="$png" "file://$html" 2>/dev/null
echo "$png"

if [ "$print" -eq 1 ]; then
  pdf="${png%.*}.pdf"
  "$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$pdf" "file://$html" 2>/dev/null
  echo "$pdf"
  if command -v pdftoppm >/dev/null; then
    pdftoppm -png -r 80 "$pdf" "${pdf%.pdf}-page"
    ls "${pdf%.pdf}"-page*.png
  fi
fi
