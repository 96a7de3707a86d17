#!/usr/bin/env bash
# Installs the Debian packages Roomcode needs when they are missing and apt is usable;
# otherwise prints what to install and exits non-zero.
# Usage: scripts/ensure-system.sh [--with-browser]
set -euo pipefail

need=()
command -v blender >/dev/null 2>&1 || [ -n "${BLENDER_PATH:-}" ] || need+=(blender)
if ! dpkg -s python3-numpy >/dev/null 2>&1 && ! python3 -c 'import numpy' >/dev/null 2>&1; then need+=(python3-numpy); fi
command -v bwrap >/dev/null 2>&1 || need+=(bubblewrap)
if [ "${1:-}" = "--with-browser" ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
fi

if [ ${#need[@]} -eq 0 ]; then
  echo "roomcode: system packages present (blender, python3-numpy, bubblewrap${1:+, chromium})"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else SUDO="none"; fi
fi
if [ "$SUDO" = "none" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "roomcode: missing system packages: ${need[*]}" >&2
  echo "roomcode: install them with: sudo apt-get install ${need[*]}" >&2
  echo "roomcode: (or set BLENDER_PATH to a Blender 3.4+ executable whose Python has numpy)" >&2
  exit 1
fi

echo "roomcode: installing ${need[*]} with apt-get (a few minutes)"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "roomcode: installed ${need[*]}"
