package dev.falconer.lsp;

import dev.falconer.rules.RulesDocument;
import dev.falconer.service.AnalysisRequest;
import dev.falconer.service.FalconerService;
import dev.falconer.service.FalconerSettings;
import dev.falconer.text.ContentChange;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;

/**
 * Builds the feature service on its own thread while the client initializes, then runs it once
 * over a small rules file of ours ({@code warmup.yaml}): the classes of the parser, the checks,
 * hover and completion are loaded and their code is compiled before the first real document
 * arrives, which is what "open → first diagnostics" pays for otherwise.
 */
final class Warmup {
    private static final String SAMPLE = "warmup.yaml";
    private static final String SAMPLE_URI = "falconer:/warmup.yaml";
    /** Macros and rules explained afresh {@link #EXPLAINS} times (see {@link #rehearseExplanations}). */
    private static final String EXPLAIN_SAMPLE = "warmup-explain.yaml";
    private static final String EXPLAIN_URI = "falconer:/warmup-explain.yaml";
    /** Enough rounds over the explain sample for C1 to compile the explain code at default thresholds (measured in process: the first hovers of 20 macros 11.5 ms CPU without, 6.8 with 15 rounds, 5.7 with 30). */
    private static final int EXPLAINS = 30;
    /** Rounds over {@link #SAMPLE} at default thresholds: diagnostics, then hover and completion all over it. */
    private static final int SAMPLE_ROUNDS = 3;
    /** Edits of {@link #SAMPLE} at default thresholds (see {@link #type}): most of their code runs once per edit. */
    private static final int EDITS = 200;
    /**
     * What {@link #type} types in turn (and takes out again) after the first {@code and} of the
     * sample: a space, which leaves the condition valid; an opening parenthesis, a syntax error (a
     * condition being typed is mostly unfinished, and the first syntax error's message loaded its
     * bundle during the user's first edits); a word ending in a dot, an unknown field.
     */
    static final List<String> TYPED = List.of(" ", "(", "x.");
    /**
     * The JVM's {@code -XX:CompileThresholdScaling} the launcher and the clients pass: C1 compiles a
     * method after that share of its usual ~200 calls (and loops after that share of their back
     * edges), so every count of the warm-up, which exists to reach those thresholds, is that share
     * of what it was sized for at the default thresholds (see {@link #rounds}). A constant, kept
     * equal to the launcher's flag by a test: asking the JVM for the flag loads its management
     * classes (~35 ms at start). Another value can be given as {@code -Dfalconer.warmup.scale}
     * (with the matching JVM flag; bench {@code WarmupCost} measures settings that way).
     */
    static final double SCALE = 0.3;
    /**
     * How many times the threshold-scaled count each step runs. At exactly the threshold a method
     * is queued for C1 at the end of the warm-up and the editor's first requests still ran it
     * interpreted: lspprobe, alternated 2 × 3 runs of 2 reps, margin 1 against 2: the first
     * documentSymbol of falco_rules.yaml p95 12.6, 15.2 against 4.6, 5.4 ms; completion p95 after
     * {@code proc.} 6.0, 8.8 against 4.3, 4.3 ms; the server's CPU the same.
     */
    static final int MARGIN = 2;

    private Warmup() {
    }

    /** Rehearsals of each request at default thresholds, at the end: a handler runs once per request. */
    static final int REHEARSALS = 200;

    /** How long the warm-up sleeps while real work runs. */
    private static final long PAUSE_MS = 5;

