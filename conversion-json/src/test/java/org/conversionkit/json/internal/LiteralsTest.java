package org.conversionkit.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The class of every string form BigQuery's detection tells apart, with the edges of each: one case a line,
 * {@code CLASS|text}; the text may hold spaces and ends at the line's end.
 */
class LiteralsTest {

    private static final Map<String, Integer> CLASSES = Map.of("STRING", Literals.STRING, "DATE", Literals.DATE,
            "TIME", Literals.TIME, "DATETIME", Literals.DATETIME, "TIMESTAMP", Literals.TIMESTAMP,
            "QUOTED_INTEGER", Literals.QUOTED_INTEGER, "QUOTED_FLOAT", Literals.QUOTED_FLOAT,
            "QUOTED_BOOLEAN", Literals.QUOTED_BOOLEAN);

    private static final String CASES = """
            TIMESTAMP|2020-01-10T10:15:30Z
            TIMESTAMP|2020-06-02 23:57:12.120174 UTC
            TIMESTAMP|2019-01-16T12:46:03 -05:00
            TIMESTAMP|2020-1-2T3:04:05Z
            TIMESTAMP|2020-01-10T10:15:30+02
            TIMESTAMP|2020-01-10T10:15:30-2:5
            TIMESTAMP|2020-01-10T10:15:30+14:00
            TIMESTAMP|2020-01-10 10:15:30UTC
            TIMESTAMP|2020-01-10T10:15:30.1Z
            TIMESTAMP|2017-05-22T17:10:00-07:00
            DATETIME|2020-01-10 10:15:30
            DATETIME|2020-01-10T10:15:30
            DATETIME|2020-01-10T10:15:30.123456
            DATETIME|2020-1-2 3:4:5
            DATETIME|2020-02-29T23:59:59
            STRING|2020-01-10T10:15:30.123456789Z
            STRING|2020-01-10T10:15:30.1234567
            STRING|2020-01-10T10:15:30+0200
            STRING|2020-01-10T10:15:30,5Z
            STRING|2020-01-10T10:15
            STRING|2020-01-10T10:15:30.Z
            STRING|2020-01-10T10:15:30+15:00
            STRING|2020-01-10T10:15:30+02:60
            STRING|2020-01-10T10:15:30  Z
            STRING|2020-01-10T10:15:30\s
            STRING|2020-01-10t10:15:30z
            STRING|2020-01-10T10:15:30 Europe/Paris
            STRING|2020-01-10T24:00:00
            STRING|2020-01-10T10:60:00
            STRING|2020-01-10T10:15:60
            STRING|2020-01-10X10:15:30
            STRING|2021-02-29T10:15:30
            DATE|2020-01-10
            DATE|2020-1-2
            DATE|2020-02-29
            DATE|2000-02-29
            DATE|0001-01-01
            DATE|9999-12-31
            STRING|2021-02-29
            STRING|1900-02-29
            STRING|2020-02-30
            STRING|2020-04-31
            STRING|2020-13-01
            STRING|2020-00-10
            STRING|2020-01-00
            STRING|0000-01-01
            QUOTED_INTEGER|20200110
            STRING|2020/01/10
            STRING|2020-01-100
            STRING|20200-01-10
            STRING|2020-001-10
            TIME|17:10:00
            TIME|10:15:30.250
            TIME|0:0:0
            TIME|23:59:59.999999
            STRING|24:00:00
            STRING|10:15
            STRING|10:15:30.1234567
            STRING|10:15:30Z
            STRING|100:15:30
            QUOTED_INTEGER|1
            QUOTED_INTEGER|+1
            QUOTED_INTEGER|-1
            QUOTED_INTEGER|00123
            QUOTED_INTEGER|9223372036854775807
            QUOTED_INTEGER|-9223372036854775808
            QUOTED_INTEGER|000000000009223372036854775807
            QUOTED_FLOAT|9223372036854775808
            QUOTED_FLOAT|-9223372036854775809
            QUOTED_FLOAT|99999999999999999999
            QUOTED_FLOAT|1.0
            QUOTED_FLOAT|1.
            QUOTED_FLOAT|.1
            QUOTED_FLOAT|-.1
            QUOTED_FLOAT|+1e1
            QUOTED_FLOAT|2.e-1
            QUOTED_FLOAT|3.3E+1
            QUOTED_FLOAT|.4e1
            STRING|.
            STRING|+
            STRING|-
            STRING|1e
            STRING|1e+
            STRING|e1
            STRING|1.2.3
            STRING|1,5
            STRING| 1
            STRING|1\s
            STRING|NaN
            STRING|Infinity
            STRING|0x1F
            QUOTED_BOOLEAN|true
            QUOTED_BOOLEAN|True
            QUOTED_BOOLEAN|FALSE
            QUOTED_BOOLEAN|fAlSe
            STRING|yes
            STRING|t
            STRING|truth
            STRING|falsey
            STRING|
            STRING|abc
            STRING|N1
            """;

    static Stream<Arguments> cases() {
        return CASES.lines().map(line -> {
            int bar = line.indexOf('|');
            return Arguments.of(line.substring(0, bar), line.substring(bar + 1));
        });
    }

    @ParameterizedTest(name = "{0} ''{1}''")
    @MethodSource("cases")
    void classifies(String expected, String text) {
        assertThat(Literals.classify(text)).isEqualTo(CLASSES.get(expected));
        // Inside a larger buffer, as the parser hands text over.
        char[] buffer = ("xx" + text + "yy").toCharArray();
        assertThat(Literals.classify(buffer, 2, text.length())).isEqualTo(CLASSES.get(expected));
    }
}
