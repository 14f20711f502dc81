package org.conversionkit.validation.internal;

import java.time.LocalDate;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.jspecify.annotations.Nullable;

/** The {@code EMPTY_FILE} warning of an input without records, worded once for the validators and the writers. */
public final class EmptyInput {

    private EmptyInput() {
    }

    /**
     * Returns the warning of a conversion file without records.
     *
     * @param blankLines the blank lines the file holds
     * @return the warning, line and record 0
     */
    public static Violation conversionFile(long blankLines) {
        return Violation.ofFile(ViolationCode.EMPTY_FILE, null, blankLines == 0
                ? "the file holds no records: check that the export wrote its rows"
                : "the file holds no records, only " + blankLines + " blank line" + (blankLines == 1 ? "" : "s")
                        + ": check that the export wrote its rows");
    }

    /**
     * Returns the warning of a CRM feed without records.
     *
     * @param feedDate   the day of a daily feed, or {@code null} for a snapshot
     * @param blankLines the blank lines the feed holds
     * @return the warning, line and record 0
     */
    public static Violation feed(@Nullable LocalDate feedDate, long blankLines) {
        return Violation.ofFile(ViolationCode.EMPTY_FILE, null, (feedDate == null
                ? "the feed holds no records: a snapshot feed holds every order or lead"
                : "the feed holds no records: fine for a day without updates, else check the export")
                + (blankLines == 0 ? "" : " (it holds only blank lines)"));
    }
}
