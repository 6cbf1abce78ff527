# Sourced by devtools/ensure-*.sh: Debian packages at the versions of devtools/debian-packages.lock.
# apt_install_pinned PACKAGE...: as root, installs each at its locked version when Debian still
#   offers it, else at Debian's current build, saying which (never silently another version).
#   APT_NO_RECOMMENDS=1 leaves out recommended packages.
# report_pinned PACKAGE...: one line per package whose installed version is not the locked one.
LOCK="$(dirname "${BASH_SOURCE[0]}")/debian-packages.lock"

locked_version() {
  awk -v p="$1" '$1 == p { print $2 }' "$LOCK"
}

apt_install_pinned() {
  local p v specs=()
  apt-get update -qq
  for p in "$@"; do
    v="$(locked_version "$p")"
    [ -n "$v" ] || { echo "$p is not in $LOCK: add it" >&2; return 1; }
    if apt-cache madison "$p" | awk -F'|' '{ gsub(/ /, "", $2); print $2 }' | grep -qxF "$v"; then
      specs+=("$p=$v")
    else
      echo "NOTE: Debian no longer offers $p $v (the tested version); installing its current build." >&2
      specs+=("$p")
    fi
  done
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${APT_NO_RECOMMENDS:+--no-install-recommends} \
    "${specs[@]}" >/dev/null
  report_pinned "$@"
}

report_pinned() {
  local p v have
  for p in "$@"; do
    v="$(locked_version "$p")"
    have="$(dpkg-query -W -f '${Version}' "$p" 2>/dev/null || true)"
    if [ -n "$have" ] && [ "$have" != "$v" ]; then
      echo "NOTE: $p $have is installed; the tests were last run with $v ($LOCK)." >&2
    fi
  done
  return 0
}
