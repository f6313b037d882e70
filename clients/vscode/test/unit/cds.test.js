'use strict';
// Class-data sharing options of the server JVM (lib/cds.js), on real files; the last tests run the
// real java with the built server jar (skipped when either is missing).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const cds = require('../../lib/cds');
const { serverArgs } = require('../../lib/jvm');

const MAGIC = Buffer.from([0xa8, 0xab, 0x0b, 0xf0]);

const scratchDirs = [];
test.after(() => scratchDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function tempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  scratchDirs.push(dir);
  return dir;
}

function scratch() {
  const dir = tempDir('falconer-cds-');
  const jar = path.join(dir, 'falconer.jar');
  const java = path.join(dir, 'jdk', 'bin', 'java');
  fs.mkdirSync(path.dirname(java), { recursive: true });
  fs.writeFileSync(jar, 'jar');
  fs.writeFileSync(java, 'java');
  return { dir, jar, java, cache: path.join(dir, 'cache', 'falconer') };
}

test('no archive yet: the JVM writes one at exit, archive warnings off; the folder is created', () => {
  const s = scratch();
  const got = cds.classDataSharing({ dir: s.cache, jar: s.jar, java: s.java });
  assert.equal(got.mode, 'write');
  assert.equal(path.dirname(got.archive), s.cache);
  assert.match(path.basename(got.archive), /^falconer-[0-9a-f]{16}\.jsa$/);
  assert.deepEqual(got.args, ['-Xlog:cds=off:stderr', `-XX:ArchiveClassesAtExit=${got.archive}`]);
  assert.ok(fs.statSync(s.cache).isDirectory());
});

test('a complete archive is mapped; a cut-short or garbage one is written again', () => {
  const s = scratch();
  const { archive } = cds.classDataSharing({ dir: s.cache, jar: s.jar, java: s.java });
  fs.writeFileSync(archive, Buffer.concat([MAGIC, Buffer.alloc(100)]));
  assert.deepEqual(cds.classDataSharing({ dir: s.cache, jar: s.jar, java: s.java }),
    { args: [`-XX:SharedArchiveFile=${archive}`], archive, mode: 'use' });
  for (const bad of [Buffer.alloc(4096), Buffer.from('garbage'), Buffer.alloc(0)]) {
    fs.writeFileSync(archive, bad);
    assert.equal(cds.classDataSharing({ dir: s.cache, jar: s.jar, java: s.java }).mode, 'write');
  }
});

test('disabled, no folder, or CDS options among the user vmArgs: no class-data sharing options', () => {
  const s = scratch();
  const off = { args: [], archive: undefined, mode: 'off' };
  assert.deepEqual(cds.classDataSharing({ enabled: false, dir: s.cache, jar: s.jar, java: s.java }), off);
  assert.deepEqual(cds.classDataSharing({ dir: undefined, jar: s.jar, java: s.java }), off);
  for (const user of ['-Xshare:off', '-XX:SharedArchiveFile=/x.jsa', '-XX:ArchiveClassesAtExit=/y.jsa', '-XX:+AutoCreateSharedArchive']) {
    assert.deepEqual(cds.classDataSharing({ dir: s.cache, jar: s.jar, java: s.java, userArgs: ['-Xmx1g', user] }), off, user);
  }
  assert.equal(cds.classDataSharing({ dir: s.cache, jar: s.jar, java: s.java, userArgs: ['-Xmx1g'] }).mode, 'write');
  // A cache folder that cannot be created (a file is in the way) turns it off, it does not throw.
  fs.writeFileSync(path.join(s.dir, 'blocked'), '');
  assert.deepEqual(cds.classDataSharing({ dir: path.join(s.dir, 'blocked', 'falconer'), jar: s.jar, java: s.java }), off);
});