    /**
     * The service, built in the background; completes before the warm-up runs (on the same
     * thread). {@code rehearse} sends the server's request handlers the requests an editor sends
     * first, the given number of times each (see {@link FalconerTextDocumentService#rehearse}):
     * once after the first rounds, which links the handlers' lambdas, and {@link #REHEARSALS}
     * times at the end, which compiles them. The warm-up pauses whenever {@code busy} says real
     * work (diagnostics, a request) is waiting or running: on a small machine it would otherwise
     * slow down the very first answers it prepares for.
     */
    static CompletableFuture<FalconerService> start(Supplier<FalconerService> build, ServerLog log,
            BooleanSupplier busy, Supplier<MessageJsonHandler> wire, IntPredicate rehearse,
            java.util.function.Consumer<WarmupThread> started) {
        CompletableFuture<FalconerService> out = new CompletableFuture<>();
        WarmupThread t = new WarmupThread(() -> {
            FalconerService service;
            try {
                service = build.get();
            } catch (RuntimeException | Error e) {
                out.completeExceptionally(e);
                return;
            }
            out.complete(service);
            ((WarmupThread) Thread.currentThread()).rehearsing = true;
            try {
                if (exercise(service, busy, wire.get(), rehearse)) {
                    rehearse.test(rounds(REHEARSALS));
                }
            } catch (RuntimeException | StackOverflowError e) {
                log.error(e, "warmup.failed");
            }
        });
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        started.accept(t);
        t.start();
        return out;
    }

    /** The warm-up's thread: it builds the service, then rehearses (see {@link #start}). */
    static final class WarmupThread extends Thread {
        private volatile boolean rehearsing;

        private WarmupThread(Runnable work) {
            super(work, "falconer-warmup");
        }

        /**
         * Stops the rehearsals at their next step; false, and nothing done, while the service is
         * still being built (an interrupt would close the channels its files are read with).
         */
        boolean stopRehearsing() {
            if (!rehearsing) {
                return false;
            }
            interrupt();
            return true;
        }
    }

    /**
     * {@code wire}: the connection's JSON codec, or {@code null} (the request warm-up makes its
     * own). False when stopped (interrupted) or without a sample.
     */
    static boolean exercise(FalconerService service, BooleanSupplier busy, MessageJsonHandler wire) {
        return exercise(service, busy, wire, times -> true);
    }

    /**
     * As {@link #exercise(FalconerService, BooleanSupplier, MessageJsonHandler)}, rehearsing the
     * request handlers once ({@code rehearse}) after the rounds over the sample. The user's first
     * hover or completion stops the warm-up (see FalconerLanguageServer#userAsked), in lspprobe's
     * sessions mostly before its last step; the first call of each lambda in a handler links it,
     * and a session's first completion then reached its handler's work 2.4 ms after its request
     * was read. Not before the rounds: the handlers take the workspace's snapshot, which the first
     * document's diagnostics were waiting for (lspprobe, open to first diagnostics, median of 8
     * sessions: 43 -> 138 ms).
     */
    static boolean exercise(FalconerService service, BooleanSupplier busy, MessageJsonHandler wire,
                            IntPredicate rehearse) {
        String text = sample(SAMPLE);
        if (text == null) {
            return false;
        }
        RulesWorkspace ws = new RulesWorkspace();
        ws.open(SAMPLE_URI, 1, text);
        FalconerSettings settings = FalconerSettings.defaults();
        for (int round = 0, rounds = rounds(SAMPLE_ROUNDS); round < rounds; round++) {
            WorkspaceSnapshot snapshot = ws.snapshot();
            RulesDocument doc = snapshot.document(SAMPLE_URI);
            if (!waitWhile(busy)) {
                return false;
            }
            service.diagnostics(new AnalysisRequest(snapshot, SAMPLE_URI, service.catalog(), settings), () -> false);
            for (int offset = 0; offset < text.length(); offset += 7) {
                TextPosition at = doc.lineIndex().position(offset);
                if (!waitWhile(busy)) {
                    return false;
                }
                service.hover(snapshot, SAMPLE_URI, at, settings);
                if (offset % 3 == 0) {
                    service.complete(snapshot, SAMPLE_URI, at, settings);
                }
            }
            // where a new check starts: these proposals list every field of the source (of all
            // sources in a macro), built once per source and language on first use (1.5-3.6 ms)
            for (int term = text.indexOf(" and "); term >= 0; term = text.indexOf(" and ", term + 1)) {
                if (!waitWhile(busy)) {
                    return false;
                }
                service.complete(snapshot, SAMPLE_URI, doc.lineIndex().position(term + 5), settings);
            }
            ws.open(SAMPLE_URI, round + 2, text + "\n");
            if (round == 0 && !RequestWarmup.exercise(service, ws.snapshot(), SAMPLE_URI, wire, busy, RequestWarmup.ONCE)) {
                return false;
            }
        }
        return rehearse.test(1)
                && type(service, ws, settings, busy)
                && rehearseExplanations(service, settings, busy)
                && RequestWarmup.exercise(service, ws.snapshot(), SAMPLE_URI, wire, busy, RequestWarmup.FULL);
    }

