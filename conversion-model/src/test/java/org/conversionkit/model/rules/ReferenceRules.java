package org.conversionkit.model.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A straightforward reference implementation of the URL, date, number and date-time rules,
 * written from DESIGN §7 (and the rules' documented host and character sets) with regular
 * expressions and java.time, for differential tests against the fast, hand-written rules.
 *
 * <p>Each method returns {@code "VALID"} or the name of the violation code. Clarity over speed:
 * nothing here is shared with the code under test.
 */
final class ReferenceRules {

    // §7: a scheme is letter (letter | digit | + | - | .)* ":" ...
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):");
    // ... unless what follows the colon is a port: digits, then '/', '?' or the end.
    private static final Pattern PORT_AFTER_COLON = Pattern.compile("[0-9]+(?:[/?].*)?", Pattern.DOTALL);
    // The label separators: the full stop and the three that UTS #46 maps to it.
    private static final String SEPARATOR = "[.\u3002\uFF0E\uFF61]";
    // §7: "begins with a host name holding a dot": a run of host-name characters up to / ? # : or the end.
    private static final Pattern HOST_RUN = Pattern.compile(
            "[\\p{L}\\p{Nd}][\\p{L}\\p{Nd}\\p{Mn}\\p{Mc}_.\u3002\uFF0E\uFF61-]*(?=[/?#:]|\\z)");
    private static final Pattern HAS_SEPARATOR = Pattern.compile(SEPARATOR);
    // A file name rather than a host: the documented web file extensions as the last label, then / ? # or
    // the end (not a port).
    private static final Pattern FILE_NAME = Pattern.compile(
            "[^/?#:]*\\.(?i:html?|xhtml|shtml|php|aspx?|jspx?|cfm|cgi|txt|xml|json|rss|pdf|png|jpe?g|gif|svg|webp"
                    + "|avif|ico|bmp|tiff?|css)(?:[/?#].*)?", Pattern.DOTALL);

    private static final String HEX = "[0-9A-Fa-f]";
    private static final String DEC_OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9][0-9]|[0-9])";
    private static final String IPV4 = "(?:" + DEC_OCTET + "\\.){3}" + DEC_OCTET;
    private static final String H16 = HEX + "{1,4}";
    private static final String LS32 = "(?:" + H16 + ":" + H16 + "|" + IPV4 + ")";
    // RFC 3986 section 3.2.2, IPv6address, alternative by alternative.
    private static final String IPV6 = "(?:"
            + "(?:" + H16 + ":){6}" + LS32
            + "|::(?:" + H16 + ":){5}" + LS32
            + "|(?:" + H16 + ")?::(?:" + H16 + ":){4}" + LS32
            + "|(?:(?:" + H16 + ":){0,1}" + H16 + ")?::(?:" + H16 + ":){3}" + LS32
            + "|(?:(?:" + H16 + ":){0,2}" + H16 + ")?::(?:" + H16 + ":){2}" + LS32
            + "|(?:(?:" + H16 + ":){0,3}" + H16 + ")?::" + H16 + ":" + LS32
            + "|(?:(?:" + H16 + ":){0,4}" + H16 + ")?::" + LS32
            + "|(?:(?:" + H16 + ":){0,5}" + H16 + ")?::" + H16
            + "|(?:(?:" + H16 + ":){0,6}" + H16 + ")?::"
            + ")";
    private static final Pattern IP_LITERAL_AND_PORT = Pattern.compile("\\[" + IPV6 + "\\](?::([0-9]*))?");
    private static final Pattern IPV4_ADDRESS = Pattern.compile(IPV4);
    // What UTS #46 ignores among letters and marks: a host holding one is not the host requested.
    private static final String IGNORED = "\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u3164\uFE00-\uFE0F\uFFA0"
            + "\\x{E0100}-\\x{E01EF}";
    private static final String HOST_CHAR = "[\\p{L}\\p{Nd}\\p{Mn}\\p{Mc}_\\-&&[^" + IGNORED + "]]";
    // What no label may begin with: '-', a combining mark, or what UTS #46 maps to one.
    private static final String NO_LABEL_START = "[-\\p{M}\u0E33\u0EB3\uFF9E\uFF9F]";
    // A label: letters, digits, marks, '_' and '-', not beginning or ending with '-'.
    private static final String LABEL = "(?!" + NO_LABEL_START + ")" + HOST_CHAR + "+(?<!-)";
    private static final Pattern REG_NAME = Pattern.compile("(?:" + LABEL + SEPARATOR + ")*" + LABEL + SEPARATOR + "?");
    // WHATWG's "ends in a number": decimal digits, or 0x and hex digits (none included).
    private static final Pattern NUMBER = Pattern.compile("[0-9]+|0x[0-9a-f]*");
    private static final Pattern PUNYCODE = Pattern.compile("(?i)xn--.*");
    // A decoded label may begin with '-': browsers do not check hyphens (CheckHyphens is off).
    private static final Pattern DECODED_LABEL = Pattern.compile("(?![\\p{M}\u0E33\u0EB3\uFF9E\uFF9F])" + HOST_CHAR + "+");
    private static final Pattern CAPITAL = Pattern.compile("[\\p{Lu}\\p{Lt}]");
    // Path, query and fragment: printable ASCII but space " < > \ ` and a bare %, or any other
    // character but white space, controls, format characters and lone surrogates; one '#' at most.
    private static final String VISIBLE_NON_ASCII = "[^\\x00-\\x7F\\p{Z}\\p{Cc}\\p{Cf}\\p{Cs}]";
    private static final Pattern USER_INFO = Pattern.compile("(?:[A-Za-z0-9._~!$&'()*+,;=:-]|%" + HEX + "{2}|"
            + VISIBLE_NON_ASCII + ")*");
    private static final Pattern PORT = Pattern.compile("0*([0-9]{1,5})");
    private static final String REST_CHAR = "(?:[A-Za-z0-9!$&'()*+,\\-./:;=?@\\[\\]_~{|}^]|%" + HEX + "{2}"
            + "|" + VISIBLE_NON_ASCII + ")";
    private static final Pattern REST = Pattern.compile("(?:[/?]" + REST_CHAR + "*)?(?:#" + REST_CHAR + "*)?");

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(?:\\.\\d+)?");
    private static final Pattern JSON_NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE]([+-]?\\d+))?");
    private static final BigInteger MAX_EXPONENT = BigInteger.valueOf(999_999_999);

    // The CRM contract's date-times: RFC 3339 section 5.6 (T and Z in either case, any number of fraction digits,
    // offsets +HH:MM), plus a date alone, a date-time without an offset, and the SQL form's space for the T.
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})"
            + "(?:([Tt ])(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?([Zz]|([+-])(\\d{2}):(\\d{2}))?)?");

    private ReferenceRules() {
    }

    static String url(String value) {
        if (value == null || value.isBlank()) {
            return "FIELD_MISSING";
        }
        if (value.startsWith("/") && !value.startsWith("//")) {
            return "URL_RELATIVE";
        }
        Matcher scheme = SCHEME.matcher(value);
        if (scheme.lookingAt() && !PORT_AFTER_COLON.matcher(value.substring(scheme.end())).matches()) {
            String name = scheme.group(1);
            if (!name.equalsIgnoreCase("http") && !name.equalsIgnoreCase("https")) {
                return "URL_SCHEME";
            }
            String rest = value.substring(scheme.end());
            return rest.startsWith("//") && authorityAndRest(rest.substring(2), true) ? "VALID" : "URL_INVALID";
        }
        String rest = value.startsWith("//") ? value.substring(2) : value;
        Matcher host = HOST_RUN.matcher(rest);
        if (host.lookingAt() && HAS_SEPARATOR.matcher(host.group()).find()) {
            if (!value.startsWith("//") && FILE_NAME.matcher(value).matches()) {
                return "URL_RELATIVE";
            }
            return authorityAndRest(rest, false) ? "URL_NO_SCHEME" : "URL_INVALID";
        }
        return "URL_INVALID";
    }

    private static boolean authorityAndRest(String text, boolean userInfoAllowed) {
        int end = 0;
        while (end < text.length() && "/?#".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        String authority = text.substring(0, end);
        int at = authority.indexOf('@');
        if (at >= 0) {
            if (!userInfoAllowed || authority.indexOf('@', at + 1) >= 0
                    || !USER_INFO.matcher(authority.substring(0, at)).matches()) {
                return false;
            }
            authority = authority.substring(at + 1);
        }
        String port;
        if (authority.startsWith("[")) {
            Matcher literal = IP_LITERAL_AND_PORT.matcher(authority);
            if (!literal.matches()) {
                return false;
            }
            port = literal.group(1);
        } else {
            int colon = authority.indexOf(':');
            String host = colon < 0 ? authority : authority.substring(0, colon);
            port = colon < 0 ? null : authority.substring(colon + 1);
            if (!isRegName(host)) {
                return false;
            }
        }
        if (port != null) {
            Matcher number = PORT.matcher(port);
            if (!number.matches() || Integer.parseInt(number.group(1)) < 1 || Integer.parseInt(number.group(1)) > 65535) {
                return false;
            }
        }
        return REST.matcher(text.substring(end)).matches();
    }

    private static boolean isRegName(String host) {
        if (host.isEmpty() || host.length() > 253 || !REG_NAME.matcher(host).matches()) {
            return false;
        }
        String[] labels = host.split(SEPARATOR);
        for (String label : labels) {
            if (label.length() > 63) {
                return false;
            }
        }
        if (!isInternationalNameValid(labels)) {
            return false;
        }
        // A name whose last label is a number, as a browser maps it, is an IPv4 address or nothing.
        String mapped = Normalizer.normalize(host, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('\u3002', '.');
        String name = mapped.endsWith(".") ? mapped.substring(0, mapped.length() - 1) : mapped;
        String last = name.substring(name.lastIndexOf('.') + 1);
        return !NUMBER.matcher(last).matches() || IPV4_ADDRESS.matcher(name).matches();
    }

    /** UTS #46 on the labels, as the WHATWG host parser runs it: punycode, validity, the Bidi Rule. */
    private static boolean isInternationalNameValid(String[] labels) {
        List<String> unicode = new ArrayList<>();
        for (String label : labels) {
            if (PUNYCODE.matcher(label).matches()) {
                String decoded = punycode(label.substring(4).toLowerCase(Locale.ROOT));
                if (decoded == null || decoded.chars().allMatch(c -> c < 0x80) || decoded.startsWith("xn--")
                        || !DECODED_LABEL.matcher(decoded).matches() || CAPITAL.matcher(decoded).find()
                        || !Normalizer.isNormalized(decoded, Normalizer.Form.NFKC)) {
                    return false;
                }
                unicode.add(decoded);
            } else {
                if (Normalizer.normalize(label, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).startsWith("xn--")) {
                    return false;
                }
                unicode.add(label);
            }
        }
        // RFC 5893: when any label is right-to-left, every label keeps the six conditions.
        List<String> classes = unicode.stream().map(ReferenceRules::bidiClasses).toList();
        return classes.stream().noneMatch(c -> c.matches(".*[RAN].*")) || classes.stream().allMatch(
                c -> c.matches("L[LEsctobm]*") && c.matches(".*[LE]m*")
                        || c.matches("[RA][RANEsctobm]*") && c.matches(".*[RAEN]m*")
                        && !(c.contains("E") && c.contains("N")));
    }

    /** The bidirectional classes of a label, one letter a code point. */
    private static String bidiClasses(String label) {
        StringBuilder classes = new StringBuilder();
        label.codePoints().forEach(cp -> classes.append(switch (Character.getDirectionality(cp)) {
            case Character.DIRECTIONALITY_LEFT_TO_RIGHT -> 'L';
            case Character.DIRECTIONALITY_RIGHT_TO_LEFT -> 'R';
            case Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC -> 'A';
            case Character.DIRECTIONALITY_ARABIC_NUMBER -> 'N';
            case Character.DIRECTIONALITY_EUROPEAN_NUMBER -> 'E';
            case Character.DIRECTIONALITY_EUROPEAN_NUMBER_SEPARATOR -> 's';
            case Character.DIRECTIONALITY_COMMON_NUMBER_SEPARATOR -> 'c';
            case Character.DIRECTIONALITY_EUROPEAN_NUMBER_TERMINATOR -> 't';
            case Character.DIRECTIONALITY_OTHER_NEUTRALS -> 'o';
            case Character.DIRECTIONALITY_BOUNDARY_NEUTRAL -> 'b';
            case Character.DIRECTIONALITY_NONSPACING_MARK -> 'm';
            default -> 'x';
        }));
        return classes.toString();
    }

    /**
     * RFC 3492's decoder, as its section 6.2 writes it, in 64-bit arithmetic with the 32-bit overflow test
     * made explicit; {@code null} when the text is not punycode.
     */
    private static String punycode(String text) {
        int delimiter = text.lastIndexOf('-');
        List<Integer> output = new ArrayList<>();
        for (int j = 0; j < Math.max(delimiter, 0); j++) {
            output.add((int) text.charAt(j));
        }
        if (output.stream().anyMatch(c -> c >= 0x80)) {
            return null;
        }
        long n = 128;
        long i = 0;
        long bias = 72;
        int in = delimiter > 0 ? delimiter + 1 : 0;
        while (in < text.length()) {
            long oldI = i;
            long w = 1;
            for (long k = 36; ; k += 36) {
                if (in >= text.length()) {
                    return null;
                }
                int digit = "abcdefghijklmnopqrstuvwxyz0123456789".indexOf(text.charAt(in++));
                if (digit < 0) {
                    return null;
                }
                i += digit * w;
                long t = Math.max(1, Math.min(26, k - bias));
                if (i > Integer.MAX_VALUE) {
                    return null;
                }
                if (digit < t) {
                    break;
                }
                w *= 36 - t;
                if (w > Integer.MAX_VALUE) {
                    return null;
                }
            }
            long points = output.size() + 1;
            long delta = oldI == 0 ? (i - oldI) / 700 : (i - oldI) / 2;
            delta += delta / points;
            long k = 0;
            while (delta > 455) {
                delta /= 35;
                k += 36;
            }
            bias = k + 36 * delta / (delta + 38);
            n += i / points;
            i %= points;
            if (n > Character.MAX_CODE_POINT || Character.isSurrogate((char) n) && n <= 0xFFFF
                    || output.size() >= 63) {
                return null;
            }
            output.add((int) i++, (int) n);
        }
        StringBuilder decoded = new StringBuilder();
        output.forEach(decoded::appendCodePoint);
        return decoded.toString();
    }

    static String date(String value) {
        if (value == null || value.isBlank()) {
            return "FIELD_MISSING";
        }
        if (!DATE.matcher(value).matches()) {
            return "DATE_FORMAT";
        }
        try {
            LocalDate.parse(value);
            return "VALID";
        } catch (DateTimeException e) {
            return "DATE_INVALID";
        }
    }

    static String integer(String value) {
        if (!INTEGER.matcher(value).matches()) {
            return "FIELD_TYPE";
        }
        BigInteger number = new BigInteger(value);
        return number.bitLength() < 64 ? "VALID" : "FIELD_TYPE";
    }

    static String decimal(String value) {
        if (!DECIMAL.matcher(value).matches()) {
            return "FIELD_TYPE";
        }
        return inDoubleRange(new BigDecimal(value)) ? "VALID" : "FIELD_TYPE";
    }

    static String jsonNumber(String value) {
        Matcher number = JSON_NUMBER.matcher(value);
        if (!number.matches()) {
            return "FIELD_TYPE";
        }
        if (number.group(1) != null && new BigInteger(number.group(1)).abs().compareTo(MAX_EXPONENT) > 0) {
            return "FIELD_TYPE";
        }
        return inDoubleRange(new BigDecimal(value)) ? "VALID" : "FIELD_TYPE";
    }

    static boolean isNegative(String validNumber) {
        return new BigDecimal(validNumber).signum() < 0;
    }

    private static boolean inDoubleRange(BigDecimal value) {
        double d = value.doubleValue();
        return !Double.isInfinite(d) && (d != 0 || value.signum() == 0);
    }

    /**
     * Returns a code; or the value's RFC 3339 form (T and Z in capitals, seconds always, the fraction's digits but
     * trailing zeros, Z for a zero offset); or, for the SQL form, {@code DATE_TIME_SEPARATOR}, a space and that form.
     */
    static String isoDateTime(String value) {
        if (value == null || value.isBlank()) {
            return "FIELD_MISSING";
        }
        Matcher m = DATE_TIME.matcher(value);
        if (!m.matches()) {
            return "DATE_FORMAT";
        }
        LocalDate date;
        try {
            date = LocalDate.parse(m.group(1));
        } catch (DateTimeException e) {
            return "DATE_INVALID";
        }
        if (m.group(2) == null) {
            return date.toString();
        }
        int hour = Integer.parseInt(m.group(3));
        int minute = Integer.parseInt(m.group(4));
        int second = Integer.parseInt(m.group(5));
        int offsetSeconds = 0;
        if (m.group(8) != null) {
            int hours = Integer.parseInt(m.group(9));
            int minutes = Integer.parseInt(m.group(10));
            if (minutes > 59 || hours * 60 + minutes > 18 * 60) {
                return "DATE_INVALID";
            }
            offsetSeconds = (hours * 3600 + minutes * 60) * (m.group(8).equals("-") ? -1 : 1);
        }
        if (hour > 23 || minute > 59 || second > 60) {
            return "DATE_INVALID";
        }
        if (second == 60) {
            // RFC 3339 section 5.7: a leap second is 23:59:60 UTC on a month's last day.
            LocalDateTime utc = date.atTime(hour, minute, 59).minusSeconds(offsetSeconds);
            if (utc.getHour() != 23 || utc.getMinute() != 59
                    || utc.getDayOfMonth() != utc.toLocalDate().lengthOfMonth()) {
                return "DATE_INVALID";
            }
        }
        String fraction = m.group(6) == null ? "" : m.group(6).replaceAll("0+$", "");
        String form = String.format(Locale.ROOT, "%sT%02d:%02d:%02d%s%s", date, hour, minute, second,
                fraction.isEmpty() ? "" : "." + fraction,
                m.group(7) == null ? "" : offsetSeconds == 0 ? "Z" : ZoneOffset.ofTotalSeconds(offsetSeconds).getId());
        return m.group(2).equals(" ") ? "DATE_TIME_SEPARATOR " + form : form;
    }
}
