package dev.falconer.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.condition.Operator;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Right-hand-side constants per type (spec field-catalog.md §1.4). */
class ValuesTest {

    /** type | operator | value | expected problem ("-" = accepted). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INT64 | = | 12 | -",
        "INT64 | = | -12 | -",
        "INT64 | = | abc | VALUE_NOT_INTEGER",
        "INT64 | = | 0x10 | VALUE_HEX_NOT_ALLOWED",
        "INT64 | > | 0x10 | -",
        "INT64 | <= | 0x7fffffffffffffff | -",
        "INT16 | = | 40000 | VALUE_OUT_OF_RANGE",
        "UINT32 | = | -1 | VALUE_OUT_OF_RANGE",
        "UINT64 | = | 18446744073709551615 | -",
        "UINT64 | = | 18446744073709551616 | VALUE_OUT_OF_RANGE",
        "BOOL | = | true | -",
        "BOOL | = | false | -",
        "BOOL | = | True | VALUE_NOT_BOOLEAN",
        "BOOL | = | 1 | VALUE_NOT_BOOLEAN",
        "IPADDR | = | 10.0.0.1 | -",
        "IPADDR | = | ::1 | -",
        "IPADDR | = | fe80::1:2 | -",
        "IPADDR | = | ::ffff:10.1.2.3 | VALUE_NOT_IP_ADDRESS",
        "IPV6ADDR | = | ::ffff:10.1.2.3 | -",
        "IPADDR | = | 2001:db8:0:0:0:0:0:1 | -",
        "IPADDR | = | 10.0.0.256 | VALUE_NOT_IP_ADDRESS",
        "IPADDR | = | foo | VALUE_NOT_IP_ADDRESS",
        "IPADDR | = | 1:2:3:4:5:6:7:8:9 | VALUE_NOT_IP_ADDRESS",
        "IPADDR | = | 1::2::3 | VALUE_NOT_IP_ADDRESS",
        "IPNET | = | 10.0.0.0/8 | -",
        "IPNET | = | fd00::/8 | -",
        "IPNET | = | 10.0.0.1 | VALUE_NOT_CIDR",
        "IPNET | = | 10.0.0.0/33 | VALUE_NOT_CIDR",
        "PORT | = | 443 | -",
        "PORT | = | https | -",
        "PORT | = | 70000 | VALUE_OUT_OF_RANGE",
        "PORT | = | nosuchservice | VALUE_NOT_PORT",
        "BYTEBUF | bcontains | 616263 | -",
        "BYTEBUF | bcontains | 61626 | VALUE_NOT_HEX",
        "BYTEBUF | bstartswith | zz | VALUE_NOT_HEX",
        "CHARBUF | = | anything at all | -",
        "DOUBLE | = | 1.0 | VALUE_TYPE_UNSUPPORTED",
    })
    void constants(FieldType type, String op, String value, String expected) {
        Optional<Problem> p = Values.check(OperandType.of(type, false), Operator.fromText(op).orElseThrow(), value);
        assertEquals("-".equals(expected) ? Optional.empty() : Optional.of(Problem.Kind.valueOf(expected)),
                p.map(Problem::kind), type + " " + op + " " + value);
    }

    @Test
    void eventTypeNamesAreChecked() {
        FieldCatalog catalog = FieldCatalog.defaults();
        Resolution.Resolved evtType = (Resolution.Resolved) catalog.resolve("syscall", "evt.type", null);
        assertTrue(Values.check(evtType, Operator.EQ, "open", catalog.events()).isEmpty());
        assertTrue(Values.check(evtType, Operator.IN, "container", catalog.events()).isEmpty());
        assertTrue(Values.check(evtType, Operator.EQ, "execve", catalog.events()).isEmpty());
        assertEquals(Problem.Kind.VALUE_UNKNOWN_EVENT_TYPE,
                Values.check(evtType, Operator.EQ, "opn", catalog.events()).orElseThrow().kind());
        assertEquals(Optional.of(443), Values.servicePort("https"));
    }

    /** The hand-written dotted-quad reader accepts exactly what the pattern it replaced accepted. */
    @org.junit.jupiter.api.Test
    void ipv4ReadsAsThePatternDid() {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(
                "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
        java.util.Random random = new java.util.Random(18);
        String alphabet = "0123456789.....25x-";
        int accepted = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder b = new StringBuilder();
            if (n % 2 == 0) { // near-valid: four numbers, sometimes damaged
                for (int o = 0; o < 4; o++) {
                    b.append(o == 0 ? "" : ".").append(random.nextInt(n % 6 == 0 ? 1000 : 300));
                }
                if (n % 10 == 0) {
                    b.insert(random.nextInt(b.length() + 1), alphabet.charAt(random.nextInt(alphabet.length())));
                }
            } else {
                for (int k = random.nextInt(17); k > 0; k--) {
                    b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String s = b.toString();
            boolean expected = pattern.matcher(s).matches();
            org.junit.jupiter.api.Assertions.assertEquals(expected, Values.isIpv4(s), s);
            accepted += expected ? 1 : 0;
        }
        org.junit.jupiter.api.Assertions.assertTrue(accepted > 10_000, "valid addresses tried: " + accepted);
        for (String s : java.util.List.of("0.0.0.0", "255.255.255.255", "01.2.3.4", "1.2.3.4.", "1.2.3", "", "1.2.3.4.5",
                "256.1.1.1", "1.2.3.0004", "१.2.3.4")) {
            org.junit.jupiter.api.Assertions.assertEquals(pattern.matcher(s).matches(), Values.isIpv4(s), s);
        }
    }
}
