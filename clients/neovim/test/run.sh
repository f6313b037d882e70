#!/usr/bin/env bash
# Neovim editor test: a real headless Neovim (Debian's, 0.7.2 on Debian 12) loads our plugin with
# require('falconer').setup{}, opens a copy of clients/test/fixtures/demo_rules.yaml and checks
# the diagnostic, hover, code lenses and :FalconerExplain (editor_test.lua). One PASS/FAIL line
# per check; exit status 0 only when every check passed. Installs nvim with apt-get when missing.
# Needs server/target/falconer.jar (clients/test.sh builds it). Output and LSP log: test/out/.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
out="$here/out"
jar="${FALCONER_JAR:-$root/server/target/falconer.jar}"
mkdir -p "$out"
rm -f "$out/results.txt" "$out/lsp.log" "$out/nvim.log"

if ! command -v nvim >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "neovim: installing nvim with apt-get" >&2
    { timeout 300 apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 300 apt-get install -y -qq neovim; } >"$out/apt.log" 2>&1 \
      || { echo "FAIL neovim: apt-get install neovim failed (see $out/apt.log)"; exit 1; }
  else
    echo "SKIP neovim: nvim is not installed and this platform cannot install it (needs root and apt-get)"
    exit 0
  fi
fi
if [ ! -f "$jar" ]; then
  echo "FAIL neovim: no server jar at $jar (build it: mvn -B -q package -DskipTests)"
  exit 1
fi

work=$(mktemp -d)
pgid=""
cleanup() {
  # Neovim and the server JVM it started share one process group: end exactly that group.
  if [ -n "$pgid" ] && kill -0 -- "-$pgid" 2>/dev/null; then
    kill -TERM -- "-$pgid" 2>/dev/null; sleep 1; kill -KILL -- "-$pgid" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

mkdir -p "$work/rules"
cp "$root/clients/test/fixtures/demo_rules.yaml" "$work/rules/demo_rules.yaml"
export FALCONER_JAR="$jar"
export FALCONER_RULES="$work/rules/demo_rules.yaml"
export FALCONER_CATALOG="$root/field-catalog/src/main/resources/dev/falconer/catalog/descriptions"
export FALCONER_RESULTS="$out/results.txt"
# A private config/state so the user's own Neovim setup never interferes; the LSP log lands here.
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache"
export NVIM_LOG_FILE="$out/nvim.log"

start=$(date +%s)
setsid timeout -k 5 "${FALCONER_NVIM_TIMEOUT:-180}" nvim --headless -u NONE -i NONE -n \
  --cmd "set rtp^=$root/clients/neovim" \
  --cmd "lua vim.lsp.set_log_level('debug')" \
  -c "luafile $here/editor_test.lua" </dev/null >"$out/nvim.stdout" 2>&1 &
pgid=$!
wait "$pgid"
rc=$?
for log in "$work"/cache/nvim/lsp.log "$work"/state/nvim/lsp.log; do
  [ -f "$log" ] && cp "$log" "$out/lsp.log"
done

[ -f "$out/results.txt" ] && cat "$out/results.txt"
if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
  echo "FAIL neovim: timed out after ${FALCONER_NVIM_TIMEOUT:-180}s (see $out/lsp.log, $out/nvim.stdout)"
elif [ "$rc" != 0 ] && ! grep -q '^FAIL' "$out/results.txt" 2>/dev/null; then
  echo "FAIL neovim: nvim exited with status $rc (see $out/nvim.stdout)"
fi
echo "neovim: finished in $(( $(date +%s) - start ))s; LSP log: $out/lsp.log" >&2
[ "$rc" = 0 ]
