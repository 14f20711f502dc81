package org.conversionkit.json;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.conversionkit.json.internal.NdjsonOutput;
import org.conversionkit.model.ConversionDataException;
import org.conversionkit.model.CrmField;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.CrmRecord;
import org.conversionkit.model.ExportBuilder;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.ValueKind;
import org.conversionkit.model.Violation;
import org.conversionkit.model.WritePolicy;
import org.conversionkit.model.feed.FeedRequest;
import org.conversionkit.model.internal.CrmFeedCheck;
import org.conversionkit.model.internal.Unpaired;
import org.conversionkit.model.rules.NumberRules;
import org.conversionkit.model.rules.Problem;
import org.conversionkit.validation.ValidationReport;
import org.conversionkit.validation.internal.EmptyInput;
import org.conversionkit.validation.internal.WriteGate;
import org.jspecify.annotations.Nullable;

/**
 * Writes a CRM feed as NDJSON to the caller's stream: the server side of a feed URL, one JSON object a line,
 * every record checked as it is written by the rules {@code validate --profile crm} applies to the feed.
 *
 * <pre>{@code
 * FeedRequest request = FeedRequest.ofQuery(httpRequest.getQueryString());   // date=20200120, or a snapshot
 * CrmProfile profile = request.applyTo(CrmProfile.builder().feedZone(ZoneId.of("Europe/Paris")).build());
 * try (CrmFeedWriter feed = CrmFeedWriter.builder().profile(profile).policy(WritePolicy.LEAVE_OUT)
 *         .build(response.getOutputStream())) {
 *     orders.forEach(feed::write);
 *     ValidationReport report = feed.finish();
 * }
 * }</pre>
 *
 * <p>A record is written as {@code {"orderId":"N1","createdAt":"...","updatedAt":"...","currency":"EUR",
 * "total":96.12,"status":"...","userId":"..."}} under the profile's id field, absent values left out, the
 * date-times in RFC 3339 form ({@link org.conversionkit.model.CrmDateTime#toString()}), then its extras in
 * their order. Before it is written it is checked by the same code as the feed validator: every field rule, and
 * the rules across records of the profile's feed mode (a daily feed holds only records updated on its day, in the
 * feed's zone if the profile has one; a snapshot holds each id once). A record with an error is refused, left out
 * or kept, as the {@link WritePolicy} says; under the default {@link WritePolicy#REFUSE} the feed written is valid
 * by construction. {@link #writeObject(Map)} writes a record given as a map, for feeds whose values are not yet
 * typed, checked the same way. Under every policy, a record that JSON cannot hold (a value of another type, a
 * non-finite number, an unpaired surrogate: {@link IllegalArgumentException} or an {@code ENCODING} error) or that
 * breaches the {@link JsonLimits} the feed will be read with ({@code RECORD_TOO_LARGE}) is refused.
 *
 * <p>The writer does no transport: it writes to the stream it is given, and closing the writer closes the stream
 * (as jackson-core's generator and FastCSV's writer do). Unlike a day's export, a feed has no file to withhold:
 * what is written has been sent, so a record is checked before any of its bytes are written.
 *
 * <p>A writer is single-use and not thread-safe.
 */
public final class CrmFeedWriter implements Closeable {

    private static final int SLOTS = CrmField.values().length;
    private static final CrmField[] FIELDS = CrmField.values();
    /** The name the reports give the feed, which has no file. */
    private static final String FEED = "<feed>";

    private final CrmProfile profile;
    private final WriteGate gate;
    private final CrmFeedCheck check;
    private final NdjsonOutput out;
    /** The deepest nesting the feed's reader reads: the value checks go no deeper ({@link #checkValue}). */
    private final int maxNestingDepth;
    private long given;
    private State state = State.OPEN;

    private enum State { OPEN, FAILED, FINISHED, CLOSED }

    private CrmFeedWriter(Builder builder, OutputStream stream) {
        this.profile = builder.profile;
        this.gate = new WriteGate(builder.policy, profile.strictness(), builder.maxViolations);
        this.check = new CrmFeedCheck(profile);
        this.out = new NdjsonOutput(stream, builder.limits);
        this.maxNestingDepth = builder.limits.maxNestingDepth();
    }

