package dev.falconer.bench;

import dev.falconer.condition.ConditionParser;
import dev.falconer.rules.MacroItem;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.rules.YamlEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Bounded main (not JMH): {@code ConditionParser.parse} over every macro and rule condition of the
 * official rules (as the analysis parses them), ten passes per round; prints each round's wall time
 * and nanoseconds per character. The first rounds run with the JIT cold. Run with the clients' flags:
 * {@code java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.3
 * -Dfalconer.shared=../shared -cp bench/target/benchmarks.jar dev.falconer.bench.ConditionParseCost [rounds]}.
 */
public final class ConditionParseCost {
    private static final int PASSES = 10;

    private ConditionParseCost() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        List<String> conditions = new ArrayList<>();
        for (String f : Official.FILES) {
            RulesDocument doc = RulesDocument.parse("file:///" + f, Official.read(Official.dir().resolve(f)));
            for (RulesItem item : doc.items()) {
                YamlEntry c = item instanceof RuleItem r ? r.condition() : item instanceof MacroItem m ? m.condition() : null;
                if (c != null && c.scalar() != null) {
                    conditions.add(c.scalar().value());
                }
            }
        }
        long chars = conditions.stream().mapToLong(String::length).sum();
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            int errors = 0;
            for (int p = 0; p < PASSES; p++) {
                for (String c : conditions) {
                    errors += ConditionParser.parse(c).errors().size();
                }
            }
            long ns = System.nanoTime() - t0;
            System.out.printf("round %d: %d conditions (%d characters) x %d: %.1f ms, %.0f ns per character, %d errors%n",
                    r + 1, conditions.size(), chars, PASSES, ns / 1e6, ns / (double) (PASSES * chars), errors / PASSES);
        }
    }
}
