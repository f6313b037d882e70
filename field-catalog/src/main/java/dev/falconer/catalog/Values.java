package dev.falconer.catalog;

import dev.falconer.condition.Operator;
import java.math.BigInteger;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a constant on the right-hand side against the left-hand side's type, as libs' value
 * parser does at compile time (spec field-catalog.md §1.4). For list operators, call once per
 * element. Strings are not checked (anything goes), except for {@code bcontains}/{@code bstartswith}.
 */
public final class Values {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]+");
    private static final Pattern HEX_BYTES = Pattern.compile("([0-9a-fA-F]{2})*");
    private static final Set<Operator> ORDERING = EnumSet.of(Operator.LT, Operator.LE, Operator.GT, Operator.GE);
    private static final String EVT_TYPE = "evt.type";

    /**
     * Service names accepted for PORT fields. libs asks the host's {@code /etc/services}; this is
     * a fixed table of common ones so the answer does not depend on the machine.
     */
    private static final Map<String, Integer> SERVICES = Map.ofEntries(
            Map.entry("ftp-data", 20), Map.entry("ftp", 21), Map.entry("ssh", 22), Map.entry("telnet", 23),
            Map.entry("smtp", 25), Map.entry("domain", 53), Map.entry("bootps", 67), Map.entry("bootpc", 68),
            Map.entry("tftp", 69), Map.entry("http", 80), Map.entry("kerberos", 88), Map.entry("pop3", 110),
            Map.entry("sunrpc", 111), Map.entry("ntp", 123), Map.entry("imap", 143), Map.entry("snmp", 161),
            Map.entry("ldap", 389), Map.entry("https", 443), Map.entry("microsoft-ds", 445),
            Map.entry("submission", 587), Map.entry("ldaps", 636), Map.entry("rsync", 873), Map.entry("imaps", 993),
            Map.entry("pop3s", 995), Map.entry("openvpn", 1194), Map.entry("ms-sql-s", 1433),
            Map.entry("nfs", 2049), Map.entry("mysql", 3306), Map.entry("postgresql", 5432),
            Map.entry("x11", 6000), Map.entry("http-alt", 8080), Map.entry("redis", 6379));

    private Values() {
    }

    /** The port number of a well-known service name from our table. */
    public static Optional<Integer> servicePort(String name) {
        return Optional.ofNullable(SERVICES.get(name));
    }

    /** Checks a value for a resolved field: the type rules plus known event names for {@code evt.type}. */
    public static Optional<Problem> check(Resolution.Resolved field, Operator op, String value, EventTables events) {
        if (field.field().plugin() == null && EVT_TYPE.equals(field.field().name()) && field.argument() == null
                && op != Operator.EXISTS && !events.isEventType(value)) {
            return Optional.of(Problem.of(Problem.Kind.VALUE_UNKNOWN_EVENT_TYPE, value));
        }
        return check(field.operandType(), op, value);
    }

    /** Checks one constant against a left-hand side type. */
    public static Optional<Problem> check(OperandType lhs, Operator op, String value) {
        if (op == Operator.EXISTS) {
            return Optional.empty();
        }
        FieldType type = lhs.type();
        if (op == Operator.BCONTAINS || op == Operator.BSTARTSWITH) {
            return HEX_BYTES.matcher(value).matches() ? Optional.empty()
                    : Optional.of(Problem.of(Problem.Kind.VALUE_NOT_HEX, value, op.text()));
        }
        return switch (type) {
            case INT8 -> integer(value, op, type, 8, true);
            case INT16 -> integer(value, op, type, 16, true);
            case INT32 -> integer(value, op, type, 32, true);
            case INT64, ERRNO, FD, PID -> integer(value, op, type, 64, true);
            case UINT8, FLAGS8, ENUMFLAGS8, SIGTYPE -> integer(value, op, type, 8, false);
            case UINT16, FLAGS16, ENUMFLAGS16, SYSCALLID -> integer(value, op, type, 16, false);
            case UINT32, FLAGS32, ENUMFLAGS32, MODE -> integer(value, op, type, 32, false);
            case UINT64, RELTIME, ABSTIME -> integer(value, op, type, 64, false);
            case PORT -> port(value, op);
            case BOOL -> "true".equals(value) || "false".equals(value) ? Optional.empty()
                    : Optional.of(Problem.of(Problem.Kind.VALUE_NOT_BOOLEAN, value));
            case IPV4ADDR -> isIpv4(value) ? Optional.empty() : notIp(value);
            case IPV6ADDR -> isIpv6(value) ? Optional.empty() : notIp(value);
            // libs picks IPv4 when the text has a dot, IPv6 otherwise.
            case IPADDR -> (value.indexOf('.') >= 0 ? isIpv4(value) : isIpv6(value)) ? Optional.empty() : notIp(value);
            case IPV4NET, IPV6NET, IPNET -> isCidr(value, type) ? Optional.empty()
                    : Optional.of(Problem.of(Problem.Kind.VALUE_NOT_CIDR, value));
            case CHARBUF, FSPATH, FSRELPATH, BYTEBUF -> Optional.empty();
            // libs' value parser has no case for these: any constant is an error.
            default -> Optional.of(Problem.of(Problem.Kind.VALUE_TYPE_UNSUPPORTED, type));
        };
    }

    private static Optional<Problem> integer(String value, Operator op, FieldType type, int bits, boolean signed) {
        BigInteger n;
        if (HEX.matcher(value).matches()) {
            if (!ORDERING.contains(op)) {
                return Optional.of(Problem.of(Problem.Kind.VALUE_HEX_NOT_ALLOWED, value, op.text()));
            }
            n = new BigInteger(value.substring(2), 16);
        } else if (DECIMAL.matcher(value).matches()) {
            n = new BigInteger(value.startsWith("+") ? value.substring(1) : value);
        } else {
            return Optional.of(Problem.of(Problem.Kind.VALUE_NOT_INTEGER, value, type));
        }
        BigInteger min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
        BigInteger max = signed ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
            return Optional.of(Problem.of(Problem.Kind.VALUE_OUT_OF_RANGE, value, type, min, max));
        }
        return Optional.empty();
    }

    private static Optional<Problem> port(String value, Operator op) {
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
            return integer(value, op, FieldType.PORT, 16, false);
        }
        if (HEX.matcher(value).matches()) {
            return integer(value, op, FieldType.PORT, 16, false);
        }
        return SERVICES.containsKey(value) ? Optional.empty()
                : Optional.of(Problem.of(Problem.Kind.VALUE_NOT_PORT, value));
    }

    private static Optional<Problem> notIp(String value) {
        return Optional.of(Problem.of(Problem.Kind.VALUE_NOT_IP_ADDRESS, value));
    }

    /**
     * Dotted quad: four numbers 0-255 without leading zeros. Read by hand, not with a pattern of
     * alternatives: a threat feed of 100,000 addresses in a list took a third of each edit's check.
     */
    public static boolean isIpv4(String s) {
        int octets = 0;
        int i = 0;
        int n = s.length();
        while (i < n) {
            int start = i;
            int value = 0;
            while (i < n && i - start < 4 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 3 || value > 255 || digits > 1 && s.charAt(start) == '0') {
                return false;
            }
            octets++;
            if (i == n) {
                return octets == 4;
            }
            if (s.charAt(i) != '.' || octets == 4) {
                return false;
            }
            i++;
        }
        return false; // empty, or ends with a dot
    }

    /** RFC 4291 text forms: eight groups, {@code ::} compression once, optional dotted IPv4 tail. */
    public static boolean isIpv6(String s) {
        if (s.isEmpty() || s.indexOf(':') < 0) {
            return false;
        }
        int groupsNeeded = 8;
        String body = s;
        int lastColon = s.lastIndexOf(':');
        String tail = s.substring(lastColon + 1);
        if (tail.indexOf('.') >= 0) {
            if (!isIpv4(tail)) {
                return false;
            }
            // The IPv4 tail fills two groups; one placeholder group stands in for it.
            body = s.substring(0, lastColon + 1) + "0";
            groupsNeeded = 7;
        }
        int compress = body.indexOf("::");
        if (compress >= 0 && body.indexOf("::", compress + 1) >= 0) {
            return false;
        }
        if (compress >= 0) {
            String left = body.substring(0, compress);
            String right = body.substring(compress + 2);
            String[] l = left.isEmpty() ? new String[0] : left.split(":", -1);
            String[] r = right.isEmpty() ? new String[0] : right.split(":", -1);
            if (!allGroups(l) || !allGroups(r)) {
                return false;
            }
            return l.length + r.length < groupsNeeded;
        }
        String[] parts = body.split(":", -1);
        return allGroups(parts) && parts.length == groupsNeeded;
    }

    private static boolean allGroups(String[] groups) {
        for (String g : groups) {
            if (g.isEmpty() || g.length() > 4 || !g.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCidr(String value, FieldType type) {
        int slash = value.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String address = value.substring(0, slash);
        String bits = value.substring(slash + 1);
        if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int prefix = Integer.parseInt(bits);
        boolean v4 = type == FieldType.IPV4NET || (type == FieldType.IPNET && address.indexOf('.') >= 0);
        return v4 ? isIpv4(address) && prefix <= 32 : isIpv6(address) && prefix <= 128;
    }
}
