#!/usr/bin/env bash
# Set up ssg on a Debian-like machine: a virtual environment in .venv with ssg
# installed editable from this checkout.
#
#   scripts/install.sh           ssg and its runtime dependencies
#   scripts/install.sh --test    also everything the test suite runs: Debian's
#                                Chromium and CJK fonts, a Java runtime for the
#                                HTML checker, nginx, rsync, ssh and sshd for the
#                                deploy tests, the npm checkers pinned in
#                                package-lock.json
#
# Run it as root or as a user with sudo (only apt-get needs root). It installs
# only what is missing, so running it again is quick.
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=false
case "${1:-}" in
  "") ;;
  --test) with_tests=true ;;
  *) echo "usage: scripts/install.sh [--test]" >&2; exit 2 ;;
esac

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian packages whose check fails: `need PACKAGE COMMAND...`
missing=()
need() {
  local package=$1
  shift
  "$@" >/dev/null 2>&1 || missing+=("$package")
}
has_package() {
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

need python3 command -v python3
# Debian's python3 keeps venv's pip bootstrap in a separate package
need python3-venv python3 -c 'import ensurepip, venv'
if $with_tests; then
  need chromium test -x /usr/bin/chromium
  need fonts-noto-cjk has_package fonts-noto-cjk
  need default-jre-headless command -v java
  need nginx sh -c 'command -v nginx || test -x /usr/sbin/nginx'
  need rsync command -v rsync
  need openssh-client command -v ssh
  need openssh-server test -x /usr/sbin/sshd   # the rsync tests start their own on a free port
  need git command -v git
  need npm command -v npm
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi

python3 -c 'import sys; sys.exit(sys.version_info < (3, 10))' || {
  echo "ssg needs Python 3.10 or newer; python3 is $(python3 --version)" >&2
  exit 1
}

# An isolated environment: nothing another ssg installed elsewhere can shadow this checkout.
[ -x .venv/bin/python ] || python3 -m venv .venv
if $with_tests; then target=".[test]"; else target="."; fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e "$target"

if $with_tests; then
  # --ignore-scripts: vnu-jar's install script would download a Java runtime; Debian's is used.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --ignore-scripts --no-audit --no-fund
  fi
fi
echo "ssg is installed in .venv ($(.venv/bin/ssg --version)); run '. .venv/bin/activate' to put it on your PATH"
