package org.conversionkit.model;

/**
 * The catalogue of everything conversion-kit can find wrong, with each code's default severity.
 *
 * <p>The codes are part of the public contract: reports, the command line and downstream tests
 * rely on their names, which never change. New codes may be added.
 */
public enum ViolationCode {
    /** The file name holds no {@code YYYY-MM-DD} date (e.g. {@code export-20200922.csv}). */
    FILENAME_NO_DATE(Severity.ERROR, "the file name holds no YYYY-MM-DD date"),
    /** More than one date in the file name: a range, not one day's file. */
    FILENAME_MULTIPLE_DATES(Severity.ERROR, "more than one date in the file name"),
    /** A date-shaped part of the file name is not a calendar date ({@code 2020-02-30}). */
    FILENAME_DATE_INVALID(Severity.ERROR, "the file name's date is not a calendar date"),
    /** Two files in one delivery set for the same date. */
    DUPLICATE_DELIVERY(Severity.ERROR, "two files for the same date"),
    /** A day without a file inside a delivery set's date range. */
    MISSING_DELIVERY(Severity.WARNING, "a day without a file"),
    /** The file holds no records at all. */
    EMPTY_FILE(Severity.WARNING, "no records at all"),
    /** Bytes that are not valid UTF-8. */
    ENCODING(Severity.ERROR, "bytes that are not valid UTF-8"),
    /** A header row: the first record, or a later one where a second report seems to start. */
    HEADER_ROW(Severity.ERROR, "a header row"),
    /** A record that is a comment line. */
    COMMENT_LINE(Severity.ERROR, "a comment line"),
    /** A CSV record's field count differs from the column layout. */
    FIELD_COUNT(Severity.ERROR, "the field count differs from the column layout"),
    /** An unterminated quote or other unreadable CSV. */
    MALFORMED_CSV(Severity.ERROR, "unreadable CSV"),
    /** A JSON syntax error. */
    MALFORMED_JSON(Severity.ERROR, "a JSON syntax error"),
    /** A JSON row that is not an object. */
    NOT_AN_OBJECT(Severity.ERROR, "a JSON row that is not an object"),
    /** A JSON key outside the profile's fields (conversion rows only). */
    UNKNOWN_FIELD(Severity.WARNING, "a field the profile does not know"),
    /** A field, record, nesting depth, number or file past its limit. */
    RECORD_TOO_LARGE(Severity.ERROR, "past a configured limit"),
    /** A required field is absent or blank. */
    FIELD_MISSING(Severity.ERROR, "a required field is absent or blank"),
    /** A value of the wrong type. */
    FIELD_TYPE(Severity.ERROR, "a value of the wrong type"),
    /** Negative transactions or revenue. */
    NEGATIVE_VALUE(Severity.WARNING, "a negative transactions or revenue value"),
    /** A path without a domain. */
    URL_RELATIVE(Severity.ERROR, "a path without a domain"),
    /** A domain without a protocol. */
    URL_NO_SCHEME(Severity.WARNING, "a domain without a protocol"),
    /** A scheme other than http or https. */
    URL_SCHEME(Severity.ERROR, "a scheme other than http or https"),
    /** Not a parseable URL. */
    URL_INVALID(Severity.ERROR, "not a parseable URL"),
    /** Not {@code YYYY-MM-DD} (CRM date-times: not RFC 3339, nor a date). */
    DATE_FORMAT(Severity.ERROR, "not a YYYY-MM-DD date"),
    /** {@code YYYY-MM-DD} shape but no such day. */
    DATE_INVALID(Severity.ERROR, "no such day"),
    /** The row's date differs from the file's date (CRM daily feed: updatedAt not on the feed's date). */
    DATE_MISMATCH(Severity.ERROR, "the date differs from the file's date"),
    /** CRM: updatedAt earlier than createdAt. */
    UPDATED_BEFORE_CREATED(Severity.ERROR, "updatedAt earlier than createdAt"),
    /** CRM: currency not an ISO 4217 code. */
    CURRENCY_CODE(Severity.ERROR, "not an ISO 4217 currency code"),
    /** CRM: a duplicate id (snapshot feed, error) or id and updatedAt (daily feed, warning). */
    DUPLICATE_RECORD(Severity.ERROR, "a duplicate record"),
    /**
     * The file cannot be read, or its reading failed part of the way (missing, permission denied, a directory,
     * a failing disk): its report lists what was read before, and the file is not valid.
     */
    FILE_UNREADABLE(Severity.ERROR, "the file cannot be read"),
    /**
     * CRM: a date-time with a space between date and time ({@code 2020-01-10 10:15:30}, the SQL form): BigQuery
     * loads it, RFC 3339 wants a {@code T}; the value is read.
     */
    DATE_TIME_SEPARATOR(Severity.WARNING, "a space instead of the T of a date-time"),
    /**
     * CRM feed history: a record's {@code createdAt} differs from the one its id had in an earlier feed (each change of
     * a record keeps its {@code createdAt}).
     */
    CREATED_AT_CHANGED(Severity.ERROR, "createdAt differs from an earlier feed's"),
    /** CRM feed history: a record's {@code updatedAt} is before the latest one its id had in an earlier feed. */
    UPDATED_BEFORE_PREVIOUS(Severity.ERROR, "updatedAt earlier than an earlier feed's"),
    /** A JSON row or record with two values for one key. */
    DUPLICATE_KEY(Severity.ERROR, "two values for one key in a JSON row"),
    /** A conversion row with the same url, date, channel and device as an earlier row of the file. */
    DUPLICATE_ROW(Severity.WARNING, "the url, date, channel and device of an earlier row"),
    /**
     * CRM: a line of the feed that is not one JSON value on its own line, as NDJSON requires: single quotes, the
     * escape {@code \'}, a record spread over several lines (pretty-printed), an array of records, commas between
     * records, two values on one line. The line is rejected and reading goes on with the next one.
     */
    NOT_NDJSON(Severity.ERROR, "a CRM feed line that is not one JSON object");

    private final Severity defaultSeverity;
    private final String summary;

    ViolationCode(Severity defaultSeverity, String summary) {
        this.defaultSeverity = defaultSeverity;
        this.summary = summary;
    }

    /**
     * Returns the severity this code has unless a rule says otherwise (a daily CRM feed's
     * duplicate is a warning) or checking is strict.
     *
     * @return the default severity
     */
    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /**
     * Returns a short, lower-case description of the code, for listings and help texts.
     *
     * @return what the code means, in a few words
     */
    public String summary() {
        return summary;
    }
}
