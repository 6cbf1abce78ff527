#!/usr/bin/env bash
# Make sure Debian's Chromium is installed for the browser tests; install it as root, else fail loudly.
set -euo pipefail
source "$(dirname "$0")/apt-pinned.sh"
if [ -x /usr/bin/chromium ]; then report_pinned chromium; exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests..."
  apt_install_pinned chromium
  exit 0
fi
echo "Chromium is missing: run 'sudo apt-get install chromium' (browser tests never skip)." >&2
exit 1
