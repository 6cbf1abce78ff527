#!/usr/bin/env bash
# Make sure Debian's nginx is installed for the tests that serve the site as production does
# (with the generated build/hosting/nginx.conf); install it as root, else fail loudly.
set -euo pipefail
source "$(dirname "$0")/apt-pinned.sh"
if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then report_pinned nginx-light; exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's nginx for the hosting tests..."
  apt_install_pinned nginx-light
  exit 0
fi
echo "nginx is missing: run 'sudo apt-get install nginx-light' (the hosting tests never skip)." >&2
exit 1
