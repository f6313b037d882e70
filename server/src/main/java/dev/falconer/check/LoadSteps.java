package dev.falconer.check;

import dev.falconer.condition.ConditionParser;
import dev.falconer.rules.NamedItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.workspace.RulesWorkspace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Falco compiles the whole collection after each file it loads and stops at the first that
 * fails (spec §2.11), so an error can live in an intermediate collection only: a rule broken in
 * one file and redefined by a later one, a list a rule names but a later file first defines (the
 * name stays a literal until then), an item a later file replaces. The final collection shows
 * none of these. This checks the collection after each file that the next file changes (a
 * file that only adds keeps every failure of the step before, to be found at its own step or in
 * the final collection), and returns the load errors found there and not in the final result,
 * each noting after which file Falco reports it.
 */
public final class LoadSteps {
    /**
     * The steps checked read at most this many times the text of all files: each step is
     * analysed from scratch, so a folder of hundreds of files that each change the one before
     * (the whole corpus as one ruleset) took 48 s instead of 0.3 s. Real rules sets stay below
     * both bounds: the official files with two local ones, the second defining a list the first
     * uses, take steps of 80 and 140 kB in 141 kB of files (QA: with 1 here, the step that fails
     * in Falco was left unchecked).
     */
    static final int BUDGET = 4;
    /** And at most this many steps, each with its own analysis and checks. */
    static final int MAX_STEPS = 8;

    /** The diagnostics of the collection of the files of one step, by file. */
    @FunctionalInterface
    public interface StepCheck {
        Map<String, List<Diagnostic>> check(List<RulesDocument> loaded);
    }

    private final StepCheck steps;

    /** @param diagnoser the one that checked the whole collection: what it checked there it need not check again */
    public LoadSteps(Diagnoser diagnoser, CheckSettings settings) {
        this(loaded -> check(diagnoser, settings, loaded));
    }

    /** @param steps checks each step's collection (e.g. remembering those of unchanged files) */
    public LoadSteps(StepCheck steps) {
        this.steps = steps;
    }

    /** The collection of {@code loaded}, checked from scratch. */
    public static Map<String, List<Diagnostic>> check(Diagnoser diagnoser, CheckSettings settings,
                                                      List<RulesDocument> loaded) {
        RulesWorkspace prefix = RulesWorkspace.inOpeningOrder(ConditionParser::parse);
        loaded.forEach(prefix::open);
        return diagnoser.diagnoseAll(prefix.snapshot(), settings);
    }

    /**
     * Which steps are worth checking: the collections after the files the next file changes, as
     * many as the bounds allow. Read from the texts alone, so a caller can see that no step is
     * needed before it checks the final collection (the common case: each file only adds).
     *
     * @param steps   the indexes {@code k} of the steps, ascending: the collection of
     *                {@code documents[0..k]}
     * @param stopped the file after which the steps were no longer checked (past the bounds), or
     *                {@code null}
     */
    public record Plan(List<Integer> steps, RulesDocument stopped) {
    }

    /** @param documents the files in load order */
    public static Plan plan(List<RulesDocument> documents) {
        int n = documents.size();
        Set<String> mentioned = new HashSet<>();
        long budget = 0;
        for (RulesDocument d : documents) {
            budget += (long) BUDGET * d.text().length();
        }
        long prefixLength = 0;
        List<Integer> steps = new ArrayList<>();
        for (int k = 0; k < n - 1; k++) {
            mentioned.addAll(names(documents.get(k)));
            mentioned.addAll(wordsOf(documents.get(k)));
            prefixLength += documents.get(k).text().length();
            if (!touches(documents.get(k + 1), mentioned, documents.subList(0, k + 1))) {
                // the next file only adds: what fails here still fails after it, where it is checked
                continue;
            }
            budget -= prefixLength;
            if (budget < 0 || steps.size() == MAX_STEPS) {
                return new Plan(List.copyOf(steps), documents.get(k));
            }
            steps.add(k);
        }
        return new Plan(List.copyOf(steps), null);
    }

    /**
     * @param documents the files in load order
     * @param found     the diagnostics of the whole collection, by file: what is new is added to them
     * @return the file after which the steps were no longer checked (past the budget), or {@code null}
     */
    public String addIntermediateErrors(List<RulesDocument> documents, Map<String, List<Diagnostic>> found,
                                        Function<String, String> shownName) {
        Plan plan = plan(documents);
        intermediateErrors(documents, plan, () -> found, shownName, () -> false).forEach((uri, added) -> {
            List<Diagnostic> inFile = found.computeIfAbsent(uri, u -> new ArrayList<>());
            for (Diagnostic d : added) {
                // the final result's milder finding of the same place and code is this error
                // seen later (a macro no longer used is a warning at the end): one finding
                String same = identity(d);
                inFile.removeIf(f -> identity(f).equals(same));
                inFile.add(d);
            }
        });
        return plan.stopped() == null ? null : shownName.apply(plan.stopped().uri());
    }

