package dev.falconer.condition.bench;

import dev.falconer.condition.ConditionParser;
import dev.falconer.condition.CorpusConditions;
import java.util.List;

/**
 * Bounded benchmark: parses every corpus condition {@code rounds} times (three batches) after a warm-up
 * and prints the mean time per condition of each batch (stderr), then the time for one 100,000-character condition.
 *
 * <p>Run after {@code mvn -pl grammar test-compile}:
 * {@code java -cp grammar/target/classes:grammar/target/test-classes:<antlr4-runtime>:<snakeyaml>
 * -Dfalconer.shared=../shared dev.falconer.condition.bench.ParseBench [rounds]}
 */
public final class ParseBench {
    private ParseBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        List<String> texts = CorpusConditions.load().entries().stream().map(CorpusConditions.Entry::text).toList();
        if (texts.isEmpty()) {
            System.err.println("no corpus conditions found under " + CorpusConditions.corpusDir());
            return;
        }
        long chars = texts.stream().mapToLong(String::length).sum();
        int sink = 0;
        for (int i = 0; i < 60; i++) {
            sink += parseAll(texts); // warm-up: the JIT needs a few hundred thousand parses
        }
        for (int batch = 1; batch <= 3; batch++) {
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                sink += parseAll(texts);
            }
            double micros = (System.nanoTime() - start) / 1e3 / rounds / texts.size();
            System.err.printf("batch %d: %d conditions (mean %d chars) x %d rounds: %.2f us per condition%n",
                    batch, texts.size(), chars / texts.size(), rounds, micros);
        }

        StringBuilder big = new StringBuilder("evt.type = open");
        while (big.length() < 100_000) {
            big.append(" and proc.name in (bash, sh, \"zsh x\") or not fd.name startswith /etc");
        }
        String bigText = big.toString();
        for (int i = 0; i < 5; i++) {
            sink += ConditionParser.parse(bigText).errors().size();
        }
        long t = System.nanoTime();
        sink += ConditionParser.parse(bigText).errors().size();
        System.err.printf("one %d-char condition: %.2f ms (%d)%n", bigText.length(), (System.nanoTime() - t) / 1e6,
                sink);
    }

    private static int parseAll(List<String> texts) {
        int errors = 0;
        for (String text : texts) {
            errors += ConditionParser.parse(text).errors().size();
        }
        return errors;
    }
}
