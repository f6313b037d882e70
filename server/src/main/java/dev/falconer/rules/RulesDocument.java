package dev.falconer.rules;

import dev.falconer.text.LineIndex;
import dev.falconer.text.TextDocument;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed rules file: its text snapshot and its top-level items in file order. Immutable.
 * {@code parsedChunks} counts the chunks SnakeYAML actually read to build this version (the
 * others were reused from the previous version because their text did not change).
 */
public final class RulesDocument {
    private final TextDocument text;
    private final List<RulesItem> items;
    private final int parsedChunks;
    /** The chunks with their parses and items, handed to the next version for reuse. */
    final List<RulesDocumentParser.Slot> slots;

    /** This version's identity for the versions updated from it (a token: holding the version would chain them all). */
    private final Object token = new Object();
    /** The token of the version this one was updated from, {@code null} for a fresh parse. */
    private final Object basis;
    /** From this item index on, every item was moved from the basis' item of the same index, chunk text unchanged. */
    private final int movedFrom;

    RulesDocument(TextDocument text, List<RulesItem> items, int parsedChunks, List<RulesDocumentParser.Slot> slots,
                  RulesDocument basis, int movedFrom) {
        this.text = text;
        this.items = List.copyOf(items);
        this.parsedChunks = parsedChunks;
        this.slots = List.copyOf(slots);
        this.basis = basis == null ? null : basis.token;
        this.movedFrom = basis == null ? this.items.size() : movedFrom;
    }

    /** Parses a whole text. */
    public static RulesDocument parse(TextDocument text) {
        return RulesDocumentParser.parse(text, null);
    }

    /**
     * Parses several texts, in parallel when there are several (files are independent), in the
     * order given. For batch loads such as {@code falconer check}.
     */
    public static List<RulesDocument> parseAll(List<TextDocument> texts) {
        if (texts.size() < 2) {
            return texts.stream().map(RulesDocument::parse).toList();
        }
        return texts.parallelStream().map(RulesDocument::parse).toList();
    }

    public static RulesDocument parse(String uri, String text) {
        return parse(new TextDocument(uri, 0, text));
    }

    /**
     * Whether {@code a} and {@code b} hold the very same documents, in order: an unchanged document
     * stays the same object from one snapshot to the next, so what was worked out from {@code a}
     * holds for {@code b}.
     */
    public static boolean sameObjects(List<RulesDocument> a, List<RulesDocument> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses a new version: the items before the edit are kept, those after it are moved (not
     * rebuilt from YAML), and only the chunks around the edit are re-read.
     */
    public RulesDocument update(TextDocument newText) {
        return RulesDocumentParser.parse(newText, this);
    }

    public TextDocument textDocument() {
        return text;
    }

    public String uri() {
        return text.uri();
    }

    public int version() {
        return text.version();
    }

    public String text() {
        return text.text();
    }

    public LineIndex lineIndex() {
        return text.lineIndex();
    }

    public List<RulesItem> items() {
        return items;
    }

    public int parsedChunks() {
        return parsedChunks;
    }

    /**
     * True when this version is known, without comparing texts, to have item {@code index} read
     * from the same chunk text as item {@code index} of {@code earlier}: this version was updated
     * from {@code earlier} and the item is one of those the edit only moved. False means unknown.
     */
    public boolean sameChunkKnown(RulesDocument earlier, int index) {
        return earlier != null && basis == earlier.token && index >= movedFrom && index < items.size();
    }

    /** The innermost item whose span (or, between items, chunk) contains {@code offset}, or {@code null}. */
    public RulesItem itemAt(int offset) {
        RulesItem chunkHit = null;
        for (RulesItem item : items) {
            if (item.span().touches(offset)) {
                return item;
            }
            if (chunkHit == null && item.frame().chunk().contains(offset)) {
                chunkHit = item;
            }
        }
        return chunkHit;
    }

    /** Items of one type, in file order. */
    public <T extends RulesItem> List<T> itemsOf(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (RulesItem item : items) {
            if (type.isInstance(item)) {
                out.add(type.cast(item));
            }
        }
        return out;
    }
}
