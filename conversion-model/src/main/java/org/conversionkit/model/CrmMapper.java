package org.conversionkit.model;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Consumer;
import org.conversionkit.model.rules.CurrencyRule;
import org.conversionkit.model.rules.IsoDateTimeRule;
import org.conversionkit.model.rules.NumberRules;
import org.conversionkit.model.rules.Problem;
import org.jspecify.annotations.Nullable;

/**
 * Turns raw CRM records into {@link CrmRecord}s, checking every field rule of a single record.
 *
 * <p>The reader's violations are passed on first; a record it rejected gets nothing more. Then:
 * the id, {@code createdAt} and {@code updatedAt} are required ({@code FIELD_MISSING}); the id is a
 * string or an integer; the dates are RFC 3339 date-times or dates ({@code DATE_FORMAT},
 * {@code DATE_INVALID}, the {@code DATE_TIME_SEPARATOR} warning; see {@link IsoDateTimeRule}) and {@code updatedAt} is
 * not provably before {@code createdAt} ({@code UPDATED_BEFORE_CREATED}: reported only when every time
 * {@code updatedAt} can name is before every time {@code createdAt} can, values without an offset read in the
 * profile's feed zone when it sets one; see {@link CrmDateTime#isBefore(CrmDateTime)}); when present,
 * {@code currency} is an ISO 4217 code ({@code CURRENCY_CODE}), {@code total} a JSON number, {@code status} and
 * {@code userId} strings (an integer user id is accepted) ({@code FIELD_TYPE}). Rules across records (duplicates, the
 * daily feed's date) belong to the feed validator.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CrmMapper {

    private final String idField;
    private final @Nullable ZoneId zone;

    private CrmMapper(String idField, @Nullable ZoneId zone) {
        this.idField = idField;
        this.zone = zone;
    }

    /**
     * Returns a mapper whose id field is {@code orderId}.
     *
     * @return the mapper
     */
    public static CrmMapper standard() {
        return of(CrmField.DEFAULT_ID_FIELD);
    }

    /**
     * Returns a mapper for records whose id field has the given name ({@code leadId}, ...), dates taken as written.
     *
     * @param idField the name of the id field
     * @return the mapper
     * @throws IllegalArgumentException if the name is blank or names another CRM field
     */
    public static CrmMapper of(String idField) {
        return new CrmMapper(CrmProfile.checkIdField(idField), null);
    }

    /**
     * Returns the mapper of a profile's records.
     *
     * @param profile the profile, whose id field the mapper reads and in whose feed zone it reads values without an
     *                offset
     * @return the mapper
     */
    public static CrmMapper of(CrmProfile profile) {
        return new CrmMapper(profile.idField(), profile.feedZone());
    }

    /**
     * Returns the name of the id field.
     *
     * @return e.g. {@code "orderId"}
     */
    public String idField() {
        return idField;
    }

    /**
     * Returns the name a field has in this mapper's feeds.
     *
     * @param field the field
     * @return the id field's configured name, or the field's fixed name
     */
    public String nameOf(CrmField field) {
        return field == CrmField.ID ? idField : field.defaultName();
    }

    /**
     * Maps a record, reporting every violation to the sink.
     *
     * @param record the raw record
     * @param sink   receives the record's violations, in order
     * @return the CRM record, or {@code null} when the record has an error
     */
    public @Nullable CrmRecord map(RawRecord record, Consumer<? super Violation> sink) {
        boolean ok = true;
        for (Violation violation : record.violations()) {
            sink.accept(violation);
            ok &= !violation.isError();
        }
        if (!ok) {
            return null;
        }
        String id = record.value(CrmField.ID.ordinal());
        ValueKind idKind = record.kind(CrmField.ID.ordinal());
        if (id == null || id.isBlank()) {
            ok = report(record, CrmField.ID, id, new Problem(ViolationCode.FIELD_MISSING, idField
                    + " is missing: every record needs its unique id"), sink);
        } else if (idKind != ValueKind.STRING && idKind != ValueKind.INTEGER) {
            ok = report(record, CrmField.ID, id, typeProblem(CrmField.ID, "a string", idKind), sink);
        }
        CrmDateTime createdAt = dateTime(record, CrmField.CREATED_AT, sink);
        CrmDateTime updatedAt = dateTime(record, CrmField.UPDATED_AT, sink);
        ok &= createdAt != null && updatedAt != null;
        if (createdAt != null && updatedAt != null
                && (zone == null ? updatedAt.isBefore(createdAt) : updatedAt.isBefore(createdAt, zone))) {
            ok &= report(record, CrmField.UPDATED_AT, record.value(CrmField.UPDATED_AT.ordinal()),
                    new Problem(ViolationCode.UPDATED_BEFORE_CREATED, "updatedAt " + Violation.shorten(record.value(
                            CrmField.UPDATED_AT.ordinal())) + " is earlier than createdAt " + Violation.shorten(
                            record.value(CrmField.CREATED_AT.ordinal())) + (zone == null ? "" : " in " + zone)
                            + ": a record cannot change before it exists; check both timestamps and their offsets"),
                    sink);
        }
        String currency = record.value(CrmField.CURRENCY.ordinal());
        ValueKind currencyKind = record.kind(CrmField.CURRENCY.ordinal());
        if (currency != null) {
            ok &= report(record, CrmField.CURRENCY, currency, currencyKind == ValueKind.STRING
                    ? CurrencyRule.check(currency) : typeProblem(CrmField.CURRENCY, "a string", currencyKind), sink);
        }
        String total = record.value(CrmField.TOTAL.ordinal());
        ValueKind totalKind = record.kind(CrmField.TOTAL.ordinal());
        if (total != null) {
            Problem problem;
            if (totalKind == ValueKind.STRING) {
                problem = new Problem(ViolationCode.FIELD_TYPE, "total must be a JSON number such as 96.12, not the"
                        + " string \"" + Violation.shorten(total)
                        + "\": a string would make the warehouse column a STRING");
            } else if (totalKind != null && totalKind.isNumber()) {
                problem = NumberRules.checkJsonNumber("total", total);
            } else {
                problem = typeProblem(CrmField.TOTAL, "a number", totalKind);
            }
            ok &= report(record, CrmField.TOTAL, total, problem, sink);
        }
        ok &= checkText(record, CrmField.STATUS, false, sink);
        ok &= checkText(record, CrmField.USER_ID, true, sink);
        if (!ok) {
            return null;
        }
        return new CrmRecord(Objects.requireNonNull(id), Objects.requireNonNull(createdAt),
                Objects.requireNonNull(updatedAt), currency, total == null ? null : new BigDecimal(total),
                record.value(CrmField.STATUS.ordinal()), record.value(CrmField.USER_ID.ordinal()), record.extras());
    }

    private @Nullable CrmDateTime dateTime(RawRecord record, CrmField field, Consumer<? super Violation> sink) {
        String value = record.value(field.ordinal());
        ValueKind kind = record.kind(field.ordinal());
        String name = nameOf(field);
        if (kind == null || kind == ValueKind.STRING) {
            return IsoDateTimeRule.parse(name, value, problem -> report(record, field, value, problem, sink));
        }
        Problem problem = kind.isNumber()
                ? new Problem(ViolationCode.DATE_FORMAT, name + " " + Violation.shorten(value)
                        + " is a number, not an RFC 3339 date-time: write it as a string such as"
                        + " \"2020-01-10T10:15:30Z\" (epoch timestamps are not ISO 8601)")
                : typeProblem(field, "a string", kind);
        report(record, field, value, problem, sink);
        return null;
    }

    private boolean checkText(RawRecord record, CrmField field, boolean integerAllowed,
            Consumer<? super Violation> sink) {
        ValueKind kind = record.kind(field.ordinal());
        if (kind == null || kind == ValueKind.STRING || (integerAllowed && kind == ValueKind.INTEGER)) {
            return true;
        }
        return report(record, field, record.value(field.ordinal()), typeProblem(field, "a string", kind), sink);
    }

    private Problem typeProblem(CrmField field, String expected, @Nullable ValueKind kind) {
        return new Problem(ViolationCode.FIELD_TYPE, nameOf(field) + " must be " + expected + ", not a JSON "
                + String.valueOf(kind).toLowerCase(java.util.Locale.ROOT));
    }

    private boolean report(RawRecord record, CrmField field, @Nullable String value, @Nullable Problem problem,
            Consumer<? super Violation> sink) {
        if (problem == null) {
            return true;
        }
        Violation violation = new Violation(problem.code(), problem.code().defaultSeverity(), record.line(),
                record.column(field.ordinal()), record.record(), nameOf(field), value, problem.message());
        sink.accept(violation);
        return !violation.isError();
    }
}
