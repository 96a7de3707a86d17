#!/usr/bin/env bash
# Makes sure this machine can build Roomcode objects. Every check of what Blender needs runs inside the Blender
# the server will use (BLENDER_PATH, else `blender` on PATH), because its Python is not necessarily the
# `python3` on PATH: it must start headless, be 3.4 or newer, and import numpy and the glTF exporter add-on.
# Also needs bubblewrap (and Debian's Chromium with --with-browser). Missing Debian packages are installed
# with apt-get when that is possible (root or passwordless sudo, and ROOMCODE_NO_APT is not 1); otherwise the
# exact command is printed. Exits non-zero when anything is still missing after that.
# Usage: scripts/ensure-system.sh [--with-browser]
set -euo pipefail

with_browser=false
[ "${1:-}" = "--with-browser" ] && with_browser=true

MARK_OK=ROOMCODE_BLENDER_OK
MARK_FAIL=ROOMCODE_BLENDER_FAIL
# Runs in Blender's Python. Blender exits 0 even when this raises, so only the marker line counts.
CHECK_EXPR="
import sys
try:
    import bpy
    if bpy.app.version < (3, 4, 0):
        raise RuntimeError('Blender %s is too old: Roomcode needs 3.4 or newer' % bpy.app.version_string)
    import numpy
    import io_scene_gltf2
    if not hasattr(bpy.types, 'EXPORT_SCENE_OT_gltf'):
        raise RuntimeError('the glTF exporter add-on (io_scene_gltf2) is not enabled')
    print('$MARK_OK blender=%s python=%s numpy=%s' % (bpy.app.version_string, sys.version.split()[0], numpy.__version__), flush=True)
except BaseException as e:
    print('$MARK_FAIL %s: %s' % (type(e).__name__, e), flush=True)
"

say() { echo "roomcode: $*"; }
fail() { echo "roomcode: $*" >&2; exit 1; }

# The Blender the server will use, as blender-runner/client/locate.ts finds it (empty when none).
blender_bin() {
  if [ -n "${BLENDER_PATH:-}" ]; then echo "$BLENDER_PATH"; else command -v blender 2>/dev/null || true; fi
}

# Runs the check inside Blender; sets check_line to the marker line (or Blender's last output line).
check_line=""
check_blender() {
  local out
  out="$(timeout 120 "$1" -b --factory-startup -noaudio --python-expr "$CHECK_EXPR" 2>&1 || true)"
  check_line="$(grep -m1 -E "^($MARK_OK|$MARK_FAIL) " <<<"$out" || true)"
  if [ -z "$check_line" ]; then
    check_line="$MARK_FAIL Blender did not run the check: $(grep -v '^\s*$' <<<"$out" | tail -n 1)"
  fi
  [[ "$check_line" == "$MARK_OK "* ]]
}

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

need=()      # Debian packages to install
reinstall=() # installed Debian packages whose files Blender cannot use
want() { if installed "$1"; then reinstall+=("$1"); else need+=("$1"); fi; }

bin="$(blender_bin)"
if [ -n "${BLENDER_PATH:-}" ] && [ ! -x "$BLENDER_PATH" ]; then
  fail "BLENDER_PATH=$BLENDER_PATH is not an executable: point it at a Blender 3.4+ or unset it to use Debian's blender"
fi
blender_cause=""
if [ -z "$bin" ]; then
  # Debian's blender only recommends python3-numpy, and its glTF exporter cannot run without it.
  need+=(blender python3-numpy)
elif ! check_blender "$bin"; then
  blender_cause="${check_line#"$MARK_FAIL "}"
  case "$blender_cause" in
    *numpy*) want python3-numpy ;;
    *io_scene_gltf2*) want blender-data ;;
    *) fail "Blender at $bin cannot run Roomcode's worker: $blender_cause" ;;
  esac
fi
command -v bwrap >/dev/null 2>&1 || need+=(bubblewrap)
if $with_browser && [ ! -x /usr/bin/chromium ]; then need+=(chromium); fi
# The simulator-export tests: check_urdf, MuJoCo's mujoco-compile and headers, and a C compiler for test/support/mujoco-sim.c.
if $with_browser; then
  command -v check_urdf >/dev/null 2>&1 || need+=(liburdfdom-tools)
  command -v mujoco-compile >/dev/null 2>&1 || need+=(libmujoco-samples)
  [ -f /usr/include/mujoco/mujoco.h ] || need+=(libmujoco-dev)
  command -v gcc >/dev/null 2>&1 || need+=(gcc)
  # The build-queue tests run a real Redis on loopback (server/queue/queue.int.test.ts).
  command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
  # The Postgres store tests initdb a throwaway cluster on loopback (test/support/postgres.ts).
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
fi

if [ ${#need[@]} -eq 0 ] && [ ${#reinstall[@]} -eq 0 ]; then
  say "system ready: ${check_line#"$MARK_OK "} at $bin (Blender's own Python has numpy and the glTF exporter); bubblewrap$($with_browser && echo ", chromium")"
  exit 0
fi

if [ -n "$blender_cause" ]; then say "Blender at $bin cannot build objects: $blender_cause"; fi
packages="${need[*]} ${reinstall[*]}"
packages="$(echo $packages)"

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then as_root=(sudo -n); else as_root=(none); fi
fi
if [ "${ROOMCODE_NO_APT:-}" = "1" ] || [ "${as_root[*]}" = "none" ] || ! command -v apt-get >/dev/null 2>&1; then
  prefix=""; [ "$(id -u)" -ne 0 ] && prefix="sudo "
  [ ${#need[@]} -gt 0 ] && echo "roomcode: run: ${prefix}apt-get install ${need[*]}" >&2
  [ ${#reinstall[@]} -gt 0 ] && echo "roomcode: run: ${prefix}apt-get install --reinstall ${reinstall[*]}" >&2
  fail "missing system packages: $packages (or set BLENDER_PATH to a Blender 3.4+ whose Python has numpy)"
fi

say "installing $packages with apt-get (a few minutes)"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
apt_install=("${as_root[@]}" apt-get install -y -qq --no-install-recommends)
if [ ${#need[@]} -gt 0 ]; then "${apt_install[@]}" "${need[@]}" >/dev/null; fi
if [ ${#reinstall[@]} -gt 0 ]; then "${apt_install[@]}" --reinstall "${reinstall[@]}" >/dev/null; fi
say "installed $packages"

bin="$(blender_bin)"
[ -n "$bin" ] || fail "blender is still not on PATH after apt-get install blender"
if ! check_blender "$bin"; then
  cause="${check_line#"$MARK_FAIL "}"
  case "$cause" in
    *numpy*) fail "Blender's Python at $bin still has no numpy ($cause): apt-get install python3-numpy, or for a Blender with its own bundled Python, install numpy into that Python or unset BLENDER_PATH" ;;
    *) fail "Blender at $bin still cannot export glTF: $cause" ;;
  esac
fi
command -v bwrap >/dev/null 2>&1 || fail "bubblewrap is still missing: apt-get install bubblewrap"
if $with_browser && [ ! -x /usr/bin/chromium ]; then fail "chromium is still missing: apt-get install chromium"; fi
say "system ready: ${check_line#"$MARK_OK "} at $bin"
