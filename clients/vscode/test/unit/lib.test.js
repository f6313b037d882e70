'use strict';
// Unit tests of the extension's pure parts (no VS Code needed): node --test clients/vscode/test/unit/
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('path');
const java = require('../../lib/java');
const { serverArgs, DEFAULT_JVM_ARGS } = require('../../lib/jvm');
const { normalize, rulesFilePatterns, documentSelector, DEFAULT_PATTERNS } = require('../../lib/patterns');
const { messages, languageOf } = require('../../lib/messages');
const { explanationMarkdown, explanationHtml } = require('../../lib/explanation');

test('java -version output gives the major version', () => {
  assert.equal(java.parseMajorVersion('openjdk version "17.0.15" 2025-04-15'), 17);
  assert.equal(java.parseMajorVersion('java version "1.8.0_402"'), 8);
  assert.equal(java.parseMajorVersion('openjdk version "21" 2023-09-19'), 21);
  assert.equal(java.parseMajorVersion('openjdk version "25-ea" 2025-09-16'), 25);
  assert.equal(java.parseMajorVersion('bash: java: command not found'), undefined);
});

test('java is looked for in falconer.java.home, then JAVA_HOME, then PATH', () => {
  const env = { JAVA_HOME: '/opt/jdk', PATH: '/usr/local/bin:/usr/bin' };
  const has = (...files) => (p) => files.includes(p);
  assert.equal(java.locate({ javaHome: '/my/jdk', env, platform: 'linux' }, has('/my/jdk/bin/java', '/opt/jdk/bin/java')).path, '/my/jdk/bin/java');
  assert.equal(java.locate({ javaHome: '', env, platform: 'linux' }, has('/opt/jdk/bin/java', '/usr/bin/java')).origin, 'JAVA_HOME');
  assert.equal(java.locate({ env, platform: 'linux' }, has('/usr/bin/java')).path, '/usr/bin/java');
  assert.equal(java.locate({ env: { PATH: '/bin' }, platform: 'linux' }, has()), undefined);
  assert.equal(java.locate({ env: { Path: '', PATH: 'C:\\jdk\\bin' }, platform: 'win32' }, has(path.join('C:\\jdk\\bin', 'java.exe'))).origin, 'PATH');
});

test('a falconer.java.home without java is reported, not skipped', () => {
  const found = java.locate({ javaHome: '/wrong', env: { PATH: '/usr/bin' }, platform: 'linux' }, (p) => p === '/usr/bin/java');
  assert.equal(found.missing, true);
  assert.equal(found.origin, 'falconer.java.home');
});

test('the server runs with the JVM defaults, then the user options, then -jar', () => {
  const args = serverArgs('/ext/server/falconer.jar', ['-Xmx1g']);
  assert.deepEqual(args.slice(-3), ['-Xmx1g', '-jar', '/ext/server/falconer.jar']);
  assert.ok(args.includes('-XX:+UseSerialGC'));
  // JVM warnings must never reach stdout, the LSP channel.
  assert.ok(DEFAULT_JVM_ARGS.includes('-Xlog:all=warning:stderr'));
});

test('rules-file patterns: built-ins plus user globs anchored anywhere', () => {
  assert.equal(normalize('falco/*.yaml'), '**/falco/*.yaml');
  assert.equal(normalize('./x/*.yaml'), '**/x/*.yaml');
  assert.equal(normalize('**/a.yaml'), '**/a.yaml');
  assert.equal(normalize('/etc/falco/*.yaml'), '/etc/falco/*.yaml');
  const all = rulesFilePatterns(['falco/*.yaml', '**/*_rules.yaml', '', 3]);
  assert.deepEqual(all, [...DEFAULT_PATTERNS, '**/falco/*.yaml']);
  assert.ok(documentSelector([]).every((s) => s.language === 'yaml' && s.scheme === 'file'));
});

test('messages follow the locale and fall back to English', () => {
  assert.equal(languageOf('ja-JP'), 'ja');
  assert.equal(languageOf('en-US'), 'en');
  assert.equal(languageOf(undefined), 'en');
  assert.match(messages('en')('java.tooOld', '/usr/bin/java', 11), /\/usr\/bin\/java is Java 11/);
  assert.match(messages('ja')('java.tooOld', '/usr/bin/java', 11), /Java 11 です/);
  assert.equal(messages('ja')('no.such.key'), 'no.such.key');
});

test('explain results: string, MarkupContent or {markdown}', () => {
  assert.equal(explanationMarkdown('# a'), '# a');
  assert.equal(explanationMarkdown({ kind: 'markdown', value: '# b' }), '# b');
  assert.equal(explanationMarkdown({ markdown: '# c', items: [] }), '# c');
  assert.equal(explanationMarkdown(null), '');
  const page = explanationHtml(undefined, '<script>x</script>', 'vscode-resource:');
  assert.ok(page.includes('&lt;script&gt;'));
  assert.ok(!page.includes('<script>x'));
  assert.ok(explanationHtml('<h1>t</h1>', '# t', 'x').includes('<h1>t</h1>'));
});
