package dev.falconer.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.condition.ConditionParser;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ExplainerTest {

    static final String HOME_DIR = "spawned_process and proc.name in (adduser, useradd, mkhomedir_helper) and "
            + "(proc.args contains /dev/null or proc.args contains /dev/shm or proc.args contains /tmp) and "
            + "not proc.cmdline contains \"--no-create-home\" and not proc.cmdline contains \" -H \"";

    private final MapExplainContext context = MapExplainContext.withCommonFields()
            .macro("spawned_process", "evt.type in (execve, execveat)");

    private RuleDoc rule(String condition) {
        return new RuleDoc("Suspicious Home Directory Creation", ConditionParser.parse(condition),
                "A user tool creates a home directory under a throwaway path.", null, "WARNING", null, List.of(),
                null);
    }

    @Test
    void printsExample() {
        for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            Explanation e = Explainer.explain(rule(HOME_DIR), context, l);
            System.err.println(SummaryRenderer.render(e, 400));
            System.err.println(MarkdownRenderer.render(e, ExpandDepth.ONE));
        }
        assertTrue(true);
    }
}
