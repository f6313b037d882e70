package dev.falconer.workspace;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Falco's resolve_list, edge cases of spec §1.12 (13–16, 22). */
class ListSubstitutionTest {
    private static final List<String> SHELLS = List.of("bash", "sh", "zsh");

    @Test
    void substitutesInsideParenthesesWithBlanksConsumed() {
        assertEquals("proc.name in ( bash, sh, zsh )",
                ListSubstitution.resolve("proc.name in (shells)", "shells", SHELLS));
        assertEquals("proc.name in (ksh, bash, sh, zsh )",
                ListSubstitution.resolve("proc.name in (ksh, shells)", "shells", SHELLS));
    }

    @Test
    void bareUseOfAMultiItemListBreaksAndAOneItemListWorks() {
        // §1.12.13: the text becomes "in bash, sh, zsh", which the parser rejects
        assertEquals("proc.name in bash, sh, zsh ", ListSubstitution.resolve("proc.name in shells", "shells", SHELLS));
        assertEquals("proc.name = cat ", ListSubstitution.resolve("proc.name = one_item", "one_item", List.of("cat")));
        assertEquals("proc.name= cat ", ListSubstitution.resolve("proc.name=one_item", "one_item", List.of("cat")));
    }

    @Test
    void substitutesInsideQuotedStringsOnlyBetweenDelimiters() {
        // §1.12.14
        assertEquals("proc.cmdline contains \"foo bash, sh, zsh bar\"",
                ListSubstitution.resolve("proc.cmdline contains \"foo shells bar\"", "shells", SHELLS));
        assertEquals("proc.name = \"shells\"", ListSubstitution.resolve("proc.name = \"shells\"", "shells", SHELLS));
    }

    /** One string's names and text as Falco compares it: a name at either end of the string stays. */
    @Test
    void theListsNamedInsideOneQuotedString() {
        java.util.function.Function<String, List<String>> lists =
                name -> name.equals("shells") ? SHELLS : name.equals("one") ? List.of("\"a b\"") : null;
        ListSubstitution.InString in = ListSubstitution.inQuotedString("run shells now, one=x shells", lists);
        assertEquals(List.of("shells", "one"), in.names());
        // as in the condition, between the string's quotes: the last "shells" touches the closing one
        assertEquals("run bash, sh, zsh now, \"a b\" =x shells", in.substituted());
        for (String alone : List.of("shells", "shells now", "run shells", "run shells2 now", "run (shellsx) now")) {
            assertEquals(List.of(), ListSubstitution.inQuotedString(alone, lists).names(), alone);
            assertEquals(alone, ListSubstitution.inQuotedString(alone, lists).substituted());
        }
        assertEquals(List.of("shells"), ListSubstitution.inQuotedString("a (shells) b", lists).names());
        // a leading blank: Falco's match is not at the condition's start, so a blank stays before the items
        assertEquals(" bash, sh, zsh y", ListSubstitution.inQuotedString(" shells y", lists).substituted());
        assertEquals("proc.cmdline = \" bash, sh, zsh y\"", ListSubstitution.resolve("proc.cmdline = \" shells y\"", "shells", SHELLS));
    }

    @Test
    void theQuotedContentOfAnItem() {
        assertEquals("q r", ListSubstitution.quotedContent("\"q r\""));
        assertEquals("q", ListSubstitution.quotedContent("'q'"));
        assertEquals("a b", ListSubstitution.quotedContent("a b"));
        assertEquals(null, ListSubstitution.quotedContent("bash"));
        assertEquals(null, ListSubstitution.quotedContent("\"q"));
    }

    @Test
    void aLongerWordIsNotTheList() {
        // §1.12.15
        assertEquals("fd.name = file_my_list", ListSubstitution.resolve("fd.name = file_my_list", "my_list", SHELLS));
        assertEquals("a in (my_listx)", ListSubstitution.resolve("a in (my_listx)", "my_list", SHELLS));
    }

    @Test
    void anEmptyListRemovesOneComma() {
        // §1.12.16
        assertEquals("proc.name in (ksh  )", ListSubstitution.resolve("proc.name in (ksh, empty)", "empty", List.of()));
        assertEquals("proc.name in (   ksh)", ListSubstitution.resolve("proc.name in (empty, ksh)", "empty", List.of()));
        assertEquals("proc.name in (  )", ListSubstitution.resolve("proc.name in (empty)", "empty", List.of()));
    }

