package org.conversionkit.csv.internal;

import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;
import java.util.List;
import java.util.Objects;
import org.conversionkit.csv.CsvLimits;
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.Field;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.internal.HeldValues;
import org.jspecify.annotations.Nullable;

/**
 * Builds raw records from FastCSV's callbacks: values by slot, trimmed unless quoted, and the reader's own
 * checks, in this order, each rejecting the record alone: {@code MALFORMED_CSV} (text after a closing quote),
 * {@code COMMENT_LINE}, {@code HEADER_ROW} (record 1 by its fields; a later record by the values the layout
 * keeps, where a second report starts), {@code FIELD_COUNT}, {@code RECORD_TOO_LARGE}. Blank lines (empty or
 * white space only: one unquoted field of white space, or with a tab or space delimiter, unquoted fields of white
 * space) are counted and skipped.
 *
 * <p>Only the layout's columns are copied out of the parser's buffer, and none past a limit, so that memory
 * stays bounded whatever a record holds. The handler never throws: FastCSV would wrap whatever it throws.
 *
 * <p>When {@link #hold(boolean) holding} records (for {@code HeldRecords}), the values are only copied aside (the
 * parser may move its buffer before the record ends), and a record that passes every reader check is handed over
 * as {@link #HELD}, its values in {@link #held()}: a validator tests them on those characters and builds the
 * record ({@link #buildHeld()}) only when they are not a plain row. {@code addField} stays small enough for the
 * JIT compiler to inline into the parser's loop. Any other record gets its strings from the copies, exactly as
 * without holding.
 *
 * <p>A quoted value after white space ({@code a, "b,c"}) is a quoted value ({@link CsvSyntax}), which FastCSV
 * reads as an unquoted one: the handler sees it as an unquoted field whose first character after white space
 * is a quote, and throws a {@link Reread} from {@code addField}, so that the record source reads the input again
 * from the record's start through a {@link QuoteFilter} ({@link #rereadFrom()}). It tells the source where each
 * record starts in the input (on its first field, through the {@link PrefixReader}), and, once reading through
 * the filter, skips what it had delivered already ({@link #reread(QuoteFilter, long, long)}) and rejects a
 * record with text after a closing quote, which the filter reports, with {@code MALFORMED_CSV}.
 */
final class RecordHandler extends CsvCallbackHandler<RawRecord> {