    /**
     * The load errors of {@code plan}'s steps that the final collection does not have, by file,
     * each noting after which file Falco reports it. A finding of the final collection at the same
     * place with the same code (a milder one: a macro no longer used is a warning at the end) is
     * the same finding, which the caller replaces with the error.
     *
     * @param found   the diagnostics of the whole collection, by file (at least of the steps' files); not changed
     * @param stopped polled between steps: true stops the work with a {@link CancellationException}
     */
    public Map<String, List<Diagnostic>> intermediateErrors(List<RulesDocument> documents, Plan plan,
                                                            Supplier<Map<String, List<Diagnostic>>> found,
                                                            Function<String, String> shownName,
                                                            BooleanSupplier stopped) {
        // an error the final result has too (its message may differ: a list's item count, a
        // "did you mean", the later-file wording) is that error, not a second one; the final
        // result is asked for only when a step has an error (most have none)
        Set<String> reported = null;
        Map<String, List<Diagnostic>> out = new LinkedHashMap<>();
        int checked = -1;
        for (int k : plan.steps()) {
            if (stopped.getAsBoolean()) {
                throw new CancellationException();
            }
            Map<String, List<Diagnostic>> step = steps.check(documents.subList(0, k + 1));
            for (int j = 0; j <= k; j++) {
                // the steps since the last one checked only added files: the error was there from
                // its own file's step on, where Falco stops first
                String after = shownName.apply(documents.get(Math.max(j, checked + 1)).uri());
                String uri = documents.get(j).uri();
                for (Diagnostic d : step.getOrDefault(uri, List.of())) {
                    if (d.severity() != Severity.ERROR || d.falcoCode() == null) {
                        continue;
                    }
                    if (reported == null) {
                        reported = errorsOf(found.get());
                    }
                    if (reported.add(identity(d))) {
                        out.computeIfAbsent(uri, u -> new ArrayList<>()).add(noted(d, after));
                    }
                }
            }
            checked = k;
        }
        return out;
    }

    private static Set<String> errorsOf(Map<String, List<Diagnostic>> found) {
        Set<String> out = new HashSet<>();
        for (List<Diagnostic> ds : found.values()) {
            ds.stream().filter(d -> d.severity() == Severity.ERROR).forEach(d -> out.add(identity(d)));
        }
        return out;
    }

    /**
     * True when a name {@code next} defines is named in the files so far: any item it redefines,
     * or a macro or list they use. A list's name may hold a blank, which no word does: those are
     * looked for in the text itself (rare; a rule's name, also often with blanks, is matched as a
     * name).
     */
    private static boolean touches(RulesDocument next, Set<String> mentioned, List<RulesDocument> before) {
        for (NamedItem item : next.itemsOf(NamedItem.class)) {
            String name = item.name();
            if (name == null) {
                continue;
            }
            if (mentioned.contains(name)) {
                return true;
            }
            if (item.kind() == dev.falconer.rules.ItemKind.LIST && name.chars().anyMatch(c -> c == ' ' || c == '\t')
                    && before.stream().anyMatch(d -> d.text().contains(name))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> names(RulesDocument doc) {
        Set<String> out = new HashSet<>();
        for (NamedItem item : doc.itemsOf(NamedItem.class)) {
            if (item.name() != null) {
                out.add(item.name());
            }
        }
        return out;
    }

    /**
     * The words of the files planned lately, by document (identity): the editor plans again at
     * each pause in the typing, and most files did not change (the official files: 5 ms and 1.5 MB
     * of each plan were their words).
     */
    private static final Map<RulesDocument, Set<String>> WORDS = Collections.synchronizedMap(new WeakHashMap<>());

    private static Set<String> wordsOf(RulesDocument document) {
        return WORDS.computeIfAbsent(document, d -> words(d.text()));
    }

    /**
     * The words of a file where a macro or list name may stand (an over-estimate: comments too):
     * the runs between Falco's delimiters, without the YAML punctuation around them
     * ({@code [open,}, {@code "shells"}).
     */
    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean in = i < text.length() && !dev.falconer.workspace.ListSubstitution.isDelimiter(text.charAt(i));
            if (in && start < 0) {
                start = i;
            } else if (!in && start >= 0) {
                out.add(strip(text.substring(start, i)));
                start = -1;
            }
        }
        return out;
    }

    private static final String YAML_PUNCTUATION = "[]{}\"':,#";

    private static String strip(String run) {
        int a = 0;
        int b = run.length();
        while (a < b && YAML_PUNCTUATION.indexOf(run.charAt(a)) >= 0) {
            a++;
        }
        while (b > a && YAML_PUNCTUATION.indexOf(run.charAt(b - 1)) >= 0) {
            b--;
        }
        return run.substring(a, b);
    }

    /** A finding by place and code: one error there, whatever its wording at each step. */
    private static String identity(Diagnostic d) {
        return d.uri() + '\u0000' + d.span() + '\u0000' + d.code();
    }

    private static Diagnostic noted(Diagnostic d, String afterFile) {
        List<Diagnostic.Related> related = new ArrayList<>(d.related());
        related.add(0, new Diagnostic.Related(d.uri(), d.span(), d.range(), "related.loadStep", List.of(afterFile)));
        return new Diagnostic(d.code(), d.severity(), d.falcoCode(), d.uri(), d.span(), d.range(), d.key(), d.args(),
                related, d.suggestions());
    }
}
