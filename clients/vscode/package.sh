#!/usr/bin/env sh
# Builds the Falconer VS Code extension as a .vsix, server jar included:
#   clients/vscode/package.sh          (or: cd clients/vscode && npm run package)
# 1. builds server/target/falconer.jar with Maven at the repository root (skipped when
#    FALCONER_SKIP_MAVEN=1 and the jar exists, as the editor tests do after building it once),
# 2. copies it to clients/vscode/server/falconer.jar (git-ignored),
# 3. installs the pinned npm dependencies (npm ci) and runs @vscode/vsce.
# Prints the path of the .vsix on its last line. Needs a JDK 17+, Maven, Node.js 20+ and npm.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jar="$root/server/target/falconer.jar"

if [ "${FALCONER_SKIP_MAVEN:-0}" != 1 ] || [ ! -f "$jar" ]; then
  (cd "$root" && mvn -B -q package -DskipTests)
fi
mkdir -p "$here/server"
cp "$jar" "$here/server/falconer.jar"

cd "$here"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # keytar (optional, for publishing only) would try a native build: leave it out.
  npm ci --omit=optional --no-audit --no-fund --loglevel=error
fi
version=$(node -p "require('./package.json').version")
out="$here/falconer-$version.vsix"
./node_modules/.bin/vsce package --skip-license --allow-missing-repository --out "$out" >&2
echo "$out"
