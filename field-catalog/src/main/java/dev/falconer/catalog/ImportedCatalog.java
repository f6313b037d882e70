package dev.falconer.catalog;

import java.util.List;
import java.util.Set;

/**
 * The fields read from one user file: the JSON of {@code falco --list --format json}, or a
 * plugin's {@code get_fields} JSON wrapped with the plugin name and its sources.
 *
 * @param origin  where it came from (a file name), for messages
 * @param plugins plugins whose fields it declares (they count as loaded once merged)
 */
public record ImportedCatalog(String origin, Format format, List<ImportedField> fields, Set<String> plugins) {

    public enum Format { FALCO_LIST, PLUGIN_FIELDS }

    public ImportedCatalog {
        fields = List.copyOf(fields);
        plugins = Set.copyOf(plugins);
    }
}
