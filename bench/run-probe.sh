#!/usr/bin/env bash
# Runs lspprobe (shared/tools/lspprobe) against Falconer and its baselines on the official
# rules, in one run on one machine, and prints one table (bench/probe-table.mjs).
#   falconer       server/falconer: the clients' JVM flags + an AppCDS archive (made by a first run)
#   falconer-nocds the same flags without the archive
#   bare-lsp4j     dev.falconer.bench.BareLsp4jServer with default JVM flags (any LSP4J server's floor)
#   yaml-ls        yaml-language-server with Falco's JSON schema (installed from npm into $WORK)
#   instant        bench/instant-server.py, answers at once with nothing (lspprobe's own cost per
#                  request: the floor under every column; skipped without python3)
# Environment: REPS (3), WORK (/tmp/falconer-probe), FALCONER_SHARED (../shared), SKIP_BUILD=1,
# LOAD=1 (one busy-looping process beside every run: a machine that is busy with something else,
# such as the editor itself; the quiet-minute figures of a shared machine come and go).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "${FALCONER_SHARED:-$root/../shared}" && pwd)
work=${WORK:-/tmp/falconer-probe}
reps=${REPS:-3}
rules=$shared/corpus/falcosecurity/rules/rules
files=falco_rules.yaml,falco-sandbox_rules.yaml
mkdir -p "$work"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  (cd "$root" && mvn -B -q -Pbench -DskipTests package)
fi
# the probe keeps shared/'s layout: its yaml-ls config finds the schema at ../../../peers
probedir=$work/shared/tools/lspprobe
if [ ! -d "$probedir/node_modules" ]; then
  rm -rf "$work/shared"
  mkdir -p "$work/shared/tools"
  cp -r "$shared/tools/lspprobe" "$probedir"
  cp -r "$shared/peers" "$work/shared/peers"
  chmod -R u+w "$work/shared"
  (cd "$probedir" && npm ci --silent)
fi
yls=$work/yls/node_modules/yaml-language-server/bin/yaml-language-server
if [ ! -f "$yls" ]; then
  mkdir -p "$work/yls"
  (cd "$work/yls" && npm init -y >/dev/null && npm install --silent yaml-language-server)
fi

if [ "${LOAD:-}" = 1 ]; then
  (while :; do :; done) &
  hog=$!
  trap 'kill $hog 2>/dev/null' EXIT
fi

export FALCONER_JAR=$root/server/target/falconer.jar
export FALCONER_CDS_DIR=$work/cds
rm -rf "$FALCONER_CDS_DIR"
probe() { # label, server command, extra args...
  local label=$1 server=$2
  shift 2
  echo "== $label" >&2
  (cd "$probedir" && node lspprobe.mjs --server "$server" --root "$rules" --reps "$reps" \
    --label "$label" --out "$work/$label.json" "$@" >"$work/$label.txt" 2>&1) || echo "   (exit $?)" >&2
}
# a first run writes the class-data archive at its exit and is not measured: like an editor's
# first session (the clients write theirs the same way), it opens, hovers, completes and edits,
# so the archive holds the classes of those requests too
probe cds-training "$root/server/falconer" --files "$files" --reps 1
probe falconer "$root/server/falconer" --files "$files"
probe falconer-nocds "env FALCONER_CDS=off $root/server/falconer" --files "$files"
probe bare-lsp4j "java -cp $root/bench/target/benchmarks.jar dev.falconer.bench.BareLsp4jServer" --files "$files"
probe yaml-ls "node $yls --stdio" --files "$files" --config "$probedir/configs/yaml-language-server.falco.json"
rm -f "$work/instant.json"
if command -v python3 >/dev/null; then
  probe instant "python3 $root/bench/instant-server.py" --files "$files"
fi
node "$root/bench/probe-table.mjs" "$work"/falconer.json "$work"/falconer-nocds.json "$work"/bare-lsp4j.json \
  "$work"/yaml-ls.json "$work"/instant.json
