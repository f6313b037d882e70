package dev.falconer.cli;

import dev.falconer.text.TextDocument;
import dev.falconer.workspace.RulesWorkspace;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rules files the command line was given, read as {@code check} and {@code explain} both
 * need them: directories stand for their rules files in Falco's order, and a path that is
 * missing, unreadable (a FIFO, a device), not UTF-8 or a directory without rules files is a
 * one-line problem, never a hang or a quiet empty result.
 */
record RulesInput(Map<Path, String> shown, List<TextDocument> texts, String problem) {

    /** The files of {@code given}, in order, each with the name the user gave it; or the first problem. */
    static RulesInput read(List<String> given, Locale locale) {
        Map<Path, String> files = new LinkedHashMap<>();
        for (String g : given) {
            String problem = expand(g, files, locale);
            if (problem != null) {
                return failed(problem);
            }
        }
        if (files.isEmpty()) {
            // a directory without .yaml files: in CI, most likely a wrong path, which must not pass
            return failed(CliTexts.get(locale, "input.noFiles", String.join(" ", given)));
        }
        List<TextDocument> texts = new ArrayList<>();
        for (Map.Entry<Path, String> f : files.entrySet()) {
            try {
                String text = TextDocument.withoutByteOrderMark(Files.readString(f.getKey(), StandardCharsets.UTF_8));
                texts.add(new TextDocument(RulesWorkspace.uriOf(f.getKey()), 0, text));
            } catch (CharacterCodingException e) {
                return failed(CliTexts.get(locale, "input.notUtf8", f.getValue()));
            } catch (IOException e) {
                return failed(CliTexts.get(locale, "input.unreadable", f.getValue()));
            }
        }
        return new RulesInput(files, texts, null);
    }

    /** The name the user gave each file, by the URI its document has. */
    Map<String, String> shownByUri() {
        Map<String, String> out = new LinkedHashMap<>();
        shown.forEach((path, given) -> out.put(RulesWorkspace.uriOf(path), given));
        return out;
    }

    private static RulesInput failed(String problem) {
        return new RulesInput(Map.of(), List.of(), problem);
    }

    /** Adds a file, or a directory's rules files in name order; a one-line problem when the path is unusable. */
    private static String expand(String given, Map<Path, String> files, Locale locale) {
        Path p;
        try {
            p = Path.of(given);
        } catch (java.nio.file.InvalidPathException e) {
            return CliTexts.get(locale, "input.missing", given);
        }
        if (Files.isDirectory(p)) {
            try {
                RulesFiles.inDirectory(p).forEach(f -> files.putIfAbsent(f.toAbsolutePath().normalize(),
                        given.endsWith("/") ? given + f.getFileName() : given + "/" + f.getFileName()));
                return null;
            } catch (IOException e) {
                return CliTexts.get(locale, "input.unreadable", given);
            }
        }
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            return CliTexts.get(locale, Files.exists(p) ? "input.unreadable" : "input.missing", given);
        }
        files.putIfAbsent(p.toAbsolutePath().normalize(), given);
        return null;
    }
}
