package dev.falconer.workspace;

import dev.falconer.condition.ReusingConditionParser;
import dev.falconer.condition.ParsedCondition;
import dev.falconer.rules.RulesDocument;
import dev.falconer.text.ContentChange;
import dev.falconer.text.TextDocument;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The rules files Falco would load, like {@code rules_files} in falco.yaml: an ordered list of
 * files and directories (a directory stands for its {@code .yaml}/{@code .yml} regular files in
 * alphabetical order, not recursively). Open editor buffers override the disk; buffers of files
 * outside the list are loaded after it, ordered by path. Documents are re-parsed
 * incrementally; {@link #snapshot()} merges them on demand and caches the result until the next
 * change. Thread-safe; bad files never throw (an unreadable file is simply absent).
 */
public final class RulesWorkspace {
    private final WorkspaceAnalyzer analyzer;
    private final Map<String, ParsedCondition> parseCache = new ConcurrentHashMap<>();
    private final List<Path> entries = new ArrayList<>();
    private final Map<String, RulesDocument> buffers = new LinkedHashMap<>();
    /**
     * Open buffers of disk files whose editor spells the URI otherwise than {@link #uriOf} (VS
     * Code writes {@code %28} for {@code (}), by the disk spelling: the buffer stands in for the
     * file, rather than both being loaded.
     */
    private final Map<String, String> respelled = new HashMap<>();
    /**
     * The texts of open buffers changed since their document was last read, read when the
     * document is asked for: a burst of changes (fast typing, a client that sends each character of
     * a paste) is then read once, not once per change, and the requests that come after the burst
     * do not wait for every reading in turn (a hover after 69 one-character changes of
     * {@code falco_rules.yaml} waited 219 ms).
     */
    private final Map<String, TextDocument> unread = new HashMap<>();
    /**
     * Buffers opened with a text large enough to be parsed outside the lock (see
     * {@link #openUnparsed}), with the changes made since: not in the snapshots until parsed,
     * nor is their disk file.
     */
    private final Map<String, TextDocument> unparsed = new HashMap<>();
    private final Map<String, RulesDocument> disk = new HashMap<>();
    private WorkspaceSnapshot snapshot;
    /**
     * Makes snapshots one at a time. Their files are read and analysed outside the lock, which is
     * taken only to plan a reading and to keep what it read: a change of a 10 MB buffer took
     * seconds to read, and the change messages sent meanwhile, read on the thread that reads the
     * client's messages, waited for the lock, and every request behind them (QA: a hover in
     * another file, 3.7 s median, 12 s at worst, while typing in the large one).
     */
    private final ReentrantLock making = new ReentrantLock();
    /** Counts changes of any kind; a snapshot made from an older state is not kept as current. */
    private long stamp;
    /** The {@link #stamp} of the last change that was not of an open buffer's text. */
    private long structureStamp;
    /** Counts the files found changed on disk: a reading of the disk made before one is not kept. */
    private long diskChanges;
    /** Per open buffer, the {@link #stamp} of the last change of its text. */
    private final Map<String, Long> textStamps = new HashMap<>();
    /** The last snapshot made (current or not) and the {@link #stamp} of the state it was made from. */
    private volatile WorkspaceSnapshot lastMade;
    private long lastMadeStamp = -1;
    /**
     * Texts from this length on are read outside the lock when opened ({@link #openUnparsed}),
     * and their changes do not hold up requests about other documents ({@link #snapshotFor}).
     */
    public static final int LARGE_TEXT = 1 << 20;
    /** {@link #LARGE_TEXT}, smaller in tests. */
    private int largeText = LARGE_TEXT;
    /** How a buffer's changes are read into its document; a test holds it midway. */
    private BiFunction<RulesDocument, TextDocument, RulesDocument> reader = RulesDocument::update;
    /** How a file is read from disk ({@code null} when it cannot be); a test holds it midway. */
    private BiFunction<String, Path, RulesDocument> fileReader = RulesWorkspace::parse;
    /** Load order with the disk file of each URI ({@code null} for buffers only): kept while only texts change. */
    private Map<String, Path> order;
    private final long parallelFrom;

    /**
     * Bytes of unread files from which they are parsed side by side. Below, one after the other:
     * at a cold start on two cores the catalog loads beside the reading, and the three official
     * files (220 KB) read side by side ended 25 ms later (lspprobe, median of 16 alternated). A
     * 60-file workspace (4.6 MB) loads 5-10 % sooner side by side (ScaleReport, medians of 5
     * alternated pairs).
     */
    public static final long PARALLEL_BYTES = 1 << 20;

    /** A workspace parsing conditions with the grammar's parser, taking long lists over from edit to edit. */
    public RulesWorkspace() {
        this(new ReusingConditionParser());
    }

    public RulesWorkspace(Function<String, ParsedCondition> parser) {
        this(parser, PARALLEL_BYTES);
    }

    /**
     * A workspace whose documents load in the order they are first opened, as {@code falco -r a
     * -r b} loads the files it is given: the command line's files, and the collections of Falco's
     * load steps. (The editor's orders the buffers outside its listed files by path, as Falco
     * reads one folder.)
     */
    public static RulesWorkspace inOpeningOrder(Function<String, ParsedCondition> parser) {
        RulesWorkspace w = new RulesWorkspace(parser);
        w.openingOrder = true;
        return w;
    }

    /** See {@link #inOpeningOrder}. */
    private boolean openingOrder;

    /**
     * {@code parallelFrom}: see {@link #PARALLEL_BYTES}; 0 also analyses any number of names side
     * by side ({@link WorkspaceAnalyzer#PARALLEL_NAMES}): tests read and analyse small workspaces so.
     */
    RulesWorkspace(Function<String, ParsedCondition> parser, long parallelFrom) {
        this.analyzer = parallelFrom == 0 ? new WorkspaceAnalyzer(parser, parseCache, 0)
                : new WorkspaceAnalyzer(parser, parseCache);
        this.parallelFrom = parallelFrom;
    }

    /** The URI used for a file on disk; an editor buffer of that file may spell it otherwise (see {@link #respelled}). */
    public static String uriOf(Path path) {
        return path.toAbsolutePath().normalize().toUri().toString();
    }

    /**
     * Files of one directory in the order Falco reads them: by the bytes of their names (C++
     * {@code std::string} order), which differs from Java's UTF-16 order above U+FFFF.
     */
    public static final java.util.Comparator<Path> FALCO_NAME_ORDER = (a, b) -> java.util.Arrays.compareUnsigned(
            a.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
            b.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));

    /** The file a {@code file:} URI names, or {@code null} (another scheme; an authority, query or fragment; malformed). */
    public static Path pathOf(String uri) {
        try {
            java.net.URI u = java.net.URI.create(uri);
            return "file".equals(u.getScheme()) ? Path.of(u) : null;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    /** {@code uri} as {@link #uriOf} spells a {@code file:} URI; other URIs (and malformed ones) as they are. */
    static String diskSpelling(String uri) {
        Path path = pathOf(uri);
        return path == null ? uri : uriOf(path);
    }

    private void noteSpelling(String uri) {
        String disk = diskSpelling(uri);
        if (!disk.equals(uri)) {
            respelled.put(disk, uri);
        }
    }

    /**
     * How the files of {@code uris} are named to the user: each by its name as the file system
     * spells it (not the URI's escapes: {@code a ü.yaml}), or by its whole path where another of
     * them has the same name ({@code team1/rules.yaml}, {@code team2/rules.yaml}).
     */
    public static java.util.function.Function<String, String> shownNames(Collection<String> uris) {
        Map<String, Integer> named = new HashMap<>();
        for (String uri : uris) {
            named.merge(shownName(uri), 1, Integer::sum);
        }
        return uri -> {
            Path path = pathOf(uri);
            String name = shownName(uri);
            return named.getOrDefault(name, 0) > 1 && path != null ? path.toString() : name;
        };
    }

    private static String shownName(String uri) {
        Path path = pathOf(uri);
        return path != null && path.getFileName() != null ? path.getFileName().toString() : fileNameOf(uri);
    }

    /** The last segment of {@code uri}: the file's name, as the editor shows it in messages and links. */
    public static String fileNameOf(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    public synchronized void setRulesFiles(List<Path> files) {
        entries.clear();
        entries.addAll(files);
        invalidate();
    }

    public synchronized void addRulesFile(Path fileOrDirectory) {
        entries.add(fileOrDirectory);
        invalidate();
    }

    public synchronized void removeRulesFile(Path fileOrDirectory) {
        entries.remove(fileOrDirectory);
        invalidate();
    }

    public synchronized List<Path> rulesFiles() {
        return List.copyOf(entries);
    }

    /** A file changed, appeared or disappeared on disk: forget what was read from it. */
    public synchronized void fileChanged(Path path) {
        disk.remove(uriOf(path));
        diskChanges++;
        invalidate();
    }

    public synchronized void open(String uri, int version, String text) {
        unparsed.remove(uri);
        unread.remove(uri); // the text opened replaces any change not read yet
        RulesDocument previous = buffers.containsKey(uri) ? buffers.get(uri) : disk.get(uri);
        TextDocument doc = new TextDocument(uri, version, text);
        buffers.put(uri, previous == null ? RulesDocument.parse(doc) : previous.update(doc));
        noteSpelling(uri);
        invalidate();
    }

    /**
     * Opens a buffer whose text is to be parsed by {@link #parseUnparsed}, outside the lock: a
     * 10 MB file took seconds to parse, and every request waited for the lock meanwhile. Until
     * then the document is in no snapshot and its changes are kept. Its disk file does not stand
     * in: a request on the buffer would be answered from another text (QA: a rename's edits,
     * made on the disk text, overwrote the editor's), and its diagnostics published as the
     * buffer's. False, and nothing done, when the buffer is open already.
     */
    public synchronized boolean openUnparsed(String uri, int version, String text) {
        if (buffers.containsKey(uri)) {
            return false;
        }
        unparsed.put(uri, new TextDocument(uri, version, text));
        invalidate();
        return true;
    }

    /**
     * Parses the buffer {@link #openUnparsed} opened, without holding the lock, and puts it in
     * place with the changes made meanwhile (read as an edit); {@code null} when it was closed or
     * opened again in between.
     */
    public RulesDocument parseUnparsed(String uri) {
        return parseUnparsed(uri, RulesDocument::parse);
    }

    /** As {@link #parseUnparsed(String)}, with the parser given (a test changes the text while it runs). */
    RulesDocument parseUnparsed(String uri, java.util.function.Function<TextDocument, RulesDocument> parser) {
        TextDocument text;
        synchronized (this) {
            text = unparsed.get(uri);
        }
        if (text == null) {
            return null;
        }
        RulesDocument parsed = parser.apply(text);
        synchronized (this) {
            TextDocument now = unparsed.get(uri);
            if (now == null || buffers.containsKey(uri)) {
                return null;
            }
            unparsed.remove(uri);
            buffers.put(uri, parsed);
            if (now != text) {
                unread.put(uri, now);
            }
            noteSpelling(uri);
            invalidate();
            return parsed;
        }
    }

    /** Opens a buffer its caller parsed already (e.g. several files parsed in parallel by a batch check). */
    public synchronized void open(RulesDocument document) {
        unparsed.remove(document.uri());
        unread.remove(document.uri());
        buffers.put(document.uri(), document);
        noteSpelling(document.uri());
        invalidate();
    }

    /** Applies LSP incremental changes to an open buffer; ignored when the buffer is not open. */
    public synchronized void change(String uri, int version, List<ContentChange> changes) {
        TextDocument waiting = unparsed.get(uri);
        if (waiting != null) {
            unparsed.put(uri, waiting.withChanges(version, changes));
            return;
        }
        RulesDocument current = buffers.get(uri);
        if (current == null) {
            return;
        }
        TextDocument text = unread.getOrDefault(uri, current.textDocument());
        unread.put(uri, text.withChanges(version, changes));
        snapshot = null;
        textStamps.put(uri, ++stamp);
    }

    /**
     * The last snapshot made, or {@code null}; makes none (a change may have come since). Without
     * the lock: the reader thread asks for it at every change.
     */
    public WorkspaceSnapshot lastMade() {
        return lastMade;
    }

    /**
     * The document of {@code uri} as last read, without reading changes made since (see
     * {@link #unread}); {@code null} when neither open nor on disk. What an edit changed can be
     * told from it and the document after the edit, which covers every change in between.
     */
    public synchronized RulesDocument documentAsLastRead(String uri) {
        if (unparsed.containsKey(uri)) {
            return null;
        }
        RulesDocument b = buffers.get(uri);
        // a file on disk not read yet is in no snapshot: nothing was read from it
        return b != null ? b : disk.get(uri);
    }

    /** The version of the open buffer of {@code uri} with every change applied, or {@code null} when not open. */
    public synchronized Integer openVersion(String uri) {
        TextDocument changed = textNotRead(uri);
        if (changed != null) {
            return changed.version();
        }
        RulesDocument b = buffers.get(uri);
        return b == null ? null : b.version();
    }

    /** The length of the open buffer of {@code uri} with every change applied (nothing parsed), or -1 when not open. */
    public synchronized int openLength(String uri) {
        TextDocument changed = textNotRead(uri);
        if (changed != null) {
            return changed.text().length();
        }
        RulesDocument b = buffers.get(uri);
        return b == null ? -1 : b.text().length();
    }

    /** Closes a buffer: the file's disk content counts again. */
    public synchronized void close(String uri) {
        unparsed.remove(uri);
        unread.remove(uri);
        textStamps.remove(uri);
        RulesDocument closed = buffers.remove(uri);
        if (closed != null) {
            disk.remove(uri);
            respelled.values().remove(uri);
        }
        invalidate();
    }

    /**
     * The current document of {@code uri}: the open buffer, else the disk file, else {@code null}.
     * What is read for it (the buffer's changes, the file) is read outside the lock.
     */
    public RulesDocument document(String uri) {
        Slot slot;
        Readers read;
        long diskChangesThen;
        synchronized (this) {
            if (unparsed.containsKey(uri)) {
                return null;
            }
            slot = slotOf(uri);
            if (slot == null) {
                return null;
            }
            read = readers();
            // counted before the reading: a file found changed while it is read is read again (QA)
            diskChangesThen = diskChanges;
        }
        slot.read(read);
        synchronized (this) {
            keep(slot, diskChangesThen);
        }
        return slot.result;
    }

    /** What is to be read for the document of {@code uri} (open or on disk), or {@code null} when it is neither. */
    private Slot slotOf(String uri) {
        if (buffers.containsKey(uri)) {
            return Slot.buffer(uri, buffers.get(uri), unread.get(uri));
        }
        for (Path p : expandedFiles()) {
            if (uriOf(p).equals(uri)) {
                return Slot.disk(uri, p, disk.get(uri));
            }
        }
        return null;
    }

    /** URIs in the order Falco would load them. */
    public synchronized List<String> loadOrder() {
        List<String> out = new ArrayList<>();
        for (Path p : expandedFiles()) {
            String disk = uriOf(p);
            String uri = respelled.getOrDefault(disk, disk);
            if (!out.contains(uri)) {
                out.add(uri);
            }
        }
        // the buffers of other files in the order files found on disk load (x.yaml before
        // x.local.yaml): in the order they were opened, which of two such files came first
        // decided what each one saw (QA); by their bytes, unsaved x.local.yaml came first (QA round 18)
        List<String> others = new ArrayList<>();
        for (String uri : buffers.keySet()) {
            if (!out.contains(uri)) {
                others.add(uri);
            }
        }
        if (!openingOrder) {
            others.sort(RulesWorkspace::bufferOrder);
        }
        out.addAll(others);
        return out;
    }

    /** Buffers outside the list: files as {@link RulesFileOrder} orders them, then URIs that name no file, by their bytes. */
    private static int bufferOrder(String a, String b) {
        Path pa = pathOf(a);
        Path pb = pathOf(b);
        if (pa != null && pb != null) {
            return RulesFileOrder.FALCO_ORDER.compare(pa, pb);
        }
        if (pa != null || pb != null) {
            return pa != null ? -1 : 1;
        }
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Told of each file as a snapshot takes it in, e.g. to show the first reading's progress; from any thread. */
    @FunctionalInterface
    public interface ReadListener {
        ReadListener NONE = (uri, taken, total) -> { };

        /** {@code uri} was read (or taken from its buffer or cache; or found unreadable), the {@code taken}-th of {@code total}. */
        void taken(String uri, int taken, int total);
    }

    /** The merged view of the current state; cached until the next change. */
    public WorkspaceSnapshot snapshot() {
        return snapshot(ReadListener.NONE);
    }

    /**
     * The merged view, telling {@code listener} of each file when the view has to be made anew
     * (nothing when the cached one is current). The merging that follows the last file is not told.
     * Changes made while it is made are in the next one.
     */
    public WorkspaceSnapshot snapshot(ReadListener listener) {
        synchronized (this) {
            if (snapshot != null) {
                return snapshot;
            }
        }
        making.lock();
        try {
            Reading reading;
            synchronized (this) {
                if (snapshot != null) {
                    return snapshot; // made by another thread meanwhile
                }
                reading = plan();
            }
            reading.read(listener, parallelFrom);
            List<RulesDocument> docs;
            synchronized (this) {
                docs = reading.keep(this);
            }
            WorkspaceSnapshot made = analyzer.analyze(docs);
            synchronized (this) {
                trimParseCache(made);
                lastMade = made;
                lastMadeStamp = reading.stamp;
                if (stamp == reading.stamp) {
                    snapshot = made;
                }
            }
            return made;
        } finally {
            making.unlock();
        }
    }

    /**
     * The merged view for a request about {@code uri} alone (a hover, a completion, its lenses):
     * the last one made when since then only other large buffers changed, rather than waiting
     * while they are read (see {@link #making}). Their latest keystrokes are then not in the
     * answer, as when the request had come a moment sooner; everything else is current.
     */
    public WorkspaceSnapshot snapshotFor(String uri) {
        WorkspaceSnapshot last;
        synchronized (this) {
            if (snapshot != null) {
                return snapshot;
            }
            last = onlyLargeOthersChanged(uri) ? lastMade : null;
        }
        return last != null ? last : snapshot();
    }

    /** True when, since {@link #lastMade}, nothing changed but the texts of large buffers other than {@code uri}. */
    private boolean onlyLargeOthersChanged(String uri) {
        if (lastMade == null || structureStamp > lastMadeStamp) {
            return false;
        }
        for (Map.Entry<String, Long> e : textStamps.entrySet()) {
            if (e.getValue() > lastMadeStamp && (e.getKey().equals(uri) || openLength(e.getKey()) < largeText)) {
                return false;
            }
        }
        return true;
    }

    /** The documents of the load order and what is to be read for them; under the lock. */
    private Reading plan() {
        if (order == null) {
            Map<String, Path> paths = new HashMap<>();
            for (Path p : expandedFiles()) {
                paths.putIfAbsent(uriOf(p), p);
            }
            order = new LinkedHashMap<>();
            for (String uri : loadOrder()) {
                order.put(uri, paths.get(uri));
            }
        }
        List<Slot> slots = new ArrayList<>();
        for (Map.Entry<String, Path> e : order.entrySet()) {
            String uri = e.getKey();
            slots.add(unparsed.containsKey(uri) ? Slot.disk(uri, null, null)
                    : buffers.containsKey(uri) ? Slot.buffer(uri, buffers.get(uri), unread.get(uri))
                    : Slot.disk(uri, e.getValue(), disk.get(uri)));
        }
        return new Reading(stamp, diskChanges, slots, readers());
    }

    /**
     * Keeps what {@code slot} read, under the lock: a buffer's reading when the buffer is still
     * the one it read from (its changes since stay to be read), a file's when no file was found
     * changed on disk since {@code diskChangesThen}.
     */
    private void keep(Slot slot, long diskChangesThen) {
        if (slot.result == null || slot.result == slot.base) {
            return;
        }
        if (slot.pending != null) {
            if (buffers.get(slot.uri) == slot.base) {
                buffers.put(slot.uri, slot.result);
                unread.remove(slot.uri, slot.pending);
            }
        } else if (diskChanges == diskChangesThen && !buffers.containsKey(slot.uri)) {
            disk.putIfAbsent(slot.uri, slot.result);
        }
    }

    /**
     * One document of a reading: an open buffer ({@code base}) and its changes not read yet
     * ({@code pending}, or {@code null}), or a file on disk ({@code path}) and its reading if
     * made already ({@code base}). {@link #read} gives {@code result}, outside the lock.
     */
    private static final class Slot {
        final String uri;
        final RulesDocument base;
        final TextDocument pending;
        final Path path;
        RulesDocument result;

        private Slot(String uri, RulesDocument base, TextDocument pending, Path path) {
            this.uri = uri;
            this.base = base;
            this.pending = pending;
            this.path = path;
            this.result = base;
        }

        static Slot buffer(String uri, RulesDocument base, TextDocument pending) {
            return new Slot(uri, base, pending, null);
        }

        static Slot disk(String uri, Path path, RulesDocument read) {
            return new Slot(uri, read, null, path);
        }

        /** A file on disk not read yet. */
        boolean fromDisk() {
            return pending == null && base == null && path != null;
        }

        boolean toRead() {
            return pending != null || fromDisk();
        }

        void read(Readers readers) {
            if (pending != null) {
                result = readers.changes().apply(base, pending);
            } else if (fromDisk()) {
                result = readers.files().apply(uri, path);
            }
        }
    }

    /** How changes and files are read (see {@link #reader}, {@link #fileReader}). */
    private record Readers(BiFunction<RulesDocument, TextDocument, RulesDocument> changes,
                           BiFunction<String, Path, RulesDocument> files) {
    }

    private Readers readers() {
        return new Readers(reader, fileReader);
    }

    /** The documents of one snapshot in load order, read outside the lock. */
    private static final class Reading {
        final long stamp;
        final long diskChanges;
        final List<Slot> slots;
        final Readers reader;

        Reading(long stamp, long diskChanges, List<Slot> slots, Readers reader) {
            this.stamp = stamp;
            this.diskChanges = diskChanges;
            this.slots = slots;
            this.reader = reader;
        }

        /**
         * Reads what is to be read, telling {@code listener} of each document. Files are read on all
         * cores when they are large together ({@code parallelFrom}): they parse independently (a
         * 60-file workspace: 650 -> 370 ms on two cores); each is told as its parse ends, from the
         * thread that parsed it, and the others after, in load order.
         */
        void read(ReadListener listener, long parallelFrom) {
            int total = slots.size();
            AtomicInteger taken = new AtomicInteger();
            List<Slot> files = slots.stream().filter(Slot::fromDisk).toList();
            Set<Slot> read = Collections.newSetFromMap(new IdentityHashMap<>());
            if (files.size() >= 2 && bytesOf(files.stream().map(f -> f.path).toList()) >= parallelFrom) {
                files.parallelStream().forEach(f -> {
                    f.read(reader);
                    if (f.result != null) {
                        listener.taken(f.uri, taken.incrementAndGet(), total);
                    }
                });
                for (Slot f : files) {
                    if (f.result != null) {
                        read.add(f);
                    }
                }
            }
            for (Slot slot : slots) {
                if (!read.contains(slot)) {
                    if (slot.toRead()) {
                        slot.read(reader);
                    }
                    listener.taken(slot.uri, taken.incrementAndGet(), total);
                }
            }
        }

        /** Keeps what was read (see {@link RulesWorkspace#keep}); the documents of the snapshot. */
        List<RulesDocument> keep(RulesWorkspace workspace) {
            List<RulesDocument> docs = new ArrayList<>();
            for (Slot slot : slots) {
                workspace.keep(slot, diskChanges);
                if (slot.result != null) {
                    docs.add(slot.result);
                }
            }
            return docs;
        }
    }

    /** Tests: texts from {@code chars} on count as large (see {@link #LARGE_TEXT}). */
    synchronized void largeTextFrom(int chars) {
        largeText = chars;
    }

    /** Tests: buffers' changes are read with {@code reader}. */
    synchronized void readChangesWith(BiFunction<RulesDocument, TextDocument, RulesDocument> reader) {
        this.reader = reader;
    }

    /** Tests: files are read with {@code fileReader}. */
    synchronized void readFilesWith(BiFunction<String, Path, RulesDocument> fileReader) {
        this.fileReader = fileReader;
    }

    WorkspaceAnalyzer analyzer() {
        return analyzer;
    }

    /** Files, buffers or the list changed: the load order is read again. */
    private void invalidate() {
        snapshot = null;
        order = null;
        structureStamp = ++stamp;
    }

    /** The text of open buffer {@code uri} when it has changes (or all of it) not read yet, else {@code null}. */
    private TextDocument textNotRead(String uri) {
        return unparsed.containsKey(uri) ? unparsed.get(uri) : unread.get(uri);
    }

    /** Keeps parsed conditions of the current texts only, so the cache cannot grow without bound. */
    private void trimParseCache(WorkspaceSnapshot s) {
        if (parseCache.size() > 4 * (s.merged().macros().size() + s.merged().rules().size()) + 1024) {
            parseCache.clear();
        }
    }

    private List<Path> expandedFiles() {
        List<Path> out = new ArrayList<>();
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> s = Files.list(entry)) {
                    s.filter(Files::isRegularFile)
                            .filter(p -> p.getFileName().toString().endsWith(".yaml")
                                    || p.getFileName().toString().endsWith(".yml"))
                            .sorted(FALCO_NAME_ORDER).forEach(out::add);
                } catch (IOException e) {
                    // an unreadable directory contributes no file, as for Falco
                }
            } else {
                out.add(entry);
            }
        }
        return out;
    }

    /**
     * UTF-8, with U+FFFD for bytes that are not: a stray Latin-1 byte must not hide a whole file.
     * String's own decoding replaces them so, faster than a decoder object at a cold start, where
     * every rules file is read (the decoder was 2.5 % of the first reading of the official folder).
     * A byte order mark is dropped, as editors do.
     */
    private static String decode(byte[] bytes) {
        return TextDocument.withoutByteOrderMark(new String(bytes, StandardCharsets.UTF_8));
    }

    /** The sizes of {@code files} on disk, summed; an unreadable one counts nothing. */
    public static long bytesOf(Collection<Path> files) {
        long sum = 0;
        for (Path p : files) {
            try {
                sum += Files.size(p);
            } catch (IOException ex) {
                // unreadable: its reading fails at once, whichever way
            }
        }
        return sum;
    }

    /** The file parsed, or {@code null} when it cannot be read. */
    private static RulesDocument parse(String uri, Path path) {
        try {
            return RulesDocument.parse(new TextDocument(uri, 0, decode(Files.readAllBytes(path))));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
