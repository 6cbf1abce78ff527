#!/usr/bin/env sh
# Print the path of a working Python 3.13 interpreter, or fail loudly.
# Why: the browser runs Pyodide 0.29 (CPython 3.13); host tests must run the same minor version.
for p in "${PYTHON:-}" python3.13 /usr/bin/python3.13 /usr/local/bin/python3.13 \
         "$HOME"/.pyenv/versions/3.13*/bin/python3.13; do
  [ -n "$p" ] || continue
  if "$p" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 13))' >/dev/null 2>&1; then
    command -v "$p" 2>/dev/null || echo "$p"
    exit 0
  fi
done
echo "find-python: no Python 3.13 found (apt-get install python3.13 python3.13-venv)" >&2
exit 1
