package org.conversionkit.model.feed;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.FeedMode;
import org.conversionkit.model.internal.Ascii;
import org.jspecify.annotations.Nullable;

/**
 * What the importer asks a customer's feed endpoint for, read from the request's query: the server side of
 * {@link FeedUrl}.
 *
 * <p>The importer asks {@code https://example.com/feed.ndjson?date=20200120} for the records updated on 20 January
 * 2020 (a {@link FeedMode#DAILY daily} feed), or the URL without {@code date} for every record once (a
 * {@link FeedMode#SNAPSHOT snapshot}). The {@code date} parameter is found in any case ({@code Date=},
 * {@code DATE=}), as {@link FeedUrl} refuses them all in a feed's own URL, and percent-decoded; every other
 * parameter (a token, a shop id) is the endpoint's own business and is ignored. A {@code date} that is not
 * {@code YYYYMMDD}, not a calendar day, empty or given twice is refused with an {@link IllegalArgumentException}
 * that says how to write it: an endpoint answers it with a 400 rather than serving the wrong records.
 *
 * <pre>{@code
 * FeedRequest request = FeedRequest.ofQuery(httpRequest.getQueryString());
 * CrmProfile profile = request.applyTo(CrmProfile.DEFAULT);
 * }</pre>
 *
 * @param mode the feed asked for
 * @param date the day of a daily feed, or {@code null} for a snapshot
 */
public record FeedRequest(FeedMode mode, @Nullable LocalDate date) {

    private static final String PARAMETER = "date";
    private static final int BASIC_DATE_LENGTH = 8;

    /**
     * Checks that a daily request has a date and a snapshot has none.
     *
     * @param mode the feed asked for
     * @param date the day of a daily feed, or {@code null} for a snapshot
     * @throws IllegalArgumentException if a daily request has no date or a snapshot has one
     */
    public FeedRequest {
        Objects.requireNonNull(mode, "mode");
        if ((mode == FeedMode.DAILY) != (date != null)) {
            throw new IllegalArgumentException(mode == FeedMode.DAILY ? "a daily feed request needs its date"
                    : "a snapshot request has no date, was " + date);
        }
    }

    /**
     * Returns the request for a snapshot: every record once.
     *
     * @return the request
     */
    public static FeedRequest snapshot() {
        return new FeedRequest(FeedMode.SNAPSHOT, null);
    }

    /**
     * Returns the request for the records updated on one day.
     *
     * @param date the day
     * @return the request
     */
    public static FeedRequest daily(LocalDate date) {
        return new FeedRequest(FeedMode.DAILY, Objects.requireNonNull(date, "date"));
    }

