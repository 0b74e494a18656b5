#!/usr/bin/env bash
# Debian packages ccdocs needs: `demo` (fonts, Amiri for Arabic; cairo, with which CairoSVG gives an SVG figure its PNG fallback in Word), `test` (fonts + LibreOffice, poppler, Chromium) or `bench` (those of test: the fonts and LibreOffice; Typst comes from PyPI, the bench extra).
# Installs the missing ones when running as root; otherwise prints the exact apt-get line and fails.
set -euo pipefail
demo=(fonts-liberation2 fonts-arphic-uming fonts-wqy-microhei fonts-wqy-zenhei fonts-hosny-amiri fontconfig libcairo2)
test=("${demo[@]}" poppler-utils libreoffice-writer-nogui chromium)
bench=("${test[@]}")
case "${1:-demo}" in
  demo) wanted=("${demo[@]}") ;;
  test) wanted=("${test[@]}") ;;
  bench) wanted=("${bench[@]}") ;;
  *) echo "usage: $0 demo|test|bench" >&2; exit 2 ;;
esac
if ! command -v dpkg-query >/dev/null; then
  echo "ccdocs: not a Debian system; install the equivalents of: ${wanted[*]}" >&2
  exit 0
fi
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "ccdocs needs these Debian packages; run as root:" >&2
  echo "  apt-get update && $cmd" >&2
  exit 1
fi
echo "ccdocs: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