    /**
     * Returns a builder. Defaults: {@link CrmProfile#DEFAULT} (a snapshot feed of orders), {@link WritePolicy#REFUSE},
     * at most {@value ExportBuilder#DEFAULT_MAX_VIOLATIONS} violations listed per report.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes a record, checked first.
     *
     * @param record the record; its extras may not use the names of the checked fields
     * @return {@code true} when the record was written; {@code false} when it was left out
     *         ({@link WritePolicy#LEAVE_OUT})
     * @throws ConversionDataException  for a record with an error under {@link WritePolicy#REFUSE}: it is not
     *                                  written, and the writer goes on
     * @throws IllegalArgumentException if an extra repeats a checked field's name, or is not a JSON value
     * @throws UncheckedIOException     if writing fails; the writer is then unusable
     * @throws IllegalStateException    once finished, closed or failed
     */
    public boolean write(CrmRecord record) {
        Objects.requireNonNull(record, "record");
        Map<String, @Nullable Object> object = new LinkedHashMap<>();
        object.put(profile.nameOf(CrmField.ID), record.id());
        object.put(profile.nameOf(CrmField.CREATED_AT), record.createdAt().toString());
        object.put(profile.nameOf(CrmField.UPDATED_AT), record.updatedAt().toString());
        putPresent(object, CrmField.CURRENCY, record.currency());
        putPresent(object, CrmField.TOTAL, record.total());
        putPresent(object, CrmField.STATUS, record.status());
        putPresent(object, CrmField.USER_ID, record.userId());
        for (Map.Entry<String, @Nullable Object> extra : record.extras().entrySet()) {
            if (object.containsKey(extra.getKey()) || slotOf(extra.getKey()) >= 0) {
                throw new IllegalArgumentException("the extra '" + extra.getKey() + "' has the name of a checked"
                        + " field: give that value in its record component");
            }
            object.put(extra.getKey(), extra.getValue());
        }
        return writeObject(object);
    }

    private void putPresent(Map<String, @Nullable Object> object, CrmField field, @Nullable Object value) {
        if (value != null) {
            object.put(profile.nameOf(field), value);
        }
    }

