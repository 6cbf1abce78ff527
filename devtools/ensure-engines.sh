#!/usr/bin/env bash
# The other engines for the cross-engine browser tests (tests/engines/): Debian's Firefox ESR
# (driven by puppeteer-core from npm over WebDriver BiDi), WebKitGTK's WebDriver with its MiniBrowser
# (driven by selenium from PyPI) and a virtual display (Xvfb) for WebKit. Installs them with apt as
# root; otherwise fails loudly, saying what to install. Never skips.
set -euo pipefail
source "$(dirname "$0")/apt-pinned.sh"

packages=(firefox-esr webkit2gtk-driver xvfb xauth)
# What each package must leave on disk (the harness uses exactly these paths).
need_file() {
  case "$1" in
    firefox-esr) echo /usr/bin/firefox-esr ;;
    webkit2gtk-driver) echo /usr/bin/WebKitWebDriver ;;
    xvfb) echo /usr/bin/Xvfb ;;
    xauth) echo /usr/bin/xauth ;;
  esac
}
# MiniBrowser comes with libwebkit2gtk-4.1-0 (a dependency of webkit2gtk-driver), outside PATH.
minibrowser() {
  local f
  for f in /usr/lib/*-linux-gnu/webkit2gtk-4.1/MiniBrowser; do
    [ -x "$f" ] && { echo "$f"; return 0; }
  done
  return 0
}

missing=()
for p in "${packages[@]}"; do
  [ -x "$(need_file "$p")" ] || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's ${missing[*]} for the cross-engine browser tests..."
    APT_NO_RECOMMENDS=1 apt_install_pinned "${missing[@]}"
  else
    echo "Missing for the cross-engine browser tests: ${missing[*]}." >&2
    echo "Run: sudo apt-get install ${missing[*]}   (the browser tests never skip)" >&2
    exit 1
  fi
fi

report_pinned "${packages[@]}"
# Check, after installing: every file the harness uses is there.
for p in "${packages[@]}"; do
  f="$(need_file "$p")"
  [ -x "$f" ] || { echo "$p is installed but $f is missing" >&2; exit 1; }
done
mb="$(minibrowser)"
[ -n "$mb" ] || { echo "webkit2gtk-driver is installed but its MiniBrowser is missing" >&2; exit 1; }
echo "Engines: $(/usr/bin/firefox-esr --version 2>/dev/null | head -n 1); WebKitGTK $(dpkg-query -W -f '${Version}' webkit2gtk-driver 2>/dev/null); MiniBrowser $mb"
