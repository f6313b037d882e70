'use strict';
// Application class-data sharing (AppCDS) for the server JVM, as the server/falconer launcher
// does: the first start records the classes it loaded into an archive when the JVM exits; later
// starts map them instead of loading and verifying them again (JDK 17, spawn → initialize answer
// ~470 → ~400 ms). JDK 17 has no -XX:+AutoCreateSharedArchive, so the client picks the flag.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const PREFIX = 'falconer-';
const SUFFIX = '.jsa';
// The first bytes of a JDK 17 dynamic archive (0xf00baba8, little- or big-endian). The JVM writes
// the header after all regions, so a file without it is a dump cut short (the JVM killed while it
// wrote): such a file is written again instead of being offered to the JVM.
const MAGIC = [Buffer.from([0xa8, 0xab, 0x0b, 0xf0]), Buffer.from([0xf0, 0x0b, 0xab, 0xa8])];
// JVM options by which the user takes class-data sharing into their own hands (falconer.java.vmArgs).
const USER_CDS = /^-(Xshare:|XX:(SharedArchiveFile|ArchiveClassesAtExit|[+-]AutoCreateSharedArchive|[+-]RecordDynamicDumpInfo)\b)/;
// Signals of a JVM fatal error (hs_err): an archive mapped by such a process is suspect.
const FATAL_SIGNALS = new Set(['SIGABRT', 'SIGBUS', 'SIGSEGV', 'SIGILL']);

/** size:mtime of a file, or '' when it cannot be read (the key then changes when it appears). */
function stamp(file) {
  try {
    const s = fs.statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return '';
  }
}

/**
 * What an archive is valid for, without running java: the jar (path, size, mtime: the JVM checks
 * the class path it was dumped with) and the JVM (the real path of the java executable and the
 * stamps of it and of the JDK's module image, which change when the JDK is updated).
 */
function archiveKey(jar, java) {
  let real = java;
  try {
    real = fs.realpathSync(java);
  } catch {
    // a java that cannot be resolved keys on its given path
  }
  const home = path.dirname(path.dirname(real));
  const parts = [path.resolve(jar), stamp(jar), real, stamp(real), stamp(path.join(home, 'lib', 'modules'))];
  return crypto.createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 16);
}

/** True when `file` is an archive the JVM finished writing (it starts with the archive magic). */
function isCompleteArchive(file) {
  let fd;
  try {
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(4);
    return fs.readSync(fd, head, 0, 4, 0) === 4 && MAGIC.some((m) => m.equals(head));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Removes the archives of other keys in `dir` (older jars or JDKs); never throws. */
function removeStaleArchives(dir, keep) {
  let names = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(PREFIX) && name.endsWith(SUFFIX) && name !== keep) {
      try {
        fs.unlinkSync(path.join(dir, name));
      } catch {
        // in use or already gone: the next start tries again
      }
    }
  }
}

/**
 * The class-data sharing options for one server start, placed after the fixed JVM flags:
 * {args, archive, mode} with mode 'use' (-XX:SharedArchiveFile, the archive is complete), 'write'
 * (-XX:ArchiveClassesAtExit, archive warnings off) or 'off' (disabled, the user's vmArgs choose
 * their own CDS options, or the cache folder cannot be created; args is then empty). Never throws:
 * class-data sharing only makes the start faster, it must never stop it.
 */
function classDataSharing({ enabled = true, dir, jar, java, userArgs = [] }) {
  const off = { args: [], archive: undefined, mode: 'off' };
  if (!enabled || !dir || userArgs.some((a) => USER_CDS.test(String(a)))) return off;
  try {
    const name = `${PREFIX}${archiveKey(jar, java)}${SUFFIX}`;
    const archive = path.join(dir, name);
    if (isCompleteArchive(archive)) return { args: [`-XX:SharedArchiveFile=${archive}`], archive, mode: 'use' };
    fs.mkdirSync(dir, { recursive: true });
    removeStaleArchives(dir, name);
    // Classes that CDS cannot keep (old class files, unlinked ones) are reported at exit: not worth
    // a warning in the user's output. The option must name stderr, where all warnings go.
    return { args: ['-Xlog:cds=off:stderr', `-XX:ArchiveClassesAtExit=${archive}`], archive, mode: 'write' };
  } catch {
    return off;
  }
}

/**
 * After the server process ended: a JVM that died of a fatal error while it mapped the archive
 * (JDK 17 crashes on an archive truncated after it was written) must not meet it again, so the
 * archive is removed and the next start writes a new one. Returns true when it removed it.
 */
function forgetArchiveAfterCrash(cds, signal) {
  if (!cds || cds.mode !== 'use' || !FATAL_SIGNALS.has(signal)) return false;
  try {
    fs.unlinkSync(cds.archive);
    return true;
  } catch {
    return false;
  }
}

module.exports = { archiveKey, isCompleteArchive, removeStaleArchives, classDataSharing, forgetArchiveAfterCrash, PREFIX, SUFFIX };
