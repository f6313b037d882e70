'use strict';
// How the server JVM is started. The defaults favour a fast start and a small, shrinking heap:
// an editor starts the server often and keeps it idle most of the time.
const DEFAULT_JVM_ARGS = Object.freeze([
  // One GC thread, no concurrent GC machinery: the smallest footprint for a small heap.
  '-XX:+UseSerialGC',
  // C1 only: compiled code sooner; the server's work is short requests, not long hot loops.
  // Measured against C2 (tiered, same run, lspprobe): C2 doubled the server's CPU over a session
  // (5.9 s -> 11-14 s), added ~35 MiB resident, and answered edits and hovers later, not sooner.
  '-XX:TieredStopAtLevel=1',
  // C1 compiles a method after 0.3 of its usual call and loop counts (~60 calls instead of ~200):
  // the server's start-up warm-up, which runs each request until its code is compiled, needs 0.3
  // of its rounds (measured in process, bench WarmupCost: its garbage 105 -> 43 MB, 20 -> 13 young
  // GCs, its thread's CPU 0.95 -> 0.57 s), the first edits run compiled code sooner (their CPU
  // -18%), the first requests' work is the same; C1's code grows by ~1.5 MB (RSS +2 MiB).
  '-XX:CompileThresholdScaling=0.3',
  // Deep condition ASTs and ANTLR's recursive descent need more than the default stack.
  '-Xss4m',
  // Heap ceiling as a share of RAM (about 1.6 GB on 16 GB); the heap gives memory back after GCs.
  // It grows by a fifth of its live data at a time: by a tenth (10 / 30), reading a 60-file
  // workspace (90,000 lines) ran 16 full collections, 1.7-1.8 s of its 3.6-4.2 s; now 8, 1.2 s
  // (bench ScaleReport / FirstLoad). For the official rules it stays at its 40 MB floor either way.
  '-XX:MaxRAMPercentage=10',
  '-XX:MinHeapFreeRatio=20',
  '-XX:MaxHeapFreeRatio=40',
  // A fixed 16 MB young generation: the live data is ~20 MB for the official rules, but the
  // default young generation (a third of 1/64 of RAM) is touched in full between collections and
  // stays resident (~195 MiB RSS instead of ~100). Survivor spaces of 4 MB (ratio 2) keep one
  // edit's short-lived analysis out of the old generation. The 40 MB floor keeps the old
  // generation (24 MB) from shrinking under its live data, which made full collections follow
  // each other; 48 MB with a 12 MB young generation cost 8 MiB more resident memory.
  '-Xms40m',
  '-Xmn16m',
  '-XX:SurvivorRatio=2',
  // One JIT thread and a small code cache reservation: C1 code for this server is a few MB.
  '-XX:CICompilerCount=1',
  '-XX:ReservedCodeCacheSize=32m',
  // JVM warnings go to stdout by default, which is the LSP channel: send them to stderr.
  '-Xlog:disable',
  '-Xlog:all=warning:stderr',
  // Out of memory: exit, so the client restarts a clean server instead of talking to a broken one.
  '-XX:+ExitOnOutOfMemoryError',
  // LSP4J calls the server's methods, and Gson the constructors of what it reads, by reflection:
  // at the 16th call of each, Java 17 generates an accessor class, 1-4 ms inside whichever request
  // or edit made that call (the 15th-16th hover of a session showed it every time). Kept native
  // (a few microseconds per call), the spikes are gone: lspprobe, 3 x 2 reps alternated, server
  // CPU 3340 -> 3090 ms, codeLens p95 6.6 -> 4.4 ms, the rest the same or better.
  '-Dsun.reflect.inflationThreshold=2147483647',
]);

/**
 * The java command line after the java executable: JVM options, the class-data sharing options
 * of this start (lib/cds.js), user options, the jar.
 */
function serverArgs(jarPath, userArgs = [], cdsArgs = []) {
  return [...DEFAULT_JVM_ARGS, ...cdsArgs, ...userArgs, '-jar', jarPath];
}

module.exports = { DEFAULT_JVM_ARGS, serverArgs };
