package org.conversionkit.model.rules;

import static org.conversionkit.model.internal.Ascii.isAsciiLetter;
import static org.conversionkit.model.internal.Ascii.isDigit;
import static org.conversionkit.model.internal.Ascii.isHexDigit;
import static org.conversionkit.model.internal.Ascii.isSchemeChar;

import java.util.Locale;
import java.util.Set;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.internal.HostName;
import org.conversionkit.model.internal.PlainUrl;
import org.jspecify.annotations.Nullable;

/**
 * The URL rule of conversion rows: a page URL must be absolute, http or https, with a host.
 *
 * <p>Checked in this order: absent or blank is {@code FIELD_MISSING}; a path ({@code /...} but not
 * {@code //...}) is {@code URL_RELATIVE}; a scheme other than http/https is {@code URL_SCHEME}
 * (a colon followed by a port, as in {@code domain.tld:8080/p}, is not a scheme); an http(s) URL
 * without {@code //} and a host, or with characters a URL cannot hold, is {@code URL_INVALID}; a
 * value with no scheme whose first segment is a file name is {@code URL_RELATIVE} too: a dotted name
 * whose last label is a web file extension ({@code index.html}, {@code page.php?id=3}, {@code test.txt};
 * the extensions, in any case: html, htm, xhtml, shtml, php, asp, aspx, jsp, jspx, cfm, cgi, txt, xml,
 * json, rss, pdf, png, jpg, jpeg, gif, svg, webp, avif, ico, bmp, tif, tiff, css); a value with no
 * scheme that begins with any other dotted host name, optionally after {@code //}
 * ({@code domain.tld/path/to/my/page}, {@code www.example.com/p}, {@code //cdn.example.com/p},
 * {@code example.com:8080/p}, {@code 192.0.2.1/p}), is {@code URL_NO_SCHEME} (a warning: the project's
 * protocol is assumed) when the rest would be valid after {@code https://} and holds no user information,
 * else {@code URL_INVALID}; anything else is {@code URL_INVALID}. Messages quote the value shortened to
 * 200 characters.
 *
 * <p>What a valid URL holds: after {@code //}, optional user information with at most one {@code @}; a
 * host; an optional port from 1 to 65535, leading zeros allowed ({@code :00080} is 80); then a path, query
 * and fragment without white space, control or invisible formatting characters, {@code " < > \ `}, a
 * second {@code #}, or a {@code %} that does not start a {@code %XX} escape. Other non-ASCII characters
 * are allowed in user information, path, query and fragment, as in IRIs.
 *
 * <p>The host is an IPv6 address in brackets, as RFC 3986 writes it, or a name that keeps the DNS rules:
 * at most 253 characters; labels of 1 to 63 characters (no empty label, but one trailing dot is allowed)
 * that neither begin nor end with {@code -}. Labels are separated by {@code .} or by the ideographic,
 * full-width and half-width full stops U+3002, U+FF0E and U+FF61, which browsers read as dots; they hold
 * ASCII letters, digits, {@code -} and {@code _} and, past ASCII, letters, digits and combining marks of
 * any script, but no label begins with a combining mark, and the letters and marks browsers drop from a
 * host (Hangul fillers such as U+3164, variation selectors) are refused. A name whose last label is a
 * number as browsers read it (decimal digits, or {@code 0x} and hex digits: {@code foo.0x4},
 * {@code 0x100000000}; full-width digits are digits) must be an IPv4 address in dotted-decimal form, four
 * numbers from 0 to 255 without leading zeros. Internationalized names are checked as the WHATWG URL
 * Standard's host parser checks them with UTS #46: an {@code xn--} label must be valid punycode (RFC 3492)
 * that decodes to a label UTS #46 accepts as it stands (not ASCII alone, in NFKC, in lower case, of the
 * characters above, not beginning with a combining mark), and a name that holds a right-to-left label
 * must keep the Bidi Rule of RFC 5893. UTS #46's mapping table itself is not carried: NFKC and Java's
 * case properties stand in for it, which differ on a handful of characters (Cherokee small letters, which
 * it maps to capitals), and the Bidi Rule is applied to labels as written.
 *
 * <p>Held to the WHATWG URL Standard's conformance data ({@code urltestdata.json}): no value that a
 * browser refuses, or does not read as an absolute http(s) URL with a host, is valid here. The rule is
 * stricter on purpose where a browser repairs a value, reads it as something few would expect, or reaches
 * a host that cannot exist in DNS: white space, tabs, line breaks and controls anywhere, a backslash, a
 * missing {@code //}, characters that must be percent-encoded, more than one {@code @}, port 0 or an empty
 * port, a host with {@code %} escapes, invisible characters, empty or over-long labels, a {@code -} at a
 * label's edge, and IPv4 addresses other than four dotted decimals ({@code 127.1}, {@code 0x7f.0.0.1}).
 *
 * <p>The check is a single pass over the characters: no regular expression, no
 * {@link java.net.URI}, no allocation for a good URL whose host is in ASCII without an {@code xn--}
 * label. A URL is never fetched or resolved.
 */
