package dev.falconer.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every span covers exactly its text. */
class SpanTest {
    private static final String TEXT = "proc.aname[2] = sshd and\n evt.type in (open, \"x y\") and "
            + "proc.name startswith anyof (/a, '/b') and tolower(proc.env[\"HOME\"]) contains val(fd.name) "
            + "and not fd.num >= 0x1F and fd.name exists and getopt(proc.args, \"nt:\")[t] = v "
            + "and not(a or b) and json.value[/a/b] != \u00e9t\u00e9";

    private static final ParsedCondition P = ConditionParser.parse(TEXT);

    private static String text(Span s) {
        return s.textOf(TEXT);
    }

    private static <T extends Node> List<T> all(Class<T> type) {
        List<T> out = new ArrayList<>();
        AstWalker.walk(P.root(), n -> {
            if (type.isInstance(n)) {
                out.add(type.cast(n));
            }
        });
        return out;
    }

    @Test
    void parses() {
        assertTrue(P.ok(), P.errors()::toString);
        assertEquals(TEXT.length(), P.root().span().end());
        assertEquals(0, P.root().span().start());
    }

    @Test
    void fieldsAndArguments() {
        List<String> names = new ArrayList<>();
        List<String> fulls = new ArrayList<>();
        for (FieldRef f : all(FieldRef.class)) {
            assertEquals(f.name(), text(f.nameSpan()));
            names.add(f.name());
            fulls.add(text(f.span()));
        }
        assertEquals(List.of("proc.aname", "evt.type", "proc.name", "proc.env", "fd.name", "fd.num", "fd.name",
                "proc.args", "json.value"), names);
        assertEquals(List.of("proc.aname[2]", "evt.type", "proc.name", "proc.env[\"HOME\"]", "fd.name", "fd.num",
                "fd.name", "proc.args", "json.value[/a/b]"), fulls);
        List<String> args = all(FieldArg.class).stream().map(a -> text(a.span()) + "|" + text(a.brackets())).toList();
        assertEquals(List.of("2|[2]", "\"HOME\"|[\"HOME\"]", "t|[t]", "/a/b|[/a/b]"), args);
    }

    @Test
    void operatorsAndModifiers() {
        List<String> ops = new ArrayList<>();
        AstWalker.walk(P.root(), n -> {
            if (n instanceof Check c) {
                assertEquals(c.operator().text(), text(c.operatorSpan()));
                ops.add(text(c.operatorSpan()));
                if (c.modifier() != null) {
                    assertEquals("anyof", text(c.modifierSpan()));
                }
            } else if (n instanceof Exists e) {
                assertEquals("exists", text(e.operator()));
            }
        });
        assertEquals(List.of("=", "in", "startswith", "contains", ">=", "=", "!="), ops);
    }

    @Test
    void values() {
        List<String> raw = all(Value.class).stream().map(v -> text(v.span())).toList();
        assertEquals(List.of("sshd", "open", "\"x y\"", "/a", "'/b'", "0x1F", "\"nt:\"", "v", "\u00e9t\u00e9"), raw);
    }

    @Test
    void compositeNodes() {
        Transformer tolower = all(Transformer.class).get(0);
        assertEquals("tolower(proc.env[\"HOME\"])", text(tolower.span()));
        assertEquals("tolower", text(tolower.nameSpan()));
        Transformer val = all(Transformer.class).get(1);
        assertEquals("val(fd.name)", text(val.span()));
        Transformer getopt = all(Transformer.class).get(2);
        assertEquals("getopt(proc.args, \"nt:\")[t]", text(getopt.span()));
        assertEquals(List.of("(open, \"x y\")", "(/a, '/b')"), all(ValueList.class).stream().map(l -> text(l.span())).toList());
        List<Not> nots = all(Not.class);
        assertEquals("not fd.num >= 0x1F", text(nots.get(0).span()));
        assertEquals("not(a or b)", text(nots.get(1).span()));
        assertEquals("not", text(nots.get(1).keyword()));
        assertEquals("a or b", text(all(Or.class).get(0).span()));
        assertEquals("fd.name exists", text(all(Exists.class).get(0).span()));
        assertEquals("proc.aname[2] = sshd", text(all(Check.class).get(0).span()));
        assertEquals("a", text(all(MacroRef.class).get(0).span()));
    }

    @Test
    void spansAreUtf16Offsets() {
        String t = "a.b = \ud83d\ude00x and c.d = y";
        ParsedCondition p = ConditionParser.parse(t);
        assertTrue(p.ok());
        Check second = (Check) ((And) p.root()).children().get(1);
        assertEquals("c.d", ((FieldRef) second.left()).nameSpan().textOf(t));
        assertEquals("\ud83d\ude00x", ((Check) ((And) p.root()).children().get(0)).right().span().textOf(t));
    }
}
