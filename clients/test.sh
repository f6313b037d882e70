#!/usr/bin/env bash
# The client tests, in one command (run from anywhere):  clients/test.sh [unit] [neovim] [vscode]
#   unit    node --test: the VS Code extension's pure parts, en/ja resources, shared JVM options
#   neovim  a real headless Neovim with our plugin (clients/neovim/test/run.sh)
#   vscode  our .vsix in a real code-server driven by Playwright + chromium (clients/vscode/test/run.sh)
# Default: all three. Builds server/target/falconer.jar first when it is missing or older than the
# sources. Editors and tools are installed on first use (apt-get, npm) and cached in
# ~/.cache/falconer-clients (FALCONER_CLIENTS_CACHE overrides), so a second run is fast.
# Prints one PASS/FAIL/SKIP line per check, then "clients: N passed, N failed, N skipped";
# exits non-zero when any check failed.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(unit neovim vscode)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# The unit suite's full output is kept (git-ignored) so a failure can be read after the run.
unit_log="$here/test/out/unit.log"
start=$(date +%s)

jar="$root/server/target/falconer.jar"
stale=""
if [ -f "$jar" ]; then
  stale=$(find "$root/pom.xml" "$root"/{grammar,field-catalog,server}/pom.xml "$root"/{grammar,field-catalog,server}/src/main \
    -newer "$jar" -type f 2>/dev/null | head -1)
fi
if [ ! -f "$jar" ] || [ -n "$stale" ]; then
  echo "clients: building $jar" >&2
  if ! (cd "$root" && timeout 600 mvn -B -q package -DskipTests) >&2; then
    echo "FAIL clients: mvn -B -q package -DskipTests failed" | tee -a "$log"
  fi
fi

for suite in "${suites[@]}"; do
  suite_start=$(date +%s)
  failed_before=$(grep -c '^FAIL' "$log")
  case "$suite" in
    unit)
      mkdir -p "$(dirname "$unit_log")"
      if timeout 120 node --test "$here"/vscode/test/unit/*.test.js "$here"/test/*.test.js >"$unit_log" 2>&1; then
        echo "PASS unit: $(grep -E '^# pass' "$unit_log" | awk '{print $3}') node tests of the clients' pure parts and resources" | tee -a "$log"
      else
        grep -E '^not ok|^# (pass|fail)' "$unit_log"
        echo "FAIL unit: node --test failed (see $unit_log)" | tee -a "$log"
      fi
      ;;
    neovim) timeout -k 10 420 "$here/neovim/test/run.sh" | tee -a "$log" ;;
    vscode) timeout -k 10 1500 "$here/vscode/test/run.sh" | tee -a "$log" ;;
    *) echo "FAIL clients: unknown suite '$suite' (unit, neovim, vscode)" | tee -a "$log" ;;
  esac
  rc=${PIPESTATUS[0]}
  if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
    echo "FAIL $suite: timed out" | tee -a "$log"
  elif [ "$rc" != 0 ] && [ "$(grep -c '^FAIL' "$log")" = "$failed_before" ]; then
    echo "FAIL $suite: exited with status $rc" | tee -a "$log"
  fi
  echo "clients: $suite took $(( $(date +%s) - suite_start ))s" >&2
done

passed=$(grep -c '^PASS' "$log")
failed=$(grep -c '^FAIL' "$log")
skipped=$(grep -c '^SKIP' "$log")
echo "clients: all suites took $(( $(date +%s) - start ))s" >&2
echo "clients: $passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
