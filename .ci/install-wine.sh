#!/usr/bin/env bash
# Installs what test/support/wine.ts needs to run emitted .cmd scripts:
#  - wine + wine64 (64-bit only: Debian has no wine32 without multiarch, and cmd.exe,
#    reg.exe, sc.exe ... all exist as 64-bit builtins),
#  - the MinGW C compiler, which builds the tiny fake-tool .exe shim (a fake tool
#    must be an .exe: a .cmd found on PATH never returns to the calling script).
# Idempotent and non-interactive; recommends are skipped (fonts, gstreamer, X libs).
set -euo pipefail

# The harness starts Wine under `setarch -R`: without a wine64-preloader, a randomized heap
# makes about one Wine process start in several thousand fail (docs/wine-notes.md, Setup).
# Some container seccomp profiles refuse that personality flag: say so, the tests still run.
if ! setarch "$(uname -m)" -R true 2>/dev/null; then
  echo "install-wine: warning: setarch -R is not permitted here; Wine will now and then fail to start a process" >&2
fi

need=()
command -v wine >/dev/null 2>&1 && [ -x /usr/lib/wine/wine64 ] || need+=(wine wine64)
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || need+=(gcc-mingw-w64-x86-64-win32)

if [ ${#need[@]} -eq 0 ]; then
  echo "install-wine: already present ($(wine --version 2>/dev/null))"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "install-wine: installed ${need[*]} ($(wine --version 2>/dev/null))"