    @Test
    void substitutionIgnoresSyntax() {
        // §1.12.22
        assertEquals("proc.name = felix, tom ", ListSubstitution.resolve("proc.name = cat", "cat", List.of("felix", "tom")));
        assertEquals("a.b = c x d.e = f", ListSubstitution.resolve("a.b = c and d.e = f", "and", List.of("x")));
        assertEquals("x = y", ListSubstitution.resolve("proc.name = y", "proc.name", List.of("x")).strip());
    }

    @Test
    void itemsWithSpacesAreQuotedUnlessAlreadyQuoted() {
        assertEquals("\"a b\"", ListSubstitution.quoteItem("a b"));
        assertEquals("'a b'", ListSubstitution.quoteItem("'a b'"));
        assertEquals("\"(systemd)\"", ListSubstitution.quoteItem("\"(systemd)\""));
        assertEquals("ab", ListSubstitution.quoteItem("ab"));
    }

    @Test
    void everyOccurrenceIsReplaced() {
        assertEquals("a in ( bash, sh, zsh ) or b in ( bash, sh, zsh )",
                ListSubstitution.resolve("a in (shells) or b in (shells)", "shells", SHELLS));
        assertEquals("bash, sh, zsh ", ListSubstitution.resolve("shells", "shells", SHELLS));
    }

    @Test
    void aWordAtTheStartRightAfterTheSameNameStays() {
        assertEquals("bash, sh, zsh shells", ListSubstitution.resolve("shells shells", "shells", SHELLS));
        String condition = "shells shells ,x x";
        String oneByOne = ListSubstitution.resolve(ListSubstitution.resolve(condition, "shells", SHELLS), "x", List.of("y"));
        assertEquals("bash, sh, zsh shells , y y ", oneByOne);
        assertEquals(oneByOne, ListSubstitution.resolveAll(SourcedText.synthetic(condition),
                java.util.Map.of("shells", sourced(SHELLS), "x", sourced(List.of("y")))).text().text());
    }

    /**
     * One pass over several lists gives what one pass per list gives, in any order, character
     * sources included, whenever the lists keep apart (no empty list, no delimiter in a name, no
     * list name among the items).
     */
    @Test
    void substitutingListsTogetherIsSubstitutingThemOneAfterAnother() {
        java.util.Random random = new java.util.Random(20261129L);
        String[] names = {"a", "b", "ab", "a_b", "cc"};
        String[] words = {"x", "y", "in", "\"q\"", "'a b'", "a.b", "ba", "-"};
        String[] delimiters = {" ", "  ", "\t", "\n", "(", ")", ",", "=", ", ", " ("};
        for (int round = 0; round < 20_000; round++) {
            java.util.Map<String, List<SourcedText>> lists = new java.util.LinkedHashMap<>();
            for (String n : names) {
                if (random.nextInt(3) > 0) {
                    List<SourcedText> items = new java.util.ArrayList<>();
                    for (int k = 1 + random.nextInt(3); k > 0; k--) {
                        items.add(scalar(words[random.nextInt(words.length)], round * 10 + k));
                    }
                    lists.put(n, items);
                }
            }
            List<SourcedText> parts = new java.util.ArrayList<>();
            for (int k = random.nextInt(14); k > 0; k--) {
                parts.add(random.nextInt(3) == 0 ? scalar(delimiters[random.nextInt(delimiters.length)], k)
                        : SourcedText.synthetic(delimiters[random.nextInt(delimiters.length)]));
                String w = random.nextBoolean() ? names[random.nextInt(names.length)] : words[random.nextInt(words.length)];
                parts.add(random.nextBoolean() ? scalar(w, 100 + k) : SourcedText.synthetic(w));
            }
            SourcedText condition = SourcedText.concat(parts);
            List<String> order = new java.util.ArrayList<>(lists.keySet());
            java.util.Collections.shuffle(order, random);
            SourcedText expected = condition;
            java.util.Set<String> used = new java.util.HashSet<>();
            for (String n : order) {
                ListSubstitution.Result r = ListSubstitution.resolve(expected, n, lists.get(n));
                expected = r.text();
                if (r.used()) {
                    used.add(n);
                }
            }
            ListSubstitution.Several all = ListSubstitution.resolveAll(condition, lists);
            String what = condition.text() + " with " + lists.keySet() + " in order " + order;
            assertEquals(expected.text(), all.text().text(), what);
            // the same source for every character (the list of scalars may come in another order)
            assertEquals(java.util.Set.copyOf(expected.origins()), java.util.Set.copyOf(all.text().origins()), what);
            for (int i = 0; i < expected.length(); i++) {
                assertEquals(expected.originAt(i), all.text().originAt(i), what + " at " + i);
                assertEquals(expected.locate(i, i + 1), all.text().locate(i, i + 1), what + " at " + i);
            }
            assertEquals(used, all.used(), what);
        }
    }

