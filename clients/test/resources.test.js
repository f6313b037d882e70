'use strict';
// Checks that hold across both clients: every user-facing text exists in English and Japanese,
// and both clients start the server JVM with the same options. node --test clients/test/
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');

const clients = path.join(__dirname, '..');
const json = (...p) => JSON.parse(fs.readFileSync(path.join(clients, ...p), 'utf8'));
const keys = (o) => Object.keys(o).sort();

test('package.nls.json and package.nls.ja.json have the same keys, all used', () => {
  const en = json('vscode', 'package.nls.json');
  const ja = json('vscode', 'package.nls.ja.json');
  assert.deepEqual(keys(ja), keys(en));
  const manifest = fs.readFileSync(path.join(clients, 'vscode', 'package.json'), 'utf8');
  const used = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(used)].sort(), keys(en));
});

test('every server setting is contributed with a description', () => {
  const props = json('vscode', 'package.json').contributes.configuration.properties;
  for (const name of ['locale', 'rulesFiles', 'catalogFiles', 'sources', 'severity', 'explain.codeLens',
    'references.codeLens', 'diagnostics.delay', 'filePatterns', 'java.home', 'java.vmArgs', 'server.classDataSharing']) {
    assert.ok(props[`falconer.${name}`], `falconer.${name} is contributed`);
    assert.ok(props[`falconer.${name}`].markdownDescription, `falconer.${name} has a description`);
  }
});

for (const client of ['vscode', 'neovim']) {
  test(`${client} messages exist in English and Japanese`, () => {
    const en = json(client, 'messages', 'en.json');
    const ja = json(client, 'messages', 'ja.json');
    assert.deepEqual(keys(ja), keys(en));
    for (const key of keys(ja)) assert.match(ja[key], /[\u3040-\u30ff\u4e00-\u9faf]/, `${client} ja ${key} is Japanese`);
  });
}

/** The flags of the server README's "Recommended JVM flags and the launcher" block. */
function readmeJvmFlags() {
  const readme = fs.readFileSync(path.join(clients, '..', 'README.md'), 'utf8');
  const section = readme.split(/^### Recommended JVM flags and the launcher$/m)[1];
  assert.ok(section, 'README.md has the section "Recommended JVM flags and the launcher"');
  const block = /^```\n([\s\S]*?)^```/m.exec(section);
  assert.ok(block, 'that section has a code block of flags');
  return block[1].split(/\s+/).filter(Boolean);
}

test('the clients and the launcher start the JVM with the README\'s recommended flags', () => {
  const { DEFAULT_JVM_ARGS } = require('../vscode/lib/jvm');
  const flags = readmeJvmFlags();
  assert.ok(flags.length > 0 && flags.every((f) => f.startsWith('-')), `README flags: ${flags.join(' ')}`);
  assert.deepEqual([...DEFAULT_JVM_ARGS], flags);
  const launcher = fs.readFileSync(path.join(clients, '..', 'server', 'falconer'), 'utf8');
  const jvm = /^jvm="([^"]*)"/m.exec(launcher);
  assert.ok(jvm, 'server/falconer sets jvm="…"');
  assert.deepEqual(jvm[1].replace(/\\\n/g, ' ').split(/\s+/).filter(Boolean), flags);
});

test('the Neovim client starts the JVM with the same options as the VS Code client', () => {
  const { DEFAULT_JVM_ARGS } = require('../vscode/lib/jvm');
  const lua = fs.readFileSync(path.join(clients, 'neovim', 'lua', 'falconer', 'init.lua'), 'utf8');
  const block = /M\.jvm_args = \{([\s\S]*?)\n\}/.exec(lua)[1];
  const luaArgs = [...block.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  assert.deepEqual(luaArgs, [...DEFAULT_JVM_ARGS]);
});

/** The JVM command line server/falconer builds for `args`, read through a stand-in java that prints it. */
function launcherCommand(args) {
  const { execFileSync } = require('child_process');
  const os = require('os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'falconer-launcher-'));
  try {
    const java = path.join(dir, 'java');
    fs.writeFileSync(java, '#!/bin/sh\nprintf \'%s\\n\' "$@"\n', { mode: 0o755 });
    const out = execFileSync('sh', [path.join(clients, '..', 'server', 'falconer'), ...args], {
      env: { ...process.env, FALCONER_JAVA: java, FALCONER_CDS: 'off', FALCONER_JAR: '/x/falconer.jar', FALCONER_JVM_ARGS: '' },
      encoding: 'utf8',
    });
    return out.split('\n').filter(Boolean);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('the launcher gives the server the README\'s flags and the command-line jobs the same without the heap shaping', () => {
  const flags = readmeJvmFlags();
  for (const args of [[], ['lsp'], ['--port', '5007']]) {
    assert.deepEqual(launcherCommand(args), [...flags, '-jar', '/x/falconer.jar', ...args], `falconer ${args.join(' ')}`);
  }
  const heap = /^-(XX:MaxRAMPercentage=|XX:MinHeapFreeRatio=|XX:MaxHeapFreeRatio=|Xms|Xmn|XX:SurvivorRatio=)/;
  assert.equal(flags.filter((f) => heap.test(f)).length, 6, 'the README still has the six heap-shaping flags');
  for (const args of [['check', 'a.yaml'], ['explain', 'a.yaml'], ['catalog', 'list']]) {
    assert.deepEqual(launcherCommand(args), [...flags.filter((f) => !heap.test(f)), '-jar', '/x/falconer.jar', ...args],
      `falconer ${args.join(' ')}`);
  }
});