    /**
     * Types into the sample's first condition ({@link #TYPED}, in turn) and takes it out again,
     * each time followed by the snapshot and the diagnostics, so that every item below it moves:
     * the incremental path of an edit (the document's update, the snapshot made from the last one,
     * the checks that reuse their kept units). Opening new versions, as the rounds above do, skips that path, and
     * the user's first edits ran it interpreted while C1 compiled 40-50 of its methods, with the
     * first completion after them waiting (bench WarmupCost, 2 runs each: the first 40 keystrokes'
     * diagnostics 283-306 -> 248-252 ms CPU, of it JIT 66-84 -> 44-57 ms; the warm-up thread
     * ~+100 ms). False when interrupted.
     */
    private static boolean type(FalconerService service, RulesWorkspace ws, FalconerSettings settings,
                                BooleanSupplier busy) {
        RulesDocument doc = ws.document(SAMPLE_URI);
        TextPosition at = doc.lineIndex().position(doc.text().indexOf(" and ") + 5);
        int version = doc.version();
        for (int round = 0, rounds = rounds(EDITS); round < rounds; round++) {
            if (!waitWhile(busy)) {
                return false;
            }
            String typed = TYPED.get(round / 2 % TYPED.size());
            ws.change(SAMPLE_URI, ++version, List.of(round % 2 == 0
                    ? ContentChange.replace(at.line(), at.character(), at.line(), at.character(), typed)
                    : ContentChange.replace(at.line(), at.character(), at.line(), at.character() + typed.length(), "")));
            service.diagnostics(new AnalysisRequest(ws.snapshot(), SAMPLE_URI, service.catalog(), settings), () -> false);
        }
        return true;
    }

    /**
     * A macro's first hover explains it; the main sample's few items are explained once and then
     * kept, so the explain code would still run interpreted on the editor's first hover of each
     * macro (1-4 ms instead of 0.2-0.6). Its own sample, so the other steps of the warm-up do not
     * grow with it. False when interrupted.
     */
    private static boolean rehearseExplanations(FalconerService service, FalconerSettings settings, BooleanSupplier busy) {
        String text = sample(EXPLAIN_SAMPLE);
        if (text == null) {
            return true;
        }
        RulesWorkspace ws = new RulesWorkspace();
        ws.open(EXPLAIN_URI, 1, text);
        WorkspaceSnapshot snapshot = ws.snapshot();
        for (int round = 0, rounds = rounds(EXPLAINS); round < rounds; round++) {
            if (!waitWhile(busy)) {
                return false;
            }
            service.rehearseExplanations(snapshot, settings.locale());
        }
        return true;
    }

    /**
     * Sleeps while {@code busy}; false when the thread was interrupted (stop warming up: the
     * server shut down). Every step of a warm-up calls it first.
     */
    static boolean waitWhile(BooleanSupplier busy) {
        if (Thread.currentThread().isInterrupted()) {
            return false; // the server is going away
        }
        try {
            while (busy.getAsBoolean()) {
                Thread.sleep(PAUSE_MS);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * {@code atDefaultThresholds} (how many times a step had to run for C1 to compile its code at
     * the JVM's default thresholds) scaled to the thresholds the server runs with, times
     * {@link #MARGIN}; at least once.
     */
    static int rounds(int atDefaultThresholds) {
        return Math.max(1, (int) Math.round(atDefaultThresholds * scale() * MARGIN));
    }

    private static double scale() {
        String given = System.getProperty("falconer.warmup.scale");
        if (given != null) {
            try {
                double s = Double.parseDouble(given);
                if (s > 0 && s <= 1) {
                    return s;
                }
            } catch (NumberFormatException e) {
                // not a number: the default
            }
        }
        return SCALE;
    }

    private static String sample(String name) {
        try (InputStream in = Warmup.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
