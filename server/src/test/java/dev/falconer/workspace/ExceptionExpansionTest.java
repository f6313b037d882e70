package dev.falconer.workspace;

import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesDocument;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exception expansion into condition text, spec §2.9. */
class ExceptionExpansionTest {

    private static EffectiveRule rule(String yaml) {
        MergedRules merged = RulesMerger.merge(List.of(RulesDocument.parse("file:///r.yaml", yaml)));
        return merged.rules().values().iterator().next();
    }

    private static String expanded(String yaml) {
        EffectiveRule r = rule(yaml);
        return ExceptionExpansion.expand(r.condition(), r.exceptions()).text();
    }

    private static final String HEAD = "- rule: r\n  desc: d\n  output: o\n  priority: INFO\n";

    @Test
    void listFormQuotesValuesWithSpaces() {
        String text = expanded(HEAD + "  condition: proc.cmdline contains curl or proc.cmdline contains wget\n"
                + "  exceptions:\n    - name: e\n      fields: [proc.cmdline]\n      comps: [contains]\n"
                + "      values: [[curl 127.0.0.1]]\n");
        assertEquals("(proc.cmdline contains curl or proc.cmdline contains wget) and not "
                + "(( proc.cmdline contains \"curl 127.0.0.1\"))", text);
    }

    @Test
    void modifierCompsWrapInlineLists() {
        String text = expanded(HEAD + "  condition: evt.type = execve\n  exceptions:\n    - name: e\n"
                + "      fields: [proc.name]\n      comps: [startswith oneof]\n      values: [[[sshd, sudo, systemd]]]\n");
        assertEquals("(evt.type = execve) and not (( proc.name startswith oneof (sshd, sudo, systemd)))", text);
    }

    @Test
    void severalTuplesFieldsAndDefaultComps() {
        String text = expanded(HEAD + "  condition: c\n  exceptions:\n    - name: e\n"
                + "      fields: [proc.name, fd.name]\n      values: [[a, /x], [b, /y z]]\n"
                + "    - name: f\n      fields: [proc.pname, fd.directory]\n      comps: [in, pmatch]\n"
                + "      values: [[apt, [apt_files]], [dpkg, (a)]]\n");
        assertEquals("(c) and not (( proc.name = a and  fd.name = /x) or ( proc.name = b and  fd.name = \"/y z\"))"
                + " and not (( proc.pname in (apt) and  fd.directory pmatch (apt_files)) or"
                + " ( proc.pname in (dpkg) and  fd.directory pmatch (a)))", text);
    }

    @Test
    void scalarFormDefaultsToIn() {
        String text = expanded(HEAD + "  condition: c\n  exceptions:\n    - name: e\n      fields: proc.name\n"
                + "      values: [a, b c]\n");
        assertEquals("(c) and not (proc.name in (a, \"b c\"))", text);
    }

    @Test
    void exceptionsWithoutValuesOnlyParenthesise() {
        String text = expanded(HEAD + "  condition: c\n  exceptions:\n    - name: e\n      fields: [proc.name]\n");
        assertEquals("(c)", text);
    }

    @Test
    void valuesKeepTheirPlaceInTheFile() {
        String yaml = HEAD + "  condition: c\n  exceptions:\n    - name: e\n      fields: [proc.name]\n"
                + "      values: [[\"my value\"]]\n";
        EffectiveRule r = rule(yaml);
        SourcedText t = ExceptionExpansion.expand(r.condition(), r.exceptions());
        int at = t.text().indexOf("my value");
        Location loc = t.locateFirst(at, at + "my value".length());
        assertEquals("my value", loc.span().textOf(yaml));
        assertTrue(t.locate(0, 1).isEmpty(), "the added parenthesis comes from no file");
    }
}
