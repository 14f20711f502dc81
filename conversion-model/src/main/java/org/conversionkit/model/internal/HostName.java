package org.conversionkit.model.internal;

import static org.conversionkit.model.internal.Ascii.isAsciiLetter;
import static org.conversionkit.model.internal.Ascii.isDigit;

/**
 * The ASCII characters a label of a host name holds, for {@code UrlRule} and its fast path {@link PlainUrl} alike:
 * letters, digits and {@code _} (which DNS names of services hold, and browsers accept), besides {@code -}, whose
 * place in a label has rules of its own. Refusing or allowing a character is a change here and in the cases of
 * {@code UrlRuleTest}: {@code RuleDifferentialTest} holds the rule and its fast paths to each other, and compares
 * them with its model of the WHATWG host parser, which takes {@code _}, so that refusing it shows there as a
 * difference from the reference, to be written down as one.
 */
public final class HostName {

    private HostName() {
    }

    /**
     * Returns whether an ASCII character may stand anywhere in a label of a host name.
     *
     * @param c the character
     * @return {@code true} for a letter, a digit or {@code _}
     */
    public static boolean isLabelChar(int c) {
        return isAsciiLetter(c) || isDigit(c) || c == '_';
    }
}