    /**
     * Reads a request's query, the part of its URL after {@code ?}.
     *
     * @param query the query, with or without its leading {@code ?}, or {@code null} or empty for none
     * @return a daily request when the query has a {@code date}, else a snapshot
     * @throws IllegalArgumentException if the {@code date} is malformed, not a calendar day, empty or given twice
     */
    public static FeedRequest ofQuery(@Nullable String query) {
        if (query == null) {
            return snapshot();
        }
        String text = query.startsWith("?") ? query.substring(1) : query;
        LocalDate date = null;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('&', start);
            if (end < 0) {
                end = text.length();
            }
            int equals = text.indexOf('=', start);
            int nameEnd = equals < 0 || equals > end ? end : equals;
            if (isDateName(text, start, nameEnd)) {
                if (date != null) {
                    throw new IllegalArgumentException("the request has two date parameters ('" + text
                            + "'): the importer asks for one day at a time, date=YYYYMMDD");
                }
                String raw = nameEnd == end ? "" : text.substring(nameEnd + 1, end);
                date = parseDate(decode(raw, true));
            }
            start = end + 1;
        }
        return date == null ? snapshot() : daily(date);
    }

    /**
     * Reads the query of a request URL, absolute ({@code https://example.com/feed.ndjson?date=20200120}) or a path
     * with its query ({@code /feed.ndjson?date=20200120}); a fragment is ignored.
     *
     * @param url the URL of the request
     * @return a daily request when the query has a {@code date}, else a snapshot
     * @throws IllegalArgumentException if the {@code date} is malformed, not a calendar day, empty or given twice
     */
    public static FeedRequest ofUrl(String url) {
        Objects.requireNonNull(url, "url");
        int fragment = url.indexOf('#');
        String withoutFragment = fragment < 0 ? url : url.substring(0, fragment);
        int question = withoutFragment.indexOf('?');
        return question < 0 ? snapshot() : ofQuery(withoutFragment.substring(question + 1));
    }

    /**
     * Returns the day of a daily request.
     *
     * @return the day, or empty for a snapshot
     */
    public Optional<LocalDate> optionalDate() {
        return Optional.ofNullable(date);
    }

    /**
     * Returns a CRM profile that serves this request: the given one with this request's feed mode and date.
     *
     * @param profile the endpoint's profile (id field, strictness, limits)
     * @return the profile of a daily feed of this date, or of a snapshot
     */
    public CrmProfile applyTo(CrmProfile profile) {
        Objects.requireNonNull(profile, "profile");
        return date == null ? profile.toBuilder().snapshotFeed().build()
                : profile.toBuilder().dailyFeed(date).build();
    }

    /**
     * Returns the query the importer sends for this request: {@code date=YYYYMMDD}, or empty for a snapshot.
     *
     * @return the query without its {@code ?}
     */
    public String query() {
        return date == null ? "" : PARAMETER + "=" + FeedUrl.basicDate(date);
    }

    private static boolean isDateName(String text, int from, int to) {
        if (to - from == PARAMETER.length()) {
            return text.regionMatches(true, from, PARAMETER, 0, PARAMETER.length());
        }
        // A percent-encoded name (d%61te) is rare, but decoded it is the same parameter.
        return text.indexOf('%', from) >= 0 && text.indexOf('%', from) < to
                && PARAMETER.equalsIgnoreCase(decode(text.substring(from, to), false));
    }

    private static LocalDate parseDate(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("the request's date parameter is empty: ask for one day as"
                    + " date=YYYYMMDD, e.g. date=20200120, or leave date out for a snapshot");
        }
        if (value.length() != BASIC_DATE_LENGTH || !allDigits(value)) {
            String iso = isoShape(value) ? " (write " + value.replace("-", "") + ")" : "";
            throw new IllegalArgumentException("the request's date '" + shorten(value) + "' is not YYYYMMDD"
                    + iso + ": ask for one day as date=YYYYMMDD, e.g. date=20200120");
        }
        int year = Integer.parseInt(value, 0, 4, 10);
        int month = Integer.parseInt(value, 4, 6, 10);
        int day = Integer.parseInt(value, 6, 8, 10);
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("the request's date '" + value + "' is not a calendar day ("
                    + e.getMessage() + ")", e);
        }
    }

    private static boolean allDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isoShape(String value) {
        return value.length() == 10 && value.charAt(4) == '-' && value.charAt(7) == '-'
                && allDigits(value.substring(0, 4) + value.substring(5, 7) + value.substring(8));
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }

    /**
     * Percent-decodes a query part as UTF-8, {@code +} as a space. A malformed escape is refused for the date's
     * value; for a parameter name it makes a name that is not {@code date}.
     */
    private static String decode(String text, boolean value) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        byte[] bytes = new byte[text.length()];
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes[length++] = ' ';
            } else if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0
                    && hex(text.charAt(i + 2)) >= 0) {
                bytes[length++] = (byte) (hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else if (c == '%' || c > 0x7f) {
                if (value) {
                    throw new IllegalArgumentException("the request's date '" + shorten(text) + "' is not"
                            + " YYYYMMDD: ask for one day as date=YYYYMMDD, e.g. date=20200120");
                }
                return text;
            } else {
                bytes[length++] = (byte) c;
            }
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** The value of an ASCII hex digit, or -1: as WHATWG percent-decoding, no other digit makes an escape. */
    private static int hex(char c) {
        return Ascii.isHexDigit(c) ? Character.digit(c, 16) : -1;
    }
}
