'use strict';
// Finds the Java that runs the server: falconer.java.home, then JAVA_HOME, then PATH.
const path = require('path');
const fs = require('fs');
const { execFile } = require('child_process');

const MINIMUM_MAJOR = 17;

function executableName(platform) {
  return platform === 'win32' ? 'java.exe' : 'java';
}

/**
 * The places to look for java, in order, as {origin, path} (origin names the setting or variable
 * it came from, for messages).
 */
function candidates({ javaHome, env, platform }) {
  const exe = executableName(platform);
  const found = [];
  if (javaHome) {
    found.push({ origin: 'falconer.java.home', path: path.join(javaHome, 'bin', exe) });
  }
  if (env.JAVA_HOME) {
    found.push({ origin: 'JAVA_HOME', path: path.join(env.JAVA_HOME, 'bin', exe) });
  }
  const sep = platform === 'win32' ? ';' : ':';
  for (const dir of (env.PATH || '').split(sep).filter(Boolean)) {
    found.push({ origin: 'PATH', path: path.join(dir, exe) });
  }
  return found;
}

/**
 * The first candidate whose file exists, or undefined. A configured java.home that does not hold
 * a java is reported (not skipped silently), so a wrong setting is visible.
 */
function locate(options, exists = isFile) {
  for (const candidate of candidates(options)) {
    if (exists(candidate.path)) return candidate;
    if (candidate.origin === 'falconer.java.home') return { ...candidate, missing: true };
  }
  return undefined;
}

function isFile(p) {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * The major version in `java -version` output: 'version "17.0.15"' → 17, 'version "1.8.0_402"'
 * → 8, 'version "21"' → 21; undefined when there is none.
 */
function parseMajorVersion(text) {
  const m = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(text || '');
  if (!m) return undefined;
  const first = Number(m[1]);
  return first === 1 && m[2] !== undefined ? Number(m[2]) : first;
}

/** Runs `java -version` (bounded in time); resolves to {major} or {error}, never rejects. */
function probeVersion(javaPath) {
  return new Promise((resolve) => {
    execFile(javaPath, ['-version'], { encoding: 'utf8', timeout: 15000 }, (error, stdout, stderr) => {
      const major = parseMajorVersion(`${stderr}\n${stdout}`);
      if (major !== undefined) resolve({ major });
      else resolve({ error: error ? error.message : (stderr || '').trim().split('\n')[0] });
    });
  });
}

module.exports = { MINIMUM_MAJOR, candidates, locate, parseMajorVersion, probeVersion };