public final class UrlRule {

    private static final int MAX_HOST_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;
    private static final int MAX_PORT = 65535;
    /**
     * The last labels that make a value without a scheme a file name, a relative URL, rather than a host name
     * ({@code index.html}, {@code page.php?id=3}): pages, text and data, images and style sheets. None is
     * a top-level domain; {@code zip} and {@code mov}, which are, and two-letter ones, which may become
     * country codes, are left out.
     */
    static final Set<String> WEB_FILE_EXTENSIONS = Set.of(
            "html", "htm", "xhtml", "shtml", "php", "asp", "aspx", "jsp", "jspx", "cfm", "cgi",
            "txt", "xml", "json", "rss", "pdf",
            "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "ico", "bmp", "tif", "tiff",
            "css");

    private UrlRule() {
    }

    /**
     * Checks a page URL.
     *
     * @param url the URL as written, or {@code null} when absent
     * @return {@code null} when the URL is a valid absolute http(s) URL, else the problem
     */
    public static @Nullable Problem check(@Nullable String url) {
        if (url != null && isPlainHttpUrl(url)) {
            return null;
        }
        return checkThoroughly(url);
    }

    /**
     * The whole rule, every branch, without the fast path of {@link #isPlainHttpUrl(String)}.
     *
     * @param url the URL as written, or {@code null} when absent
     * @return {@code null} when the URL is valid, else the problem
     */
    static @Nullable Problem checkThoroughly(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return new Problem(ViolationCode.FIELD_MISSING,
                    "the url is missing: every row needs the absolute URL of its page, e.g. https://domain.tld/path");
        }
        int length = url.length();
        if (url.charAt(0) == '/' && (length == 1 || url.charAt(1) != '/')) {
            return new Problem(ViolationCode.URL_RELATIVE, "'" + Violation.shorten(url)
                    + "' is a path without a domain:"
                    + " write the complete URL with protocol and domain, e.g. https://domain.tld"
                    + Violation.shorten(url));
        }
        int colon = schemeEnd(url);
        if (colon > 0) {
            if (isHttpScheme(url, colon)) {
                String reason = checkAfterScheme(url, colon);
                return reason == null ? null : new Problem(ViolationCode.URL_INVALID, reason);
            }
            return new Problem(ViolationCode.URL_SCHEME, "the URL's scheme is '"
                    + Violation.shorten(url.substring(0, colon))
                    + ":', but only http and https pages can be matched: write the page's https:// or http:// URL");
        }
        int start = url.startsWith("//") ? 2 : 0;
        int nameEnd = dottedNameEnd(url, start);
        if (start == 0 && nameEnd > 0 && isFileName(url, nameEnd)) {
            return new Problem(ViolationCode.URL_RELATIVE, "'" + Violation.shorten(url)
                    + "' is a relative URL, a file name without the site it is on:"
                    + " write the complete URL with protocol and domain, e.g. https://domain.tld/"
                    + Violation.shorten(url));
        }
        if (nameEnd > 0) {
            String reason = checkAuthorityAndRest(url, start, false);
            if (reason != null) {
                return new Problem(ViolationCode.URL_INVALID, reason);
            }
            return new Problem(ViolationCode.URL_NO_SCHEME, "'" + Violation.shorten(url)
                    + "' has no protocol: the project's"
                    + " protocol will be assumed, and pages will not match if it differs;"
                    + " write https://" + Violation.shorten(url.substring(start)) + " (or http://)");
        }
        return new Problem(ViolationCode.URL_INVALID, notAUrl(url));
    }

    /**
     * Returns whether a value passes {@link #check(String)} without any violation, not even the
     * {@code URL_NO_SCHEME} warning.
     *
     * @param url the URL as written, or {@code null}
     * @return {@code true} for a valid absolute http(s) URL
     */
    public static boolean isAbsoluteHttpUrl(@Nullable String url) {
        return url != null && !url.isBlank() && check(url) == null;
    }

    /**
     * The fast path for the shape nearly every row has ({@link PlainUrl}): {@code true} only for values the
     * thorough check accepts without a warning; {@code false} means "look closer", not "invalid".
     *
     * @param url the URL
     * @return {@code true} when the URL is valid
     */
    static boolean isPlainHttpUrl(String url) {
        return PlainUrl.isPlain(url);
    }

    /** Returns the index of the colon that ends a scheme, or -1 when the value starts with none. */
    private static int schemeEnd(String url) {
        int length = url.length();
        if (!isAsciiLetter(url.charAt(0))) {
            return -1;
        }
        int i = 1;
        while (i < length && isSchemeChar(url.charAt(i))) {
            i++;
        }
        if (i == length || url.charAt(i) != ':') {
            return -1;
        }
        int j = i + 1;
        while (j < length && isDigit(url.charAt(j))) {
            j++;
        }
        boolean port = j > i + 1 && (j == length || url.charAt(j) == '/' || url.charAt(j) == '?');
        return port ? -1 : i;
    }

    private static boolean isHttpScheme(String url, int colon) {
        return (colon == 4 && url.regionMatches(true, 0, "http", 0, 4))
                || (colon == 5 && url.regionMatches(true, 0, "https", 0, 5));
    }

    private static @Nullable String checkAfterScheme(String url, int colon) {
        int length = url.length();
        if (colon + 2 >= length || url.charAt(colon + 1) != '/' || url.charAt(colon + 2) != '/') {
            return "'" + Violation.shorten(url) + "' lacks '//' and a host after '"
                    + Violation.shorten(url.substring(0, colon + 1))
                    + "': write it as " + Violation.shorten(url.substring(0, colon).toLowerCase(java.util.Locale.ROOT))
                    + "://domain.tld/path";
        }
        return checkAuthorityAndRest(url, colon + 3, true);
    }

    /**
     * Checks what follows {@code //}: authority (user information, host, port), then path, query
     * and fragment. Returns the reason the URL is invalid, or null. Without a scheme, user
     * information is refused: in {@code //domain.tld:80@evil.com/} the name the value begins with
     * is not its host.
     */
    private static @Nullable String checkAuthorityAndRest(String url, int start, boolean userInfoAllowed) {
        int length = url.length();
        int end = start;
        int at = -1;
        while (end < length) {
            char c = url.charAt(end);
            if (c == '/' || c == '?' || c == '#') {
                break;
            }
            if (c == '@') {
                if (at >= 0) {
                    return "the URL holds more than one '@' before its path (at characters " + (at + 1) + " and "
                            + (end + 1) + "), so its host is ambiguous: percent-encode '@' in user names as %40";
                }
                at = end;
            }
            end++;
        }
        if (end == start) {
            return "'" + Violation.shorten(url)
                    + "' has no host after '//': write the domain, e.g. https://domain.tld/path";
        }
        int hostStart = start;
        if (at >= 0 && !userInfoAllowed) {
            return "'" + Violation.shorten(url)
                    + "' has no protocol and holds '@' before its path, so the name it begins with is"
                    + " not its host: write the complete URL, e.g. https://domain.tld/path";
        }
        if (at >= 0) {
            String reason = checkUserInfo(url, start, at);
            if (reason != null) {
                return reason;
            }
            hostStart = at + 1;
        }
        int hostEnd;
        if (hostStart < end && url.charAt(hostStart) == '[') {
            int close = url.indexOf(']', hostStart);
            if (close < 0 || close >= end) {
                return "the IPv6 address in '" + Violation.shorten(url) + "' lacks its closing ']'";
            }
            if (!isIpv6(url, hostStart + 1, close)) {
                return "'" + Violation.shorten(url.substring(hostStart, close + 1)) + "' is not an IPv6 address";
            }
            hostEnd = close + 1;
            if (hostEnd < end && url.charAt(hostEnd) != ':') {
                return "unexpected '" + url.charAt(hostEnd) + "' after the IPv6 address at character "
                        + (hostEnd + 1);
            }
        } else {
            hostEnd = hostStart;
            while (hostEnd < end && url.charAt(hostEnd) != ':') {
                hostEnd++;
            }
            String reason = checkHost(url, hostStart, hostEnd);
            if (reason != null) {
                return reason;
            }
        }
        if (hostEnd < end) {
            String reason = checkPort(url, hostEnd + 1, end);
            if (reason != null) {
                return reason;
            }
        }
        return checkRest(url, end);
    }

    private static @Nullable String checkUserInfo(String url, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = url.charAt(i);
            if (c == '%') {
                if (!isPercentEscape(url, i)) {
                    return badPercent(url, i);
                }
                i += 2;
            } else if (c >= 0x80) {
                String reason = checkVisible(url, i);
                if (reason != null) {
                    return reason;
                }
                i += Character.charCount(url.codePointAt(i)) - 1;
            } else if (!(isUnreserved(c) || isSubDelim(c) || c == ':')) {
                return "the user information before '@' holds " + describe(url, i)
                        + ", which a URL cannot hold there: percent-encode it";
            }
        }
        return null;
    }

    private static @Nullable String checkHost(String url, int from, int to) {
        if (from == to) {
            return "'" + Violation.shorten(url) + "' has no host: write the domain, e.g. https://domain.tld/path";
        }
        if (to - from > MAX_HOST_LENGTH) {
            return "the host is " + (to - from) + " characters long; a host name has at most " + MAX_HOST_LENGTH;
        }
        // Past ASCII or in punycode: the IDNA checks run once the labels are known to be well formed.
        boolean international = false;
        int labelStart = from;
        for (int i = from; i < to; i++) {
            char c = url.charAt(i);
            if (Idna.isLabelSeparator(c)) {
                if (i == labelStart) {
                    return "the host '" + url.substring(from, to) + "' has an empty label (two dots, or a leading dot)";
                }
                String reason = checkLabel(url, from, to, labelStart, i);
                if (reason != null) {
                    return reason;
                }
                international |= c != '.' || Idna.isPunycodeLabel(url, labelStart, i);
                labelStart = i + 1;
            } else if (c < 0x80) {
                if (!(HostName.isLabelChar(c) || c == '-')) {
                    return "the host '" + url.substring(from, to) + "' holds " + describe(url, i)
                            + ", which a host name cannot hold";
                }
            } else {
                international = true;
                int cp = url.codePointAt(i);
                if (Character.isSurrogate(c) && Character.charCount(cp) == 1) {
                    return "the host holds a broken character (a lone surrogate) at character " + (i + 1);
                }
                if (!isHostLetter(cp)) {
                    return "the host '" + url.substring(from, to) + "' holds " + describe(url, i)
                            + ", which a host name cannot hold";
                }
                if (Idna.isIgnored(cp)) {
                    return "the host '" + url.substring(from, to) + "' holds " + describe(url, i)
                            + ", which browsers drop from host names, so that the host requested is not the one"
                            + " written: remove it";
                }
                i += Character.charCount(cp) - 1;
            }
        }
        // A single trailing dot (an absolute domain name) is allowed.
        int nameEnd = to;
        if (labelStart < to) {
            String reason = checkLabel(url, from, to, labelStart, to);
            if (reason != null) {
                return reason;
            }
            international |= Idna.isPunycodeLabel(url, labelStart, to);
        } else {
            nameEnd = to - 1;
            labelStart = from;
            for (int i = nameEnd - 1; i >= from; i--) {
                if (Idna.isLabelSeparator(url.charAt(i))) {
                    labelStart = i + 1;
                    break;
                }
            }
        }
        if (international) {
            String reason = Idna.check(url, from, to);
            if (reason != null) {
                return "the host '" + url.substring(from, to) + "' is not a valid internationalized name: " + reason;
            }
        }
        return checkNumericName(url, from, nameEnd, labelStart, international);
    }

    /**
     * As in browsers, a name whose last label is a number ({@code 123}, or {@code 0x} and hex digits) is an
     * IPv4 address or nothing: {@code 999.1.1.1}, {@code domain.123} and {@code foo.0x4} are not hosts. Only
     * dotted-decimal addresses are accepted; browsers also read {@code 127.1}, {@code 0x7f.1} and
     * {@code 017.0.0.1}, but as addresses few would recognize. A last label in Unicode is read as browsers
     * map it: full-width digits are digits.
     */
    private static @Nullable String checkNumericName(String url, int from, int nameEnd, int lastLabel,
            boolean international) {
        char first = url.charAt(lastLabel);
        // Only a label that begins with a digit can be a number: the rest of the rule runs for those alone.
        if (!isDigit(first) && (first < 0x80 || Character.getType(url.codePointAt(lastLabel))
                != Character.DECIMAL_DIGIT_NUMBER)) {
            return null;
        }
        boolean address;
        if (international) {
            String host = Idna.mapped(url.substring(from, nameEnd));
            if (!isNumber(host, host.lastIndexOf('.') + 1, host.length())) {
                return null;
            }
            address = isIpv4(host, 0, host.length());
        } else {
            if (!isNumber(url, lastLabel, nameEnd)) {
                return null;
            }
            address = isIpv4(url, from, nameEnd);
        }
        if (address) {
            return null;
        }
        return "the host '" + url.substring(from, nameEnd) + "' ends in a number, '" + url.substring(lastLabel, nameEnd)
                + "', but is not an IPv4 address; browsers refuse such a host. Write an IPv4 address as four"
                + " numbers from 0 to 255 without leading zeros, e.g. 192.0.2.1";
    }

    /**
     * Returns whether a label is a number as the WHATWG host parser reads it: decimal digits, or {@code 0x}
     * (any case) followed by hex digits, none included. Octal is made of digits, so it is decimal here.
     */
    private static boolean isNumber(String text, int from, int to) {
        int i = from;
        if (to - from >= 2 && text.charAt(from) == '0' && (text.charAt(from + 1) | 0x20) == 'x') {
            for (i = from + 2; i < to; i++) {
                if (!isHexDigit(text.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
        for (; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return to > from;
    }

    private static @Nullable String checkLabel(String url, int hostFrom, int hostTo, int from, int to) {
        if (url.charAt(from) == '-' || url.charAt(to - 1) == '-') {
            return "the host '" + url.substring(hostFrom, hostTo) + "' has a label that begins or ends with '-'";
        }
        if (to - from > MAX_LABEL_LENGTH) {
            return "the host '" + url.substring(hostFrom, hostTo) + "' has a label of " + (to - from)
                    + " characters; a label has at most " + MAX_LABEL_LENGTH;
        }
        if (url.charAt(from) >= 0x80 && Idna.isLeadingMark(url.codePointAt(from))) {
            return "the host '" + url.substring(hostFrom, hostTo) + "' has a label that begins with "
                    + codePoint(url.codePointAt(from)) + ", a combining mark, which only follows a letter";
        }
        return null;
    }

    private static @Nullable String checkPort(String url, int from, int to) {
        if (from == to) {
            return "'" + Violation.shorten(url)
                    + "' has ':' after its host but no port number: remove the ':' or add the port";
        }
        // Leading zeros are allowed, as browsers read them: 00080 is port 80. Capped, so never overflows.
        int port = 0;
        for (int i = from; i < to; i++) {
            char c = url.charAt(i);
            if (!isDigit(c)) {
                return "the port '" + Violation.shorten(url.substring(from, to)) + "' is not a number";
            }
            port = Math.min(port * 10 + (c - '0'), MAX_PORT + 1);
        }
        if (port < 1 || port > MAX_PORT) {
            return "the port " + Violation.shorten(url.substring(from, to))
                    + " is out of range: ports run from 1 to 65535";
        }
        return null;
    }

    private static @Nullable String checkRest(String url, int from) {
        int length = url.length();
        boolean fragment = false;
        for (int i = from; i < length; i++) {
            char c = url.charAt(i);
            if (c < 0x80) {
                if ((c >= 'a' && c <= 'z') || (c >= '?' && c <= '[') || (c >= '&' && c <= ';') || c == '!'
                        || c == '$' || c == '=' || c == ']' || c == '_' || c == '~'
                        || c == '{' || c == '|' || c == '}' || c == '^') {
                    continue;
                }
                if (c == '%') {
                    if (!isPercentEscape(url, i)) {
                        return badPercent(url, i);
                    }
                    i += 2;
                } else if (c == '#') {
                    if (fragment) {
                        return "the URL holds a second '#' at character " + (i + 1) + ": percent-encode it as %23";
                    }
                    fragment = true;
                } else if (c == ' ') {
                    return "the URL holds a space at character " + (i + 1) + ": percent-encode it as %20";
                } else {
                    return "the URL holds " + describe(url, i) + ", which a URL cannot hold: percent-encode it";
                }
            } else {
                String reason = checkVisible(url, i);
                if (reason != null) {
                    return reason;
                }
                i += Character.charCount(url.codePointAt(i)) - 1;
            }
        }
        return null;
    }

    /**
     * Checks a character past ASCII outside the host: anything but white space, control and invisible
     * formatting characters and lone surrogates, as in IRIs. Returns the reason it is refused, or null.
     */
    private static @Nullable String checkVisible(String url, int i) {
        int cp = url.codePointAt(i);
        if (Character.isSurrogate(url.charAt(i)) && Character.charCount(cp) == 1) {
            return "the URL holds a broken character (a lone surrogate) at character " + (i + 1);
        }
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT) {
            return "the URL holds " + describe(url, i) + ", an invisible character a URL cannot hold:"
                    + " remove it or percent-encode it";
        }
        return null;
    }

    /**
     * Returns where the host name the value begins with at {@code start} ends (at {@code / ? # :} or the
     * end), or -1 when the value does not begin with a host name that holds a dot.
     */
    private static int dottedNameEnd(String url, int start) {
        int length = url.length();
        if (start >= length || !Character.isLetterOrDigit(url.codePointAt(start))) {
            return -1;
        }
        boolean dot = false;
        int i = start;
        while (i < length) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#' || c == ':') {
                break;
            }
            if (Idna.isLabelSeparator(c)) {
                dot = true;
            } else if (c < 0x80 ? !(HostName.isLabelChar(c) || c == '-')
                    : !isHostLetter(url.codePointAt(i))) {
                return -1;
            }
            i += c < 0x80 ? 1 : Character.charCount(url.codePointAt(i));
        }
        return dot ? i : -1;
    }

    /**
     * Returns whether the dotted name a value begins with, ending at {@code nameEnd}, is a file name: its
     * last label is one of {@link #WEB_FILE_EXTENSIONS}, and it is followed by a path, query, fragment or
     * nothing (not by a port).
     */
    private static boolean isFileName(String url, int nameEnd) {
        if (nameEnd < url.length() && url.charAt(nameEnd) == ':') {
            return false;
        }
        int dot = url.lastIndexOf('.', nameEnd - 1);
        return dot >= 0 && WEB_FILE_EXTENSIONS.contains(url.substring(dot + 1, nameEnd).toLowerCase(Locale.ROOT));
    }

    private static String notAUrl(String url) {
        for (int i = 0; i < url.length(); i++) {
            int cp = url.codePointAt(i);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                return "'" + Violation.shorten(url) + "' is not a URL (it holds white space at character " + (i + 1)
                        + "): write the absolute URL of the page, e.g. https://domain.tld/path";
            }
        }
        return "'" + Violation.shorten(url)
                + "' is not a URL: write the absolute URL of the page, e.g. https://domain.tld/path";
    }

    /**
     * Returns whether {@code url[from, to)} is an IPv6 address as RFC 3986 writes it: eight groups
     * of one to four hex digits, or fewer around one {@code ::} standing for at least one group;
     * the last two groups may be written as an IPv4 address.
     */
    private static boolean isIpv6(String url, int from, int to) {
        int groups = 0;
        boolean compressed = false;
        int i = from;
        if (i < to && url.charAt(i) == ':') {
            if (i + 1 >= to || url.charAt(i + 1) != ':') {
                return false;
            }
            compressed = true;
            i += 2;
        }
        while (i < to) {
            int start = i;
            while (i < to && isHexDigit(url.charAt(i))) {
                i++;
            }
            if (i < to && url.charAt(i) == '.') {
                if (!isIpv4(url, start, to)) {
                    return false;
                }
                groups += 2;
                break;
            }
            if (i == start || i - start > 4) {
                return false;
            }
            groups++;
            if (i == to) {
                break;
            }
            if (url.charAt(i) != ':') {
                return false;
            }
            i++;
            if (i < to && url.charAt(i) == ':') {
                if (compressed) {
                    return false;
                }
                compressed = true;
                i++;
            } else if (i == to) {
                return false;
            }
        }
        return compressed ? groups <= 7 : groups == 8;
    }

    /**
     * Returns whether {@code url[from, to)} is a dotted-decimal IPv4 address: four numbers from 0
     * to 255, without leading zeros (which browsers read as octal).
     */
    private static boolean isIpv4(String url, int from, int to) {
        int parts = 0;
        int i = from;
        while (i < to) {
            int start = i;
            int value = 0;
            while (i < to && isDigit(url.charAt(i)) && i - start < 3) {
                value = value * 10 + (url.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && url.charAt(start) == '0')) {
                return false;
            }
            parts++;
            if (i == to) {
                break;
            }
            if (url.charAt(i) != '.' || parts == 4) {
                return false;
            }
            i++;
            if (i == to) {
                return false;
            }
        }
        return parts == 4;
    }

    private static String badPercent(String url, int i) {
        return "the URL holds '" + url.substring(i, Math.min(url.length(), i + 3)) + "' at character " + (i + 1)
                + ", which is not a %XX escape: write '%' itself as %25";
    }

    private static String describe(String url, int i) {
        int cp = url.codePointAt(i);
        String where = " at character " + (i + 1);
        if (cp >= 0x21 && cp < 0x7F) {
            return "'" + (char) cp + "'" + where;
        }
        return codePoint(cp) + where;
    }

    /**
     * Formats a code point as {@code U+XXXX}.
     *
     * @param cp the code point
     * @return its Unicode notation, at least four hex digits
     */
    static String codePoint(int cp) {
        String hex = Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT);
        return "U+" + "0000".substring(Math.min(4, hex.length())) + hex;
    }

    private static boolean isPercentEscape(String url, int i) {
        return i + 2 < url.length() && isHexDigit(url.charAt(i + 1)) && isHexDigit(url.charAt(i + 2));
    }

    /**
     * Letters and digits of any script, and the combining marks internationalized names use.
     *
     * @param cp a code point past ASCII
     * @return {@code true} when a host name in Unicode may hold it
     */
    static boolean isHostLetter(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isUnreserved(char c) {
        return isAsciiLetter(c) || isDigit(c) || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static boolean isSubDelim(char c) {
        return c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' || c == ')' || c == '*' || c == '+'
                || c == ',' || c == ';' || c == '=';
    }
}