    /**
     * Writes a record given as a map of JSON values, in the map's order, checked first as the validator checks the
     * object it reads: the checked fields by name and JSON kind (an id must be a string or an integer, a date-time
     * a string, {@code total} a number), every other entry an extra.
     *
     * @param object the record: {@link String}, {@link Number} ({@link Integer}, {@link Long}, {@link BigInteger},
     *               {@link BigDecimal}, finite {@link Double} and {@link Float}), {@link Boolean}, {@code null},
     *               and maps (with string keys) and lists of them
     * @return {@code true} when the record was written; {@code false} when it was left out
     * @throws ConversionDataException  for a record with an error under {@link WritePolicy#REFUSE}
     * @throws IllegalArgumentException if a value is not a JSON value
     * @throws UncheckedIOException     if writing fails; the writer is then unusable
     * @throws IllegalStateException    once finished, closed or failed
     */
    public boolean writeObject(Map<String, ? extends @Nullable Object> object) {
        Objects.requireNonNull(object, "object");
        checkOpen();
        long number = ++given;
        long line = gate.records() + 1;
        @Nullable String[] values = new String[SLOTS];
        @Nullable ValueKind[] kinds = new ValueKind[SLOTS];
        List<Violation> found = new ArrayList<>(0);
        Map<String, @Nullable Object> extras = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends @Nullable Object> entry : object.entrySet()) {
            String name = Objects.requireNonNull(entry.getKey(), "a key");
            Object value = entry.getValue();
            Unpaired.refuse(name, name, number);
            int slot = slotOf(name);
            // The mapper checks the checked fields' numbers; the reader checks the extras' as it reads them.
            checkValue(name, value, 2, number, line, slot >= 0 ? null : found);
            if (slot >= 0) {
                kinds[slot] = kindOf(value);
                values[slot] = value == null ? null : text(value);
            } else {
                extras.put(name, value);
            }
        }
        String breach = out.prepare(object);
        if (breach != null) {
            throw out.refusal(breach, number, true);
        }
        check.checkToWrite(RawRecord.of(line, line, values, kinds, found, extras), gate.sink());
        if (!gate.admit(number)) {
            return false;
        }
        try {
            out.commit();
        } catch (RuntimeException e) {
            fail();
            throw e;
        }
        // Only a record written is a record of the feed, for the duplicate check.
        check.written();
        return true;
    }

    /** The slot of a checked field's name under the profile, or -1 for an extra. */
    private int slotOf(String name) {
        for (CrmField field : FIELDS) {
            if (profile.nameOf(field).equals(name)) {
                return field.ordinal();
            }
        }
        return -1;
    }

    /**
     * Refuses what no JSON text can hold (another type, a non-finite number, an unpaired surrogate), and reports an
     * extra's decimal number the warehouse cannot hold as the reader does: {@code FIELD_TYPE} on the record's key
     * that holds it, however deep.
     *
     * <p>{@code depth} is the nesting of the value, the record itself being 1, as the reader counts it. A map or list
     * deeper than the reader's {@code maxNestingDepth} is not followed down: the limits' check that comes next
     * refuses the record for its nesting ({@code RECORD_TOO_LARGE}), and a caller's value nested without end (100,000
     * levels) would otherwise take this recursion past the end of the stack.
     */
    private void checkValue(String name, @Nullable Object value, int depth, long number, long line,
            @Nullable List<Violation> found) {
        if (value == null || value instanceof Boolean) {
            return;
        }
        if (value instanceof String text) {
            Unpaired.refuse(text, name, number);
        } else if (value instanceof Number) {
            String text = numberText(name, value);
            Problem problem = found == null || kindOf(value) != ValueKind.DECIMAL ? null
                    : NumberRules.checkJsonNumber(name, text);
            if (problem != null && found != null) {
                found.add(Violation.of(problem.code(), line, line, name, text, problem.message()));
            }
        } else if (value instanceof Map<?, ?> map) {
            if (depth > maxNestingDepth) {
                return;
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException(name + " holds a map with a key that is not a string: "
                            + entry.getKey());
                }
                Unpaired.refuse(key, name, number);
                checkValue(name, entry.getValue(), depth + 1, number, line, found);
            }
        } else if (value instanceof Iterable<?> list) {
            if (depth > maxNestingDepth) {
                return;
            }
            for (Object item : list) {
                checkValue(name, item, depth + 1, number, line, found);
            }
        } else {
            throw new IllegalArgumentException(name + " is not a JSON value: " + value.getClass().getName());
        }
    }

    private static String numberText(String name, Object number) {
        if (number instanceof Double || number instanceof Float) {
            double value = ((Number) number).doubleValue();
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(name + " is " + value + ", which JSON cannot hold");
            }
            return number.toString();
        }
        if (number instanceof BigDecimal decimal) {
            // As the output writes it: an exponent keeps 1E+400 short, where the plain form has 401 digits.
            return decimal.toString();
        }
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte
                || number instanceof BigInteger) {
            return number.toString();
        }
        throw new IllegalArgumentException(name + " is a " + number.getClass().getName()
                + ": give numbers as Integer, Long, BigInteger, BigDecimal, Double or Float");
    }

    /** The kind the reader gives a value. */
    private static @Nullable ValueKind kindOf(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String) {
            return ValueKind.STRING;
        }
        if (value instanceof Boolean) {
            return ValueKind.BOOLEAN;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return ValueKind.INTEGER;
        }
        if (value instanceof Number) {
            // A decimal or float is written with a point or an exponent, which the reader reads as a decimal.
            String text = value.toString();
            return text.indexOf('.') < 0 && text.indexOf('E') < 0 ? ValueKind.INTEGER : ValueKind.DECIMAL;
        }
        return value instanceof Map<?, ?> ? ValueKind.OBJECT : ValueKind.ARRAY;
    }

    /** The text the reader gives a checked field's value. */
    private static String text(Object value) {
        if (value instanceof Map<?, ?>) {
            return "{\u2026}";
        }
        if (value instanceof Iterable<?>) {
            return "[\u2026]";
        }
        return value.toString();
    }

    private void checkOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("the feed writer is " + state.name().toLowerCase(java.util.Locale.ROOT)
                    + ": write to a new one");
        }
    }

    private void fail() {
        state = State.FAILED;
        try {
            out.close();
        } catch (UncheckedIOException e) {
            // The stream failed already: nothing more can be sent.
        }
    }

    /**
     * Finishes the feed: the check of an empty feed, then flushes and closes the stream.
     *
     * @return the report of what was written: the report {@code validate --profile crm} gives on the feed
     * @throws ConversionDataException if the feed would not be valid (no record under a strict profile) and the
     *                                 policy is not {@link WritePolicy#KEEP}; the stream is closed all the same
     * @throws IOException             if the stream cannot be flushed or closed
     * @throws IllegalStateException   once finished, closed or failed
     */
    public ValidationReport finish() throws IOException {
        checkOpen();
        try {
            if (gate.records() == 0) {
                gate.fileViolation(EmptyInput.feed(profile.feedDate(), 0));
            }
            out.close();
        } catch (UncheckedIOException e) {
            state = State.FAILED;
            throw e.getCause();
        } catch (RuntimeException e) {
            fail();
            throw e;
        }
        state = State.FINISHED;
        return report();
    }

    /**
     * Returns the report of what was written so far; after {@link #finish()}, the feed's report.
     *
     * @return the report, named {@code <feed>}
     */
    public ValidationReport report() {
        return gate.report(FEED, "json", null, profile.kind(), profile.feedDate());
    }

    /**
     * Returns the report of the records left out under {@link WritePolicy#LEAVE_OUT}, located by their numbers
     * among the records given.
     *
     * @return the report; without records under the other policies
     */
    public ValidationReport leftOut() {
        return gate.leftOutReport(FEED, "json", null, profile.kind(), profile.feedDate());
    }

    /** Closes the writer and its stream; without {@link #finish()} the feed simply ends where it is. */
    @Override
    public void close() {
        if (state == State.OPEN) {
            fail();
            state = State.CLOSED;
        } else if (state != State.FINISHED) {
            state = State.CLOSED;
        }
    }

    /**
     * Builds a {@link CrmFeedWriter}; every setting applies to the feed it builds. A feed has no file, so the file
     * settings of a day's export (name, compression, replacing) are not offered: compress the stream given, as
     * the HTTP layer usually does.
     */
    public static final class Builder {

        private CrmProfile profile = CrmProfile.DEFAULT;
        private WritePolicy policy = WritePolicy.REFUSE;
        private int maxViolations = ExportBuilder.DEFAULT_MAX_VIOLATIONS;
        private JsonLimits limits = JsonLimits.DEFAULTS;

        private Builder() {
        }

        /**
         * Sets the feed's rules: its id field, its mode (a daily feed's date, {@link FeedRequest#applyTo}), its zone,
         * strictness and limits.
         *
         * @param profile default {@link CrmProfile#DEFAULT}
         * @return this builder
         */
        public Builder profile(CrmProfile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /**
         * Sets the limits of the reader the feed will be read with: a record that breaches one (a string, key or
         * number too long, nesting too deep, a record too large, a record or byte too many) would stop that reader,
         * so it is refused under every policy with a {@code RECORD_TOO_LARGE} error. Each is measured as the reader
         * measures a feed's bytes: a string or number in characters, a key in the bytes of its UTF-8.
         * ({@link JsonLimits#maxSchemaFields()} bounds schema inference, not the reading of records: as for the
         * reader, it does not apply.)
         *
         * @param limits default {@link JsonLimits#DEFAULTS}, the readers' default
         * @return this builder
         */
        public Builder limits(JsonLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Sets what a record with an error does.
         *
         * @param policy default {@link WritePolicy#REFUSE}
         * @return this builder
         */
        public Builder policy(WritePolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets how many violations each report lists; the counts stay exact past it.
         *
         * @param maxViolations at least 0; default {@value ExportBuilder#DEFAULT_MAX_VIOLATIONS}
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder maxViolations(int maxViolations) {
            if (maxViolations < 0) {
                throw new IllegalArgumentException("maxViolations must be at least 0, not " + maxViolations);
            }
            this.maxViolations = maxViolations;
            return this;
        }

        /**
         * Opens the feed on a stream.
         *
         * @param out the stream, UTF-8 NDJSON is written to it; closed with the writer
         * @return the writer; finish it, and close it
         */
        public CrmFeedWriter build(OutputStream out) {
            return new CrmFeedWriter(this, Objects.requireNonNull(out, "out"));
        }
    }
}
