package org.conversionkit.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** BigQuery's column names, standard and flexible: what each takes and what it refuses, and why. */
class ColumnNameRuleTest {

    @ParameterizedTest(name = "''{0}'' flexible={1}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "orderId;false;",
        "_private;false;",
        "a1_b2;false;",
        "order-id;false;letters, digits and underscores only, not '-'",
        "order-id;true;",
        "1st;false;starts with a letter or an underscore",
        "1st;true;",
        "Straße;false;not 'ß'",
        "Straße;true;",
        "total (EUR);true;cannot hold '('",
        "a.b;true;cannot hold '.'",
        "a b;false;the character U+0020",
        "a b;true;",
        "a&b=c+d:e'f<g>h#i|j;true;",
        "_TABLE_SUFFIX;false;reserves the prefix _TABLE_",
        "_partitiontime;true;reserves the prefix _PARTITION",
        "__root__x;false;reserves the prefix __ROOT__",
        "_file_name;false;reserves the prefix _FILE_",
        "_row_timestamp;false;reserves the prefix _ROW_TIMESTAMP",
        "_colon_x;false;reserves the prefix _COLON_",
        "_COLIDENTIFIER;false;reserves the prefix _COLIDENTIFIER",
        "_colidentifier_1;true;reserves the prefix _COLIDENTIFIER",
        "_change_type;false;reserves the prefix _CHANGE_TYPE",
        "_CHANGE_SEQUENCE_NUMBER;true;reserves the prefix _CHANGE_SEQUENCE_NUMBER",
        "_change_timestamp_utc;false;reserves the prefix _CHANGE_TIMESTAMP",
        "_change;false;",
        "_colid;false;",
        "``;false;an empty name",
        "``;true;an empty name",
    })
    void checks(String name, boolean flexible, String problem) {
        if (problem == null) {
            assertThat(ColumnNameRule.problem(name, flexible)).isNull();
        } else {
            assertThat(ColumnNameRule.problem(name, flexible)).contains(problem);
        }
    }

    @ParameterizedTest(name = "{0} characters")
    @CsvSource({"300, true", "301, false"})
    void atMost300Characters(int length, boolean taken) {
        assertThat(ColumnNameRule.problem("a".repeat(length), false) == null).isEqualTo(taken);
        assertThat(ColumnNameRule.problem("a".repeat(length), true) == null).isEqualTo(taken);
    }

    @Test
    void lengthIsCountedInCharactersNotChars() {
        // U+20000 is a letter (a flexible name may hold it) and two chars: 300 of them are 300 characters.
        String letter = new String(Character.toChars(0x20000));
        assertThat(ColumnNameRule.problem(letter.repeat(300), true)).isNull();
        assertThat(ColumnNameRule.problem(letter.repeat(301), true)).contains("at most 300 characters, this one 301");
        assertThat(ColumnNameRule.problem(letter.repeat(200), true)).isNull();
    }

    @ParameterizedTest(name = "U+{0}")
    @CsvSource({"0000", "0009", "007F", "FEFF"})
    void controlCharactersAreNeverTaken(String hex) {
        String name = "a" + (char) Integer.parseInt(hex, 16) + "b";
        assertThat(ColumnNameRule.problem(name, true)).contains("U+" + hex);
        assertThat(ColumnNameRule.problem(name, false)).contains("U+" + hex);
    }
}