    /** A long list is joined once and kept: every substitution of it, the first and the later ones, reads the same. */
    @Test
    void aLongListJoinedOnceSubstitutesAsItemByItem() {
        List<SourcedText> items = new java.util.ArrayList<>();
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            String t = i % 7 == 0 ? "\"a b" + i + "\"" : "10.0." + i % 256 + "." + i / 256;
            texts.add(t);
            items.add(scalar(t, 1000 + 20 * i));
        }
        String joined = String.join(", ", texts);
        SourcedText condition = SourcedText.concat(scalar("proc.name in (feed) and fd.sip in (ksh,feed )", 0));
        for (int round = 0; round < 2; round++) {
            SourcedText out = round == 0 ? ListSubstitution.resolve(condition, "feed", items).text()
                    : ListSubstitution.resolveAll(condition, java.util.Map.of("feed", items, "ksh", items.subList(0, 2)))
                            .text();
            String expected = round == 0 ? "proc.name in ( " + joined + " ) and fd.sip in (ksh, " + joined + " )"
                    : "proc.name in ( " + joined + " ) and fd.sip in ( " + texts.get(0) + ", " + texts.get(1) + " , "
                            + joined + " )";
            assertEquals(expected, out.text());
            int at = out.text().indexOf(texts.get(0));
            for (int i = 0; i < items.size(); i++) {
                assertEquals(items.get(i).origins().get(0), out.originAt(at), "item " + i);
                assertEquals(null, out.originAt(at + texts.get(i).length()), "after item " + i);
                at += texts.get(i).length() + 2;
            }
        }
    }

    /**
     * Against a plain port of Falco's {@code resolve_list}, which rewrites the whole string at
     * each occurrence: random texts of names, words and delimiters, lists short and long, empty
     * ones, items that hold the name.
     */
    @Test
    void substitutionIsFalcosRewriteAtEachOccurrence() {
        java.util.Random random = new java.util.Random(20261130L);
        String[] pieces = {"feed", "feed", "x", " ", "  ", "\t", "\n", "(", ")", ",", "=", "\"", "feedx", "a.b", "in"};
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(16); k > 0; k--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            int n = random.nextInt(6) == 0 ? 0 : random.nextInt(4) == 0 ? 1000 + random.nextInt(3) : 1 + random.nextInt(4);
            List<String> items = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                items.add(random.nextInt(50) == 0 ? "feed" : "i" + i);
            }
            String expected = falcoResolve(text.toString(), "feed", items);
            assertEquals(expected, ListSubstitution.resolve(text.toString(), "feed", items), text + " with " + n + " items");
        }
    }

    /** Falco's resolve_list on one string, as written there: the whole text rewritten at each occurrence. */
    private static String falcoResolve(String cnd, String name, List<String> items) {
        String blanks = " \t\n\r";
        String delims = blanks + "(),=";
        String sub = String.join(", ", items);
        int start = cnd.indexOf(name);
        while (start >= 0) {
            int end = start + name.length();
            if ((start == 0 || delims.indexOf(cnd.charAt(start - 1)) >= 0)
                    && (end >= cnd.length() || delims.indexOf(cnd.charAt(end)) >= 0)) {
                while (start > 0 && blanks.indexOf(cnd.charAt(start - 1)) >= 0) {
                    start--;
                }
                while (end < cnd.length() && blanks.indexOf(cnd.charAt(end)) >= 0) {
                    end++;
                }
                if (sub.isEmpty()) {
                    if (start > 0 && cnd.charAt(start - 1) == ',') {
                        start--;
                    } else if (end < cnd.length() && cnd.charAt(end) == ',') {
                        end++;
                    }
                }
                cnd = (start > 0 ? cnd.substring(0, start) + " " : "") + sub + " " + cnd.substring(end);
                start += sub.length() + 1;
            }
            start = cnd.indexOf(name, start + 1);
        }
        return cnd;
    }

    private static List<SourcedText> sourced(List<String> items) {
        return items.stream().map(SourcedText::synthetic).toList();
    }

    private static SourcedText scalar(String value, int at) {
        return SourcedText.of(new ScalarOrigin("file:///f.yaml", new dev.falconer.rules.YamlScalar(value,
                dev.falconer.rules.ScalarStyle.PLAIN, null, new dev.falconer.text.TextSpan(at, at + value.length()), value)));
    }
}
