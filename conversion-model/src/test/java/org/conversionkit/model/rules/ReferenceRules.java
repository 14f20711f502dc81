package org.conversionkit.model.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conversionkit.model.IsoDateTime;

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
    // §7: "begins with a host name holding a dot": a run of host-name characters up to / ? # : or the end.
    private static final Pattern HOST_RUN = Pattern.compile("[\\p{L}\\p{Nd}][\\p{L}\\p{Nd}\\p{Mn}\\p{Mc}_.-]*(?=[/?#:]|\\z)");

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
    // A label: letters, digits, marks, '_' and '-', not beginning or ending with '-'.
    private static final String LABEL = "(?!-)[\\p{L}\\p{Nd}\\p{Mn}\\p{Mc}_-]+(?<!-)";
    private static final Pattern REG_NAME = Pattern.compile("(?:" + LABEL + "\\.)*" + LABEL + "\\.?");
    private static final Pattern ALL_DIGITS = Pattern.compile("[0-9]+");
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

    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})"
            + "(?:T(\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?(Z|([+-])(\\d{2})(?::?(\\d{2}))?)?)?");

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
        if (host.lookingAt() && host.group().contains(".")) {
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
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String[] labels = name.split("\\.");
        for (String label : labels) {
            if (label.length() > 63) {
                return false;
            }
        }
        // A name whose last label is a number is an IPv4 address, or nothing (as in browsers).
        return !ALL_DIGITS.matcher(labels[labels.length - 1]).matches() || IPV4_ADDRESS.matcher(name).matches();
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

    /** Returns a code, or the parsed value's {@code toString()}. */
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
            return new IsoDateTime(date, null, null).toString();
        }
        int hour = Integer.parseInt(m.group(2));
        int minute = Integer.parseInt(m.group(3));
        int second = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        int nanos = m.group(5) == null ? 0 : Integer.parseInt((m.group(5) + "00000000").substring(0, 9));
        ZoneOffset offset = null;
        if ("Z".equals(m.group(6))) {
            offset = ZoneOffset.UTC;
        } else if (m.group(6) != null) {
            int hours = Integer.parseInt(m.group(8));
            int minutes = m.group(9) == null ? 0 : Integer.parseInt(m.group(9));
            if (minutes > 59 || hours * 60 + minutes > 18 * 60) {
                return "DATE_INVALID";
            }
            int seconds = (hours * 3600 + minutes * 60) * (m.group(7).equals("-") ? -1 : 1);
            offset = ZoneOffset.ofTotalSeconds(seconds);
        }
        try {
            return new IsoDateTime(date, LocalTime.of(hour, minute, second, nanos), offset).toString();
        } catch (DateTimeException e) {
            return "DATE_INVALID";
        }
    }
}
