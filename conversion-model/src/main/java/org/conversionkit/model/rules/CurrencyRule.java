package org.conversionkit.model.rules;

import java.util.Currency;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.jspecify.annotations.Nullable;

/**
 * The currency rule of CRM records: an ISO 4217 code, three upper-case letters known to
 * {@link java.util.Currency} ({@code USD}, {@code EUR}).
 */
public final class CurrencyRule {

    private static final Set<String> CODES = codes();

    private CurrencyRule() {
    }

    /**
     * Checks a currency code.
     *
     * @param value the code as written; not blank
     * @return {@code null} for a known ISO 4217 code, else a {@code CURRENCY_CODE} problem
     */
    public static @Nullable Problem check(String value) {
        if (CODES.contains(value)) {
            return null;
        }
        String upper = value.strip().toUpperCase(Locale.ROOT);
        String hint = CODES.contains(upper) ? ": write it in capitals and without spaces, " + upper
                : ": use the three-letter ISO 4217 code, e.g. USD or EUR";
        return new Problem(ViolationCode.CURRENCY_CODE, "'" + Violation.shorten(value)
                + "' is not an ISO 4217 currency code" + hint);
    }

    private static Set<String> codes() {
        Set<String> codes = new HashSet<>();
        for (Currency currency : Currency.getAvailableCurrencies()) {
            codes.add(currency.getCurrencyCode());
        }
        return Set.copyOf(codes);
    }
}
