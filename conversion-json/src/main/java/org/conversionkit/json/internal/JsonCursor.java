package org.conversionkit.json.internal;

import java.math.BigInteger;
import java.util.Objects;
import org.conversionkit.json.JsonLimits;
import org.conversionkit.model.CrmField;
import org.conversionkit.model.Field;
import org.conversionkit.model.ValueKind;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * What an {@link ObjectHandler} reads a record's object through, and all it reads: the parser's tokens, names and
 * values, and the checks every value must pass (the record's size at every token, {@code maxStringLength}). A
 * handler never holds the parser, which strict NDJSON replaces after a rejected line, nor the record source: the
 * source sets the cursor on its parser and on the start of each record, and turns what the handler throws
 * ({@link StopReading}, the parser's exceptions) into the record's violation.
 *
 * <p>Each method hands on to one call of the parser, or does one check: the handlers' loops are the hot path of
 * JSON reading, and the JIT compiler inlines these calls into them.
 */
public final class JsonCursor {

    /** The slot of a conversion row's url ({@link ConversionObjects}). */
    private static final int URL_SLOT = Field.URL.ordinal();
    /** The slot of a CRM record's id ({@link CrmObjects}). */
    private static final int ID_SLOT = CrmField.ID.ordinal();

    private final JsonRecordSource source;
    private final JsonLimits limits;
    /** {@code maxRecordSize}, plus the most the parser reads ahead of what it has parsed. */
    private final long hardRecordBound;
    private @Nullable JsonParser parser;
    private @Nullable ReadAhead counter;
    /** The count of characters (bytes) read where the current record starts. */
    private long recordBase;
    /** Whether the handler may hold a record's values rather than build it. */
    private boolean holding;

    JsonCursor(JsonRecordSource source, JsonLimits limits, long hardRecordBound) {
        this.source = source;
        this.limits = limits;
        this.hardRecordBound = hardRecordBound;
    }

    /** Sets the parser and the count of what it read; the source does, when it opens or replaces a parser. */
    void use(@Nullable JsonParser parser, @Nullable ReadAhead counter) {
        this.parser = parser;
        this.counter = counter;
    }

    /** Marks the start of a record: the count of what was read so far. */
    void startRecord(long base) {
        recordBase = base;
    }

    /** Returns the count of what was read where the current record starts. */
    long recordBase() {
        return recordBase;
    }

    /** Lets a handler hold a record's values rather than build it ({@link ObjectHandler#HELD}). */
    void hold(boolean hold) {
        holding = hold;
    }

    private JsonParser parser() {
        return Objects.requireNonNull(parser);
    }

    /**
     * Returns whether the handler may hold a record's values rather than build it: a record whose values are
     * all text (strings, and numbers of a kind their field takes) and that the reader reports nothing on.
     *
     * @return {@code true} while holding
     */
    public boolean holding() {
        return holding;
    }

    /**
     * Returns the limits.
     *
     * @return the limits
     */
    public JsonLimits limits() {
        return limits;
    }

    /**
     * Moves to the next key of the object, as {@link JsonParser#nextName()}.
     *
     * @return the key, or {@code null} when the object ends
     */
    public @Nullable String nextName() {
        return parser().nextName();
    }

    /**
     * Moves to the next token, as {@link JsonParser#nextToken()}. Inside a record's object, where handlers read,
     * the input does not run out: its end there is a syntax error, which the parser throws.
     *
     * @return the token
     */
    public JsonToken nextToken() {
        return parser().nextToken();
    }

    /**
     * Returns the key of the value the cursor stands on.
     *
     * @return the key, or {@code null} outside an object
     */
    public @Nullable String currentName() {
        return parser().currentName();
    }

    /**
     * Returns the text of the scalar the cursor stands on, as {@link JsonParser#getString()}.
     *
     * @return the text
     */
    public String getString() {
        return parser().getString();
    }

    /**
     * Returns the buffer that holds the text of the scalar the cursor stands on, valid until it moves.
     *
     * @return the characters
     */
    public char[] getStringCharacters() {
        return parser().getStringCharacters();
    }

    /**
     * Returns where the text starts in {@link #getStringCharacters()}.
     *
     * @return the offset
     */
    public int getStringOffset() {
        return parser().getStringOffset();
    }

    /**
     * Returns the length of the text in {@link #getStringCharacters()}.
     *
     * @return the length
     */
    public int getStringLength() {
        return parser().getStringLength();
    }

    /**
     * Returns the type the parser gives the number the cursor stands on.
     *
     * @return the type
     */
    public JsonParser.NumberType getNumberType() {
        return parser().getNumberType();
    }

    /**
     * Returns the integer the cursor stands on, which fits 64 bits.
     *
     * @return the value
     */
    public long getLongValue() {
        return parser().getLongValue();
    }

    /**
     * Returns the integer the cursor stands on.
     *
     * @return the value
     */
    public BigInteger getBigIntegerValue() {
        return parser().getBigIntegerValue();
    }

    /**
     * Returns the line of the token the cursor stands on, in 64 bits.
     *
     * @return the 1-based line
     */
    public long tokenLine() {
        return source.lineOf(tokenLocation());
    }

    /**
     * Returns the column of the token the cursor stands on, or 0 when unknown.
     *
     * @return the 1-based column, or 0
     */
    public long tokenColumn() {
        return source.columnOf(tokenLocation());
    }

    private TokenStreamLocation tokenLocation() {
        return parser().currentTokenLocation();
    }

    /**
     * Ends reading when the current record has grown clearly past {@code maxRecordSize}: called by
     * handlers after every token, at the cost of a field read, so that values skipped unread are
     * bounded too.
     */
    public void checkSize() {
        if (Objects.requireNonNull(counter).count() - recordBase > hardRecordBound) {
            throw StopReading.limit(recordTooLarge(limits));
        }
    }

    /** The message of a record past {@code maxRecordSize}. */
    static String recordTooLarge(JsonLimits limits) {
        return "the record is larger than maxRecordSize (" + limits.maxRecordSize() + ") allows";
    }

    /**
     * Skips the value the cursor stands on, checking the record's size at every token.
     *
     * @param token the value's first token
     */
    public void skipValue(JsonToken token) {
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
            return;
        }
        JsonParser p = parser();
        int depth = 1;
        while (depth > 0) {
            JsonToken next = p.nextToken();
            checkSize();
            if (next == null) {
                return;
            }
            if (next.isStructStart()) {
                depth++;
            } else if (next.isStructEnd()) {
                depth--;
            }
        }
    }

    /**
     * Returns the text of the string the parser stands on, checking {@code maxStringLength}, which the
     * parser checks exactly only when it builds a string itself. (Comparing the text with the slot's
     * last value to reuse that string, for values that repeat from row to row, measured slower than
     * building the string.)
     *
     * @return the text
     */
    private String string() {
        JsonParser p = parser();
        int length = p.getStringLength();
        if (length > limits.maxStringLength()) {
            throw StopReading.limit(JsonErrors.stringTooLong(limits));
        }
        return new String(p.getStringCharacters(), p.getStringOffset(), length);
    }

    /**
     * Reads the scalar value the parser stands on into a slot, as written and with its kind; an
     * object or array is skipped and stands as {@code {…}} or {@code […]}; {@code null} is absent.
     *
     * @param token  the value's first token
     * @param slot   the slot
     * @param values the values by slot
     * @param kinds  the kinds by slot
     */
    public void readSlot(JsonToken token, int slot, @Nullable String[] values, @Nullable ValueKind[] kinds) {
        JsonParser p = parser();
        switch (token) {
            case VALUE_STRING -> {
                // The parser checks the length of a url or an id itself as it builds the string.
                values[slot] = slot == URL_SLOT || slot == ID_SLOT ? p.getString() : string();
                kinds[slot] = ValueKind.STRING;
            }
            case VALUE_NUMBER_INT -> {
                values[slot] = p.getString();
                kinds[slot] = ValueKind.INTEGER;
            }
            case VALUE_NUMBER_FLOAT -> {
                values[slot] = p.getString();
                kinds[slot] = ValueKind.DECIMAL;
            }
            case VALUE_TRUE -> {
                values[slot] = "true";
                kinds[slot] = ValueKind.BOOLEAN;
            }
            case VALUE_FALSE -> {
                values[slot] = "false";
                kinds[slot] = ValueKind.BOOLEAN;
            }
            case START_OBJECT -> {
                skipValue(token);
                values[slot] = "{…}";
                kinds[slot] = ValueKind.OBJECT;
            }
            case START_ARRAY -> {
                skipValue(token);
                values[slot] = "[…]";
                kinds[slot] = ValueKind.ARRAY;
            }
            default -> {
                values[slot] = null;
                kinds[slot] = null;
            }
        }
    }
}
