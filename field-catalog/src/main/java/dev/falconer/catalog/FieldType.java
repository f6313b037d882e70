package dev.falconer.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * Falco's value types, spelled as {@code falco --list} prints them. {@link #group()} is what the
 * operator and transformer rules look at.
 */
public enum FieldType {
    INT8(Group.NUMERIC), INT16(Group.NUMERIC), INT32(Group.NUMERIC), INT64(Group.NUMERIC),
    UINT8(Group.NUMERIC), UINT16(Group.NUMERIC), UINT32(Group.NUMERIC), UINT64(Group.NUMERIC),
    CHARBUF(Group.STRING), BYTEBUF(Group.BUFFER), ERRNO(Group.NUMERIC), SOCKADDR(Group.OTHER),
    SOCKTUPLE(Group.OTHER), FD(Group.NUMERIC), PID(Group.NUMERIC), FDLIST(Group.OTHER),
    FSPATH(Group.STRING), SYSCALLID(Group.NUMERIC), SIGTYPE(Group.NUMERIC), RELTIME(Group.NUMERIC),
    ABSTIME(Group.NUMERIC), PORT(Group.NUMERIC), L4PROTO(Group.OTHER), SOCKFAMILY(Group.OTHER),
    BOOL(Group.BOOL), IPV4ADDR(Group.IP), IPV6ADDR(Group.IP), IPADDR(Group.IP), IPV4NET(Group.IP),
    IPV6NET(Group.IP), IPNET(Group.IP), DYNAMIC(Group.OTHER), FLAGS8(Group.NUMERIC),
    FLAGS16(Group.NUMERIC), FLAGS32(Group.NUMERIC), ENUMFLAGS8(Group.NUMERIC),
    ENUMFLAGS16(Group.NUMERIC), ENUMFLAGS32(Group.NUMERIC), MODE(Group.NUMERIC), UID(Group.OTHER),
    GID(Group.OTHER), SIGSET(Group.OTHER), DOUBLE(Group.NUMERIC), FSRELPATH(Group.STRING);

    /** The type families of libs' operator compatibility table. */
    public enum Group { NUMERIC, BOOL, STRING, BUFFER, IP, OTHER }

    private final Group group;

    FieldType(Group group) {
        this.group = group;
    }

    public Group group() {
        return group;
    }

    public boolean isNetwork() {
        return this == IPV4NET || this == IPV6NET || this == IPNET;
    }

    /** Element types a list field may have; lists of any other type reject everything but {@code exists}. */
    public boolean isListElementType() {
        return this == CHARBUF || this == UINT64 || this == RELTIME || this == ABSTIME || this == BOOL
                || this == IPADDR || this == IPNET;
    }

    /** Parses the upper-case name Falco prints ({@code CHARBUF}); empty when unknown. */
    public static Optional<FieldType> fromFalcoName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Maps the plugin API's lower-case type ({@code string}, {@code uint64}, {@code reltime},
     * {@code abstime}, {@code bool}, {@code ipaddr}, {@code ipnet}); empty for anything else.
     */
    public static Optional<FieldType> fromPluginType(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "string" -> Optional.of(CHARBUF);
            case "uint64" -> Optional.of(UINT64);
            case "reltime" -> Optional.of(RELTIME);
            case "abstime" -> Optional.of(ABSTIME);
            case "bool" -> Optional.of(BOOL);
            case "ipaddr" -> Optional.of(IPADDR);
            case "ipnet" -> Optional.of(IPNET);
            default -> Optional.empty();
        };
    }
}
