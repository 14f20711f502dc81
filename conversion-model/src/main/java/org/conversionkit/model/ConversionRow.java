package org.conversionkit.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One row of a daily conversion export: the conversions of one page, one day, one channel.
 *
 * @param url          the page's URL as written; absolute http(s) unless the row carried a
 *                     {@code URL_NO_SCHEME} warning
 * @param date         the day of the conversions
 * @param channel      where the transactions came from, or {@code null} when absent and without default
 * @param device       the device the transactions were made on, or {@code null}
 * @param transactions the number of transactions or goals, or {@code null}
 * @param revenue      the money the transactions earned, or {@code null}
 */
public record ConversionRow(
        String url,
        LocalDate date,
        @Nullable String channel,
        @Nullable String device,
        @Nullable Long transactions,
        @Nullable BigDecimal revenue) {

    /**
     * Checks the arguments.
     *
     * @param url the page's URL as written; absolute http(s) unless the row carried a {@code URL_NO_SCHEME} warning
     * @param date the day of the conversions
     * @param channel where the transactions came from, or {@code null} when absent and without default
     * @param device the device the transactions were made on, or {@code null}
     * @param transactions the number of transactions or goals, or {@code null}
     * @param revenue the money the transactions earned, or {@code null}
     */
    public ConversionRow {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(date, "date");
        if (url.isBlank()) {
            throw new IllegalArgumentException("url must not be blank");
        }
    }
}