    /**
     * Thrown from {@code addField} at a quoted value after white space, which the parser read as an unquoted one:
     * the record source reads again from {@link #rereadFrom()}. Without a stack trace; FastCSV wraps it.
     */
    static final class Reread extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Reread() {
            super("a quoted value after white space", null, false, false);
        }
    }

    /** What {@link #buildRecord()} hands over for a record whose values are held: compared by identity. */
    static final RawRecord HELD = RawRecord.ofText(1, 1, new String[0], List.of());

    private static final int SLOTS = Field.values().length;
    /** A rejected value is shortened to {@link Violation#MAX_VALUE_LENGTH}; copying one more is enough. */
    private static final int VALUE_CAP = Violation.MAX_VALUE_LENGTH + 1;

    private final int columns;
    /** The slot of each column, -1 for a skipped one. */
    private final int[] slots;
    private final char delimiter;
    /** Whether a line of delimiters and white space only is a blank line: for a tab or space delimiter. */
    private final boolean whitespaceDelimiter;
    private final int maxFieldSize;
    private final int maxRecordSize;
    private final int maxFields;
    private final long maxRecords;
    /** The wording of the rejections, shared with the writer. */
    private final CsvRecordRules rules;
    /** Whether records are held ({@link #hold(boolean)}). */
    private boolean holding;
    /** The values of the record in progress, copied aside while holding records. */
    private final HeldValues held = new HeldValues(SLOTS);

    // The record in progress.
    private long line;
    /** The fields read, saturated at {@link Integer#MAX_VALUE}: a record with that many is too large to count. */
    private int fieldCount;
    private long recordChars;
    private @Nullable String @Nullable [] values;
    /** The 1-based column of each slot's value on the record's first line, 0 where unknown. */
    private int @Nullable [] valueColumns;
    /** The column where the next field starts on the record's first line, 0 once unknown. */
    private int nextColumn;
    private boolean empty;
    /** Whether every field so far is unquoted white space. */
    private boolean blank;
    private boolean comment;
    private @Nullable String firstField;
    private int oversizeField;
    private int oversizeLength;
    /** Line breaks inside the quoted fields of the record so far, to locate the field in progress. */
    private long lineBreaks;
    private boolean headerDate;
    private boolean headerName;
    private @Nullable StringBuilder headerText;
    /** Whether the record's values are held, not built; never when not holding. */
    private boolean plain;
    /** Whether the record holds a quoted value after white space that cannot be read again. */
    private boolean quoteUnreadable;

    // Reading again from a record's start (a quoted value after white space).
    /** Where the records start in the input, while the parser reads it directly; else {@code null}. */
    private @Nullable PrefixReader input;
    /** The filter the parser reads through, once reading again; else {@code null}. */
    private @Nullable QuoteFilter filter;
    /** What the parser's line numbers lack: the line the input read again starts at, less one. */
    private long lineOffset;
    /** Records and blank lines before this line were delivered already: they are read again silently. */
    private long rereadBefore;
    /** The input position and line of the current record's start, and of the record before; -1 if unknown. */
    private long recordStart = -1;
    private long recordStartLine;
    private long previousStart;
    private long previousStartLine = 1;

    // The file.
    private long records;
    private long blankLines;
    private boolean stopped;

    RecordHandler(ColumnLayout layout, CsvLimits limits, char delimiter) {
        this.columns = layout.size();
        this.slots = new int[columns];
        for (int i = 0; i < columns; i++) {
            Field field = layout.field(i);
            slots[i] = field == null ? -1 : field.ordinal();
        }
        this.delimiter = delimiter;
        this.whitespaceDelimiter = Trim.isWhitespace(delimiter);
        this.maxFieldSize = limits.maxFieldSize();
        this.maxRecordSize = limits.maxRecordSize();
        this.maxFields = limits.maxFieldsPerRecord();
        this.maxRecords = limits.maxRecords();
        this.rules = new CsvRecordRules(layout, delimiter, limits);
    }

    @Override
    protected RecordType getRecordType() {
        return RecordType.DATA;
    }

    @Override
    protected int getFieldCount() {
        return fieldCount;
    }

    @Override
    protected void beginRecord(long startingLineNumber) {
        line = startingLineNumber + lineOffset;
        fieldCount = 0;
        recordChars = 0;
        values = null;
        valueColumns = null;
        nextColumn = 1;
        empty = false;
        blank = true;
        comment = false;
        firstField = null;
        oversizeField = -1;
        lineBreaks = 0;
        quoteUnreadable = false;
        plain = holding;
        held.clear();
        if (records == 0) {
            headerDate = false;
            headerName = false;
            headerText = new StringBuilder();
        }
    }

    @Override
    protected void addField(char[] buf, int offset, int len, boolean quoted) {
        // Called for every field: the rare cases are methods of their own, so that the JIT compiler inlines
        // this one into the parser's loop (it does not inline a method of more than 325 bytecodes).
        int index = fieldCount;
        if (index != Integer.MAX_VALUE) {
            fieldCount = index + 1;
        }
        recordChars += len;
        int column = nextColumn;
        int start = offset;
        int end = offset + len;
        if (quoted) {
            if (len > 0) {
                lineBreaks += countLineBreaks(buf, offset, end);
            }
            blank = false;
            // Doubled quotes and line breaks inside make the raw length differ from len: columns stop here.
            nextColumn = 0;
        } else {
            start = Trim.start(buf, start, end);
            if (start > offset) {
                whiteSpaceFirst(buf, offset, start, end);
            }
            end = Trim.end(buf, start, end);
            blank &= start == end;
            nextColumn = column == 0 ? 0 : column + len + 1;
        }
        if (index == 0) {
            firstField(buf, offset, start, end, len, quoted);
        }
        if (records == 0 || len > maxFieldSize) {
            unusualField(buf, offset, len, index);
        }
        int slot = index < columns ? slots[index] : -1;
        if (slot >= 0 && len <= maxFieldSize && recordChars <= maxRecordSize) {
            // A quoted field's column is its quote's: offset is past it, start is offset.
            int valueColumn = column == 0 ? 0 : column + start - offset;
            if (plain) {
                held.hold(slot, buf, start, end, valueColumn);
            } else {
                store(slot, new String(buf, start, end - start), valueColumn);
            }
        }
    }

    /**
     * Reads what the first field tells about the record: whether it is a comment, and, when its value is not kept
     * in a slot, the start of it for messages; and where the record starts in the input, for reading it again.
     */
    private void firstField(char[] buf, int offset, int start, int end, int len, boolean quoted) {
        comment = !quoted && isComment(buf, start, end);
        if (columns == 0 || slots[0] < 0 || len > maxFieldSize || len > maxRecordSize) {
            firstField = new String(buf, start, Math.min(end - start, VALUE_CAP));
        }
        // A quoted field's offset is past its opening quote.
        recordStarts(buf, quoted ? offset - 1 : offset);
    }

    /** Notes where the record in progress starts in the input (its first field's first character). */
    private void recordStarts(char[] buf, int index) {
        PrefixReader in = input;
        if (in != null) {
            if (recordStart >= 0) {
                previousStart = recordStart;
                previousStartLine = recordStartLine;
            }
            recordStart = in.positionOf(buf, index);
            recordStartLine = line;
            in.keepFrom(previousStart);
        }
    }

    /**
     * An unquoted field that starts with white space: when a quote follows it, a quoted value after white space,
     * which the parser read as an unquoted field. Then the input is read again from the record's start, through a
     * filter, when it can be read again from there; else the record is refused and reading stops, as its fields
     * and the records after it cannot be trusted.
     */
    private void whiteSpaceFirst(char[] buf, int offset, int start, int end) {
        if (start == end || buf[start] != '"' || filter != null) {
            // Through the filter, only after more white space than a field may hold: the record is too large.
            return;
        }
        if (fieldCount == 1) {
            // The record's first field: its start is noted here, as the handler stops before it would be.
            recordStarts(buf, offset);
        }
        PrefixReader in = input;
        if (in != null && recordStart >= 0 && in.canReplayFrom(recordStart)) {
            throw new Reread();
        }
        quoteUnreadable = true;
    }

    /**
     * Returns where to read the input again from: the start of the record in progress when its first field was
     * read, else the start of the record before it (the records in between, already delivered, are read again
     * silently).
     *
     * @return the position and the line it is at, or {@code null} when the input cannot be read again from there
     */
    long @Nullable [] rereadFrom() {
        PrefixReader in = input;
        if (in == null) {
            return null;
        }
        long start = fieldCount > 0 ? recordStart : previousStart;
        long startLine = fieldCount > 0 ? recordStartLine : previousStartLine;
        return start >= 0 && in.canReplayFrom(start) ? new long[] {start, startLine} : null;
    }

    /**
     * Reads on through a filter, from the start of a record: the parser's lines start at 1 again, and what comes
     * before the record in progress was delivered already.
     *
     * @param quoteFilter the filter the parser reads through
     * @param startLine   the line the filtered text starts at
     * @param before      the line of the record in progress: records and blank lines before it are skipped
     */
    void reread(QuoteFilter quoteFilter, long startLine, long before) {
        input = null;
        filter = quoteFilter;
        lineOffset = startLine - 1;
        rereadBefore = before;
    }

    /**
     * Sets the input the parser reads directly, which locates records for reading them again.
     *
     * @param in the input
     */
    void input(PrefixReader in) {
        input = in;
    }

    /** Returns the first field's value, for the messages of a rejected record. */
    private @Nullable String firstFieldValue() {
        @Nullable String[] slotValues = values;
        return firstField != null || slotValues == null || columns == 0 || slots[0] < 0 ? firstField
                : slotValues[slots[0]];
    }

    /** Ends the plain state of the record: the values held aside become strings, as if never held. */
    private void releaseHeld() {
        plain = false;
        for (int slot = 0; slot < SLOTS; slot++) {
            if (held.has(slot)) {
                store(slot, held.string(slot), held.column(slot));
            }
        }
        held.clear();
    }

    /** A field of the first record (for the header heuristic), or one past {@code maxFieldSize}. */
    private void unusualField(char[] buf, int offset, int len, int index) {
        if (records == 0) {
            firstRecordField(buf, offset, offset + len, index);
        }
        if (len > maxFieldSize && oversizeField < 0) {
            oversizeField = index;
            oversizeLength = len;
        }
    }

    private void store(int slot, String value, int column) {
        @Nullable String[] slotValues = values;
        if (slotValues == null) {
            slotValues = new String[SLOTS];
            values = slotValues;
            valueColumns = new int[SLOTS];
        }
        slotValues[slot] = value;
        Objects.requireNonNull(valueColumns)[slot] = column;
    }

    /** Collects what the header heuristic needs from a field of the first record. */
    private void firstRecordField(char[] buf, int from, int to, int index) {
        headerDate |= HeaderNames.isDateShaped(buf, from, to);
        headerName |= HeaderNames.isKnownName(buf, from, to);
        StringBuilder text = headerText;
        if (text != null && text.length() < VALUE_CAP) {
            if (index > 0) {
                text.append(delimiter);
            }
            int start = Trim.start(buf, from, to);
            text.append(buf, start, Math.min(Trim.end(buf, start, to) - start, VALUE_CAP));
        }
    }

    /**
     * Sets the count of fields of the record in progress, for tests of counts near {@link Integer#MAX_VALUE}
     * without 2 GiB of delimiters.
     *
     * @param count the fields read so far
     */
    void countFieldsFrom(int count) {
        fieldCount = count;
    }

    @Override
    protected void setComment(char[] buf, int offset, int len) {
        // Never called: comments are detected on the first field (CommentStrategy.NONE).
        comment = true;
        fieldCount = 1;
    }

    @Override
    protected void setEmpty() {
        empty = true;
    }

    @Override
    protected @Nullable RawRecord buildRecord() {
        if (line < rereadBefore) {
            // Delivered before the input was read again.
            QuoteFilter quoteFilter = filter;
            if (quoteFilter != null) {
                quoteFilter.take(line + lineBreaks);
            }
            return null;
        }
        if (empty || (blank && (fieldCount == 1 || whitespaceDelimiter))) {
            blankLines++;
            return null;
        }
        long record = ++records;
        if (plain) {
            if (firstRejection(record) == Rejection.NONE && record != 1) {
                // Handed over as held: built only if asked for (buildHeld).
                held.place(line, record);
                return HELD;
            }
            // Rejected (or one of the header heuristic's): built as without holding, its values in strings, which
            // the later-header rule reads.
            releaseHeld();
        }
        return build(record);
    }

    /**
     * Builds the record handed over as {@link #HELD}, from its values held: the record the parser would have
     * delivered without holding. Only before the next record begins.
     *
     * @return the record
     */
    RawRecord buildHeld() {
        releaseHeld();
        return build(records);
    }

    /** Builds the record just ended, its values in strings: the record, or its rejection. */
    private RawRecord build(long record) {
        @Nullable String[] slotValues = values;
        return switch (firstRejection(record)) {
            case NONE -> RawRecord.ofText(line, record, slotValues == null ? new String[SLOTS] : slotValues,
                    valueColumns, List.of());
            case TOO_MANY_RECORDS -> {
                stopped = true;
                yield reject(rules.tooManyRecords(line, record, maxRecords));
            }
            case TEXT_AFTER_QUOTE -> {
                QuoteFilter quoteFilter = Objects.requireNonNull(filter);
                QuoteFilter.Event event = Objects.requireNonNull(quoteFilter.take(line + lineBreaks));
                yield RawRecord.rejected(line, record, List.of(new Violation(ViolationCode.MALFORMED_CSV,
                        ViolationCode.MALFORMED_CSV.defaultSeverity(), event.line(), event.column(), record, null,
                        null, "field " + event.field() + " (line " + event.line() + ", column " + event.column()
                                + ") has text after its closing quote: a quoted field must end at the delimiter or"
                                + " the line end; quote the whole value and double the quotes inside it, e.g."
                                + " \"a \"\"b\"\" c\"; the record is skipped, reading goes on with the next one")));
            }
            case QUOTE_UNREADABLE -> {
                stopped = true;
                yield reject(Violation.of(ViolationCode.MALFORMED_CSV, line, record, null, firstFieldValue(),
                        "a quoted value after white space (, \"…\") in a record too large to be read again: write"
                        + " the quote right after the delimiter; reading stops here"));
            }
            case COMMENT -> reject(Violation.of(ViolationCode.COMMENT_LINE, line, record, null, firstFieldValue(),
                    "the record is a comment line (its first field begins with # or //): the file cannot contain"
                    + " comments; remove the line"));
            case FIRST_HEADER -> reject(rules.firstHeader(line, record, headerText == null ? null
                    : headerText.toString()));
            case LATER_HEADER -> reject(rules.laterHeader(line, record,
                    rules.valuesText(Objects.requireNonNull(slotValues))));
            case UNCOUNTED_FIELDS -> reject(rules.uncountedFields(line, record));
            case FIELD_COUNT -> reject(rules.fieldCount(line, record, firstFieldValue(), fieldCount));
            case FIELD_TOO_LARGE -> reject(rules.fieldTooLarge(line, record, oversizeField, oversizeLength));
            case TOO_MANY_FIELDS -> reject(rules.tooManyFields(line, record, fieldCount));
            case RECORD_TOO_LARGE -> reject(rules.recordTooLarge(line, record, recordChars));
        };
    }

    /** Why the record just ended is rejected, the first reason in the order they are checked; or none. */
    private enum Rejection {
        NONE,
        TOO_MANY_RECORDS,
        TEXT_AFTER_QUOTE,
        QUOTE_UNREADABLE,
        COMMENT,
        FIRST_HEADER,
        LATER_HEADER,
        UNCOUNTED_FIELDS,
        FIELD_COUNT,
        FIELD_TOO_LARGE,
        TOO_MANY_FIELDS,
        RECORD_TOO_LARGE
    }

    /**
     * The first reason to reject the record just ended, or {@link Rejection#NONE}: the one list of the reader's
     * record rules, which both a plain row (counted only when there is none) and a built record go through. It
     * changes nothing: the text-after-quote event stays held until the record is built.
     */
    private Rejection firstRejection(long record) {
        @Nullable String[] slotValues = values;
        if (record > maxRecords) {
            return Rejection.TOO_MANY_RECORDS;
        } else if (hasTextAfterQuote()) {
            return Rejection.TEXT_AFTER_QUOTE;
        } else if (quoteUnreadable) {
            return Rejection.QUOTE_UNREADABLE;
        } else if (comment) {
            return Rejection.COMMENT;
        } else if (record == 1 && headerName && !headerDate) {
            return Rejection.FIRST_HEADER;
        } else if (record > 1 && slotValues != null && CsvRecordRules.isLaterHeader(slotValues)) {
            return Rejection.LATER_HEADER;
        } else if (fieldCount == Integer.MAX_VALUE) {
            // Counted no further: a RECORD_TOO_LARGE of its own, whatever the layout and the limit.
            return Rejection.UNCOUNTED_FIELDS;
        } else if (fieldCount != columns) {
            return Rejection.FIELD_COUNT;
        } else if (oversizeField >= 0) {
            return Rejection.FIELD_TOO_LARGE;
        } else if (fieldCount > maxFields) {
            return Rejection.TOO_MANY_FIELDS;
        } else if (recordChars > maxRecordSize) {
            return Rejection.RECORD_TOO_LARGE;
        }
        return Rejection.NONE;
    }

    /** Whether the filter found text after a closing quote in the record. */
    private boolean hasTextAfterQuote() {
        QuoteFilter quoteFilter = filter;
        return quoteFilter != null && quoteFilter.hasEvent(line + lineBreaks);
    }

    private RawRecord reject(Violation violation) {
        return RawRecord.rejected(line, violation.record(), List.of(violation));
    }

    /**
     * Returns whether a trimmed first field makes its record a comment: it begins with {@code #}, or with
     * {@code //} followed by white space or nothing ({@code //cdn.domain.tld/p} is a URL without scheme).
     */
    private static boolean isComment(char[] buf, int start, int end) {
        if (start == end) {
            return false;
        }
        if (buf[start] == '#') {
            return true;
        }
        return end - start >= 2 && buf[start] == '/' && buf[start + 1] == '/'
                && (end - start == 2 || Trim.isWhitespace(buf[start + 2]));
    }

    private static int countLineBreaks(char[] buf, int from, int to) {
        // Most quoted values hold no line break: one comparison a character up to the first control character.
        int first = from;
        while (first < to && buf[first] > '\r') {
            first++;
        }
        int breaks = 0;
        for (int i = first; i < to; i++) {
            char c = buf[i];
            if (c == '\n') {
                breaks++;
            } else if (c == '\r') {
                breaks++;
                if (i + 1 < to && buf[i + 1] == '\n') {
                    i++;
                }
            }
        }
        return breaks;
    }

    /**
     * Returns the line where the record in progress starts.
     *
     * @return the 1-based line, or 1 before the first record
     */
    long line() {
        return Math.max(1, line);
    }

    /**
     * Returns the line where the field in progress starts: the record's line plus the line breaks of the
     * quoted fields before it.
     *
     * @return the 1-based line
     */
    long fieldLine() {
        return line() + lineBreaks;
    }

    /**
     * Returns the column where the field in progress starts, on its line ({@link #fieldLine()}).
     *
     * @return the 1-based column, or 0 when unknown (a quoted field before it on the record's first line)
     */
    int fieldColumn() {
        return lineBreaks == 0 ? nextColumn : 0;
    }

    /**
     * Returns the 1-based number of the field in progress, the one the parser has not delivered yet.
     *
     * @return the field number
     */
    int fieldInProgress() {
        return fieldCount + 1;
    }

    /**
     * Returns the number of records delivered, rejected ones included.
     *
     * @return the records
     */
    long records() {
        return records;
    }

    /**
     * Returns the number of blank lines skipped.
     *
     * @return the blank lines
     */
    long blankLines() {
        return blankLines;
    }

    /**
     * From the next record on, holds the values of each record that passes the reader's checks and hands it over
     * as {@link #HELD}, or builds every record.
     *
     * @param hold whether to hold records
     */
    void hold(boolean hold) {
        holding = hold;
    }

    /**
     * Returns the values of the record handed over as {@link #HELD}, with its line and number.
     *
     * @return the values held
     */
    HeldValues held() {
        return held;
    }

    /**
     * Returns whether the last record delivered ends reading (past {@code maxRecords}).
     *
     * @return {@code true} when reading must stop
     */
    boolean stopped() {
        return stopped;
    }
}