test('the archive key follows the jar and the java; archives of other keys are removed', () => {
  const s = scratch();
  const first = cds.archiveKey(s.jar, s.java);
  assert.equal(cds.archiveKey(s.jar, s.java), first);
  const other = path.join(s.dir, 'other', 'bin', 'java');
  fs.mkdirSync(path.dirname(other), { recursive: true });
  fs.writeFileSync(other, 'java');
  assert.notEqual(cds.archiveKey(s.jar, other), first);
  const later = new Date(Date.now() + 5000);
  fs.utimesSync(s.jar, later, later);
  assert.notEqual(cds.archiveKey(s.jar, s.java), first);

  fs.mkdirSync(s.cache, { recursive: true });
  const stale = path.join(s.cache, `falconer-${first}.jsa`);
  const unrelated = path.join(s.cache, 'notes.txt');
  fs.writeFileSync(stale, MAGIC);
  fs.writeFileSync(unrelated, '');
  const now = cds.classDataSharing({ dir: s.cache, jar: s.jar, java: s.java });
  assert.equal(now.mode, 'write');
  assert.ok(!fs.existsSync(stale), 'the archive of the older jar is removed');
  assert.ok(fs.existsSync(unrelated), 'other files stay');
});

test('an archive is removed after a JVM fatal error while it was mapped, not after a normal exit', () => {
  const s = scratch();
  const { archive } = cds.classDataSharing({ dir: s.cache, jar: s.jar, java: s.java });
  fs.writeFileSync(archive, MAGIC);
  const used = cds.classDataSharing({ dir: s.cache, jar: s.jar, java: s.java });
  assert.equal(cds.forgetArchiveAfterCrash(used, null), false);
  assert.equal(cds.forgetArchiveAfterCrash(used, 'SIGTERM'), false);
  assert.ok(fs.existsSync(archive));
  assert.equal(cds.forgetArchiveAfterCrash(used, 'SIGBUS'), true);
  assert.ok(!fs.existsSync(archive));
  assert.equal(cds.forgetArchiveAfterCrash({ mode: 'write', archive }, 'SIGABRT'), false);
});

// --- with the real JVM and server jar ----------------------------------------------------------
const jar = path.resolve(__dirname, '..', '..', '..', '..', 'server', 'target', 'falconer.jar');
const javaHome = process.env.JAVA_HOME;
const java = javaHome && fs.existsSync(path.join(javaHome, 'bin', 'java')) ? path.join(javaHome, 'bin', 'java')
  : (process.env.PATH || '').split(path.delimiter).map((d) => path.join(d, 'java')).find((p) => fs.existsSync(p));
const real = { skip: !fs.existsSync(jar) || !java ? 'needs server/target/falconer.jar and java' : false };

/** Runs `java <args> --help` (a sub-command that exits at once), bounded in time. */
function runServer(args) {
  return spawnSync(java, [...args, '--help'], { encoding: 'utf8', timeout: 60000 });
}

test('the real JVM writes the archive on the first start and maps it on the second', real, () => {
  const dir = tempDir('falconer-cds-real-');
  const first = cds.classDataSharing({ dir, jar, java });
  assert.equal(first.mode, 'write');
  const run1 = runServer(serverArgs(jar, [], first.args));
  assert.equal(run1.status, 0, run1.stderr);
  assert.ok(!/\[cds\]/.test(run1.stderr), `no archive warnings: ${run1.stderr.slice(0, 300)}`);
  assert.ok(cds.isCompleteArchive(first.archive), `the first run left a complete archive (folder: ${fs.readdirSync(dir)})`);

  const second = cds.classDataSharing({ dir, jar, java });
  assert.equal(second.mode, 'use');
  // -Xshare:on makes a failure to map the archive fatal; the class-load log says where classes came from.
  const run2 = runServer(serverArgs(jar, ['-Xshare:on', '-Xlog:class+load=info:stdout'], second.args));
  assert.equal(run2.status, 0, run2.stderr);
  assert.match(run2.stdout, /dev\.falconer\.\S+ source: shared objects file \(top\)/, 'server classes come from the archive');
});

test('the real JVM starts with an unusable archive (garbage), with at most a warning on stderr', real, () => {
  const dir = tempDir('falconer-cds-real-');
  const archive = path.join(dir, 'falconer-garbage.jsa');
  fs.writeFileSync(archive, Buffer.concat([Buffer.from('not an archive'), Buffer.alloc(1 << 16, 7)]));
  const run = runServer(serverArgs(jar, [], [`-XX:SharedArchiveFile=${archive}`]));
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /Usage: falconer/);
});
