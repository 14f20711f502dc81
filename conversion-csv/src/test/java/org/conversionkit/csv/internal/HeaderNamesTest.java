package org.conversionkit.csv.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pieces of the header heuristic, value by value. */
class HeaderNamesTest {

    @ParameterizedTest(name = "''{0}'' date-shaped: {1}")
    @CsvSource(delimiter = '|', value = {
        "2020-09-22|true",
        "' 2020-09-22 '|true",
        "20200922|true",
        "22-09-2020|true",
        "22.09.2020|true",
        "2020/9/22|true",
        "2020-09-22T10:15:30|true",
        "123456|true",
        "10.0|false",
        "1|false",
        "2020|false",
        "date|false",
        "https://domain.tld/2020-09-22|false",
        "''|false",
    })
    void dateShape(String value, boolean expected) {
        char[] text = value.toCharArray();
        assertThat(HeaderNames.isDateShaped(text, 0, text.length)).isEqualTo(expected);
        assertThat(HeaderNames.isDateShaped(value)).as("as a string").isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' known name: {1}")
    @CsvSource(delimiter = '|', value = {
        "url|true",
        "URL|true",
        "' Date '|true",
        "Landing_Page|true",
        "landing-page|true",
        "# Transactions|true",
        "Source / Medium|true",
        "orders|true",
        "Amount|true",
        "organic|false",
        "https://domain.tld|false",
        "10.0|false",
        "''|false",
        "'   '|false",
    })
    void knownName(String value, boolean expected) {
        char[] text = value.toCharArray();
        assertThat(HeaderNames.isKnownName(text, 0, text.length)).isEqualTo(expected);
        assertThat(HeaderNames.isKnownName(value)).as("as a string").isEqualTo(expected);
    }
}
