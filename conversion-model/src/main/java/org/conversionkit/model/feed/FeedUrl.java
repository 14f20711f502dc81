package org.conversionkit.model.feed;

import static org.conversionkit.model.internal.Ascii.isAsciiLetter;
import static org.conversionkit.model.internal.Ascii.isHexDigit;
import static org.conversionkit.model.internal.Ascii.isSchemeChar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.feed.FeedUrlException.Reason;
import org.conversionkit.model.rules.Problem;
import org.conversionkit.model.rules.UrlRule;
import org.jspecify.annotations.Nullable;

/**
 * The checked URL of a CRM feed, and the daily URLs the importer requests from it.
 *
 * <p>A feed URL must be an absolute http or https URL that passes {@link UrlRule} without even a
 * warning, and must not hold credentials ({@code user:password@}: they go into an
 * {@code Authorization} header, see {@link BasicAuth}), a fragment, or a {@code date} query
 * parameter in any case ({@code date=}, {@code Date=}, {@code DATE=}: the importer adds
 * {@code date=YYYYMMDD} itself). Plain {@code http} is accepted with a warning. A refused URL throws
 * a {@link FeedUrlException} whose {@link FeedUrlException#reason() reason} says which rule it
 * broke.
 *
 * <p>{@link #withDate(LocalDate)} adds {@code date=YYYYMMDD} after any parameters already there,
 * leaving the URL as written otherwise (its case, order and percent-encoding):
 * {@code https://example.com/feed.ndjson} on 20 January 2020 becomes
 * {@code https://example.com/feed.ndjson?date=20200120}. Nothing is fetched or resolved.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class FeedUrl {

    /** The most dates {@link #forDates(LocalDate, LocalDate)} gives for one range: about ten years. */
    public static final int MAX_DATES = 3660;

    /** The warning a plain {@code http} feed URL gets. */
    public static final String PLAIN_HTTP_WARNING =
            "credentials sent with Basic Auth over http travel unencrypted; use https";

    private static final String EXAMPLE = "https://example.com/feed.ndjson";
    private static final String MASK = "***";

    private final String url;
    private final String separator;
    private final List<String> warnings;

    private FeedUrl(String url, String separator, List<String> warnings) {
        this.url = url;
        this.separator = separator;
        this.warnings = warnings;
    }

    /**
     * Checks a feed URL.
     *
     * @param url the feed's URL as the customer gives it, e.g. {@code https://example.com/feed.ndjson}
     * @return the checked URL
     * @throws FeedUrlException if the URL is refused; its message says what is wrong and how to fix it
     */
    public static FeedUrl parse(String url) {
        Objects.requireNonNull(url, "url");
        Problem problem = UrlRule.check(url);
        if (problem != null && problem.code() == ViolationCode.URL_SCHEME) {
            // The message names only the scheme, so it is safe to show even when credentials follow.
            throw new FeedUrlException(Reason.NOT_HTTP, mask(url), "the feed URL's scheme is '"
                    + url.substring(0, url.indexOf(':') + 1) + "', but the importer fetches only http and https"
                    + " URLs: give the feed's https:// URL, e.g. " + EXAMPLE);
        }
        int authorityStart = authorityStart(url);
        int authorityEnd = authorityStart < 0 ? -1 : authorityEnd(url, authorityStart);
        if (authorityStart >= 0 && url.lastIndexOf('@', authorityEnd - 1) >= authorityStart) {
            String masked = mask(url);
            throw new FeedUrlException(Reason.CREDENTIALS, masked, "the feed URL " + masked + " holds credentials"
                    + " (user information before '@'): remove them from the URL and send them in the"
                    + " Authorization header instead, whose value BasicAuth.headerValue(user, password) builds");
        }
        if (problem != null) {
            throw new FeedUrlException(Reason.INVALID, url, invalidMessage(url, problem));
        }
        int hash = url.indexOf('#', authorityEnd);
        if (hash >= 0) {
            throw new FeedUrlException(Reason.FRAGMENT, url, "the feed URL " + url + " has a fragment ('"
                    + shorten(url.substring(hash)) + "'), which is never sent to the server: remove it, "
                    + url.substring(0, hash));
        }
        int query = url.indexOf('?', authorityEnd);
        if (query >= 0) {
            int parameter = dateParameter(url, query + 1);
            if (parameter >= 0) {
                int end = url.indexOf('&', parameter);
                throw new FeedUrlException(Reason.DATE_PARAMETER, url, "the feed URL " + url + " already has a date"
                        + " parameter ('" + shorten(url.substring(parameter, end < 0 ? url.length() : end))
                        + "'): remove it: the importer adds date=YYYYMMDD itself, one request a day");
            }
        }
        String separator;
        if (query < 0) {
            separator = "?";
        } else {
            // Only the '?' that starts the query ends it without a separator: in ?x=? the last '?' is data.
            separator = query == url.length() - 1 || url.endsWith("&") ? "" : "&";
        }
        boolean https = url.regionMatches(true, 0, "https:", 0, 6);
        return new FeedUrl(url, separator, https ? List.of() : List.of(PLAIN_HTTP_WARNING));
    }

    /**
     * Returns the checked URL, unchanged.
     *
     * @return the URL as given to {@link #parse(String)}
     */
    public String url() {
        return url;
    }

    /**
     * Returns what is accepted but unwise about the URL.
     *
     * @return {@link #PLAIN_HTTP_WARNING} for a plain {@code http} URL; else empty
     */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Returns the URL of one day's feed: {@code date=YYYYMMDD} added as the last query parameter.
     *
     * @param date the day
     * @return e.g. {@code https://example.com/feed.ndjson?date=20200120}; a URL ending in {@code ?}
     *         or {@code &} gets no second separator
     * @throws IllegalArgumentException if the year is not between 0000 and 9999
     */
    public String withDate(LocalDate date) {
        return url + separator + "date=" + basicDate(date);
    }

    /**
     * Returns the URL of every day's feed from one day to another, both included.
     *
     * @param from the first day
     * @param to   the last day, not before {@code from}
     * @return one URL a day, in order
     * @throws IllegalArgumentException if {@code from} is after {@code to}, the range holds more than
     *                                  {@value #MAX_DATES} days, or a year is not between 0000 and 9999
     */
    public List<String> forDates(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the range starts on " + from + ", after its end " + to
                    + ": give the earlier day first");
        }
        basicDate(from);
        basicDate(to);
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DATES) {
            throw new IllegalArgumentException("the range " + from + " to " + to + " holds " + days
                    + " days; at most " + MAX_DATES + " (MAX_DATES) are given at once: split the range");
        }
        List<String> urls = new ArrayList<>((int) days);
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            urls.add(withDate(date));
        }
        return List.copyOf(urls);
    }

    /**
     * Formats a date as {@code YYYYMMDD}, the form of the feed's {@code date} parameter and of
     * partitioned table names.
     *
     * @param date the day
     * @return e.g. {@code 20200120}
     * @throws IllegalArgumentException if the year is not between 0000 and 9999
     */
    static String basicDate(LocalDate date) {
        Objects.requireNonNull(date, "date");
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("the year of " + date + " does not have four digits,"
                    + " so the day cannot be written YYYYMMDD");
        }
        int value = year * 10000 + date.getMonthValue() * 100 + date.getDayOfMonth();
        String digits = Integer.toString(value);
        return "00000000".substring(digits.length()) + digits;
    }

    /** Compares the URLs as written. */
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof FeedUrl feed && url.equals(feed.url);
    }

    @Override
    public int hashCode() {
        return url.hashCode();
    }

    /**
     * Returns the URL.
     *
     * @return {@link #url()}
     */
    @Override
    public String toString() {
        return url;
    }

    private static String invalidMessage(String url, Problem problem) {
        switch (problem.code()) {
            case FIELD_MISSING:
                return "the feed URL is empty: give the absolute URL of the feed, e.g. " + EXAMPLE;
            case URL_RELATIVE:
                return "the feed URL '" + url + "' is a path without a domain: give the absolute URL, e.g. "
                        + "https://example.com" + url;
            case URL_NO_SCHEME: {
                String rest = url.startsWith("//") ? url.substring(2) : url;
                return "the feed URL '" + url + "' has no protocol: write https://" + rest;
            }
            default:
                return "the feed URL is not a valid absolute URL: " + problem.message();
        }
    }

    /** Returns where the authority starts (after {@code //}), or -1 when the value has none. */
    private static int authorityStart(String url) {
        if (url.startsWith("//")) {
            return 2;
        }
        int length = url.length();
        if (length == 0 || !isAsciiLetter(url.charAt(0))) {
            return -1;
        }
        int i = 1;
        while (i < length && isSchemeChar(url.charAt(i))) {
            i++;
        }
        return url.startsWith("://", i) ? i + 3 : -1;
    }

    private static int authorityEnd(String url, int start) {
        int i = start;
        while (i < url.length()) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                break;
            }
            i++;
        }
        return i;
    }

    /** Replaces the user information of a URL with {@value #MASK}, so that it can be shown and logged. */
    static String mask(String url) {
        int start = authorityStart(url);
        if (start < 0) {
            return url;
        }
        int at = url.lastIndexOf('@', authorityEnd(url, start) - 1);
        return at < start ? url : url.substring(0, start) + MASK + url.substring(at);
    }

    /**
     * Returns the index of a query parameter named {@code date} (in any case, percent-escapes
     * decoded) in the query starting at {@code from}, or -1.
     */
    private static int dateParameter(String url, int from) {
        int length = url.length();
        int start = from;
        while (start <= length) {
            int end = url.indexOf('&', start);
            if (end < 0) {
                end = length;
            }
            int equals = url.indexOf('=', start);
            int nameEnd = equals >= 0 && equals < end ? equals : end;
            if (isDateName(url, start, nameEnd)) {
                return start;
            }
            start = end + 1;
        }
        return -1;
    }

    private static boolean isDateName(String url, int from, int to) {
        String date = "date";
        int matched = 0;
        int i = from;
        while (i < to) {
            char c = url.charAt(i);
            if (c == '%' && i + 2 < to) {
                // ASCII hex digits only, as WHATWG percent-decoding: Character.digit takes other scripts' digits.
                if (!isHexDigit(url.charAt(i + 1)) || !isHexDigit(url.charAt(i + 2))) {
                    return false;
                }
                int high = Character.digit(url.charAt(i + 1), 16);
                int low = Character.digit(url.charAt(i + 2), 16);
                c = (char) (high * 16 + low);
                i += 3;
            } else {
                i++;
            }
            if (matched == date.length() || lowerAscii(c) != date.charAt(matched)) {
                return false;
            }
            matched++;
        }
        return matched == date.length();
    }

    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static String shorten(String text) {
        if (text.length() <= 60) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(58)) ? 58 : 59;
        return text.substring(0, end) + '\u2026';
    }
}
