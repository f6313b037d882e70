'use strict';
// Which YAML files are Falco rules files. They stay in the 'yaml' language (so they keep YAML's
// highlighting); the selector narrows by file name.
const DEFAULT_PATTERNS = Object.freeze([
  '**/*_rules.yaml',
  '**/*_rules.yml',
  '**/falco_rules*.yaml',
  '**/falco_rules*.yml',
  '**/rules.d/*.yaml',
  '**/rules.d/*.yml',
]);

/** A user glob made to match anywhere in the workspace, as the built-in ones do. */
function normalize(glob) {
  const g = String(glob).trim().replace(/\\/g, '/');
  if (g.startsWith('/') || g.startsWith('**/') || /^[A-Za-z]:\//.test(g)) return g;
  return `**/${g.replace(/^\.\//, '')}`;
}

/** Built-in patterns plus the user's `falconer.filePatterns`, deduplicated, in order. */
function rulesFilePatterns(extra = []) {
  const all = [...DEFAULT_PATTERNS, ...(Array.isArray(extra) ? extra : []).filter((g) => typeof g === 'string' && g.trim()).map(normalize)];
  return [...new Set(all)];
}

/** A vscode-languageclient document selector: YAML files on disk matching a pattern. */
function documentSelector(extra = []) {
  return rulesFilePatterns(extra).map((pattern) => ({ scheme: 'file', language: 'yaml', pattern }));
}

module.exports = { DEFAULT_PATTERNS, normalize, rulesFilePatterns, documentSelector };
