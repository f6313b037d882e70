package dev.falconer.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A threat feed kept as a Falco list, as security teams generate them: {@code iocs_rules.yaml}
 * with one list of N IPv4 addresses, and {@code zz_feed_rule.yaml} with a rule testing
 * {@code fd.sip} against it (the {@code outbound} macro comes from {@code falco_rules.yaml}).
 */
final class ThreatFeed {
    static final String FEED = "iocs_rules.yaml";
    static final String RULES = "zz_feed_rule.yaml";
    static final String RULE = "- rule: Contact with a known bad address\n"
            + "  desc: an outbound connection to an address of the threat feed\n"
            + "  condition: outbound and fd.sip in (malicious_ips)\n"
            + "  output: \"Connection to a listed address (command=%proc.cmdline address=%fd.sip)\"\n"
            + "  priority: WARNING\n";
    /** Where the keystrokes go: before the field, so that the list moves with each one. */
    static final String TYPED_AT = "fd.sip in";

    private ThreatFeed() {
    }

    /** Writes both files into {@code dir} (created when missing); returns {@code dir}. */
    static Path write(Path dir, int items) {
        StringBuilder feed = new StringBuilder("- list: malicious_ips\n  items: [");
        for (int i = 0; i < items; i++) {
            feed.append(i == 0 ? "" : ", ").append(10 + i / 65536 % 200).append('.').append(i / 256 % 256)
                    .append('.').append(i % 256).append(".7");
        }
        feed.append("]\n");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(FEED), feed);
            Files.writeString(dir.resolve(RULES), RULE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
