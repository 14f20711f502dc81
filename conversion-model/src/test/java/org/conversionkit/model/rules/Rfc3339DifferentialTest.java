package org.conversionkit.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.conversionkit.model.CrmDateTime;
import org.conversionkit.model.Severity;
import org.conversionkit.model.ViolationCode;
import org.junit.jupiter.api.Test;

/**
 * Holds {@link IsoDateTimeRule} to RFC 3339 and to {@code java.time}: every timestamp of RFC 3339 section 5.8 and
 * every generated form the RFC's grammar (section 5.6) and restrictions (section 5.7) allow is accepted, with the
 * instant {@code java.time} gives for it (read case-insensitively, the fraction cut to the nine digits it takes; a
 * leap second aside, which {@code java.time} cannot hold: there its second 59 is compared); every generated form the
 * RFC forbids is refused. The CRM contract's two additions, a date alone and a date-time without an offset, are
 * accepted with the date and wall time {@code java.time} gives; the SQL form with a space for the {@code T} is read
 * with its {@code DATE_TIME_SEPARATOR} warning. The one deliberate difference, offsets beyond ±18:00 (which the
 * grammar allows up to ±23:59, no zone uses and {@code java.time} cannot hold), is refused as {@code DATE_INVALID}.
 *
 * <p>The generator is seeded, so a failure is reproducible; the test prints how many forms it checked.
 */
class Rfc3339DifferentialTest {

    private static final int ALLOWED = 60_000;
    private static final DateTimeFormatter JAVA_TIME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME).toFormatter(Locale.ROOT);

    /** RFC 3339 section 5.8, verbatim. */
    private static final List<String> SECTION_5_8 = List.of("1985-04-12T23:20:50.52Z", "1996-12-19T16:39:57-08:00",
            "1990-12-31T23:59:60Z", "1990-12-31T15:59:60-08:00", "1937-01-01T12:00:27.87+00:20");

    @Test
    void acceptsEveryExampleOfSection58() {
        for (String example : SECTION_5_8) {
            CrmDateTime value = accepted(example);
            assertThat(value).as(example).hasToString(example);
            assertSameInstant(example, value);
        }
    }

    @Test
    void acceptsEveryGeneratedFormRfc3339AllowsWithTheInstantJavaTimeGives() {
        Random random = new Random(20261203L);
        Map<String, Integer> figures = new LinkedHashMap<>();
        for (int i = 0; i < ALLOWED; i++) {
            String form = allowed(random);
            assertSameInstant(form, accepted(form));
            figures.merge("random forms", 1, Integer::sum);
        }
        // Every offset of the range, minute by minute, and every day of a leap-year cycle and of the calendar's edges.
        for (int minutes = -18 * 60; minutes <= 18 * 60; minutes++) {
            String form = "2020-01-10T10:15:30" + offset(minutes);
            assertSameInstant(form, accepted(form));
            figures.merge("offsets", 1, Integer::sum);
        }
        for (LocalDate day : daysOf(List.of(2016, 2017, 2018, 2019, 2100, 2000, 0, 9999))) {
            String form = day + "T23:59:59.999Z";
            assertSameInstant(form, accepted(form));
            figures.merge("days", 1, Integer::sum);
        }
        // Leap seconds: at every month's end of four years, in random offsets.
        for (LocalDate day : daysOf(List.of(1972, 1990, 2016, 2024))) {
            if (day.getDayOfMonth() == day.lengthOfMonth()) {
                int minutes = random.nextInt(36 * 60 + 1) - 18 * 60;
                OffsetDateTime local = OffsetDateTime.of(day.atTime(23, 59, 59), ZoneOffset.UTC)
                        .withOffsetSameInstant(ZoneOffset.ofTotalSeconds(minutes * 60));
                String form = local.toLocalDateTime().toString().substring(0, 17) + "60" + fraction(random)
                        + offset(minutes);
                CrmDateTime value = accepted(form);
                assertThat(value.leapSecond()).as(form).isTrue();
                assertSameInstant(form, value);
                figures.merge("leap seconds", 1, Integer::sum);
            }
        }
        System.out.println("RFC 3339: accepted with java.time's instant " + figures + " (" + figures.values().stream()
                .mapToInt(Integer::intValue).sum() + " generated forms, and the 5 of section 5.8)");
    }

    @Test
    void refusesEveryGeneratedFormRfc3339Forbids() {
        Random random = new Random(20261204L);
        Map<String, Integer> figures = new LinkedHashMap<>();
        Map<String, UnaryOperator<String>> breaks = breaks(random);
        for (int i = 0; i < ALLOWED / 2; i++) {
            String form = allowed(random);
            List<String> names = new ArrayList<>(breaks.keySet());
            String name = names.get(random.nextInt(names.size()));
            String broken = breaks.get(name).apply(form);
            if (broken.equals(form)) {
                continue;
            }
            List<Problem> problems = new ArrayList<>();
            CrmDateTime value = IsoDateTimeRule.parse("t", broken, problems::add);
            assertThat(value).as("%s (%s, from %s) is refused", broken, name, form).isNull();
            assertThat(problems).singleElement().satisfies(problem -> assertThat(problem.code()).as("%s: %s", broken,
                    problem.message()).isIn(ViolationCode.DATE_FORMAT, ViolationCode.DATE_INVALID));
            figures.merge(name, 1, Integer::sum);
        }
        System.out.println("RFC 3339: refused " + figures + " (" + figures.values().stream().mapToInt(Integer::intValue)
                .sum() + " generated forms)");
        assertThat(figures).hasSize(breaks.size()).allSatisfy((name, count) -> assertThat(count).isGreaterThan(100));
    }

    @Test
    void acceptsTheContractsAdditionsAndWarnsOfTheSqlForm() {
        Random random = new Random(20261205L);
        DateTimeFormatter local = new DateTimeFormatterBuilder().parseCaseInsensitive()
                .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).toFormatter(Locale.ROOT);
        for (int i = 0; i < ALLOWED / 10; i++) {
            String form = allowed(random);
            String withoutOffset = form.substring(0, form.length() - offsetLength(form));
            CrmDateTime value = accepted(withoutOffset);
            assertThat(value.offset()).isNull();
            assertThat(value.toLocalDateTime()).as(withoutOffset)
                    .isEqualTo(LocalDateTime.parse(cutFraction(withoutOffset), local));
            String date = form.substring(0, 10);
            assertThat(accepted(date).date()).isEqualTo(LocalDate.parse(date));
            assertThat(accepted(date).time()).isNull();
            String sql = form.substring(0, 10) + " " + form.substring(11);
            List<Problem> problems = new ArrayList<>();
            assertThat(IsoDateTimeRule.parse("t", sql, problems::add)).as(sql).isEqualTo(accepted(form));
            assertThat(problems).singleElement().satisfies(problem -> {
                assertThat(problem.code()).isEqualTo(ViolationCode.DATE_TIME_SEPARATOR);
                assertThat(problem.code().defaultSeverity()).isEqualTo(Severity.WARNING);
            });
        }
    }

    @Test
    void refusesOffsetsBeyondEighteenHoursWhichTheGrammarAllows() {
        for (int minutes = 18 * 60 + 1; minutes < 24 * 60; minutes += 7) {
            for (int sign : new int[] {1, -1}) {
                String form = "2020-01-10T10:15:30" + offset(sign * minutes);
                assertThat(IsoDateTimeRule.check("t", form)).as(form).extracting(Problem::code)
                        .isEqualTo(ViolationCode.DATE_INVALID);
            }
        }
    }

    /** A form RFC 3339 allows, leap seconds aside: date, T or t, time, an optional fraction, Z, z or ±HH:MM. */
    private static String allowed(Random random) {
        int year = random.nextInt(10) == 0 ? new int[] {0, 1, 1970, 1999, 2000, 9999}[random.nextInt(6)]
                : random.nextInt(10_000);
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(LocalDate.of(year, month, 1).lengthOfMonth());
        StringBuilder form = new StringBuilder(String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day));
        form.append(random.nextBoolean() ? 'T' : 't');
        form.append(String.format(Locale.ROOT, "%02d:%02d:%02d", random.nextInt(24), random.nextInt(60),
                random.nextInt(60)));
        form.append(fraction(random));
        switch (random.nextInt(4)) {
            case 0 -> form.append('Z');
            case 1 -> form.append('z');
            default -> form.append(offset(random.nextInt(36 * 60 + 1) - 18 * 60));
        }
        return form.toString();
    }

    private static String fraction(Random random) {
        if (random.nextInt(3) == 0) {
            return "";
        }
        int digits = 1 + random.nextInt(random.nextInt(4) == 0 ? 30 : 9);
        StringBuilder fraction = new StringBuilder(".");
        for (int d = 0; d < digits; d++) {
            fraction.append((char) ('0' + random.nextInt(10)));
        }
        return fraction.toString();
    }

    private static String offset(int minutes) {
        int abs = Math.abs(minutes);
        return String.format(Locale.ROOT, "%s%02d:%02d", minutes < 0 ? "-" : "+", abs / 60, abs % 60);
    }

    private static int offsetLength(String form) {
        char last = form.charAt(form.length() - 1);
        return last == 'Z' || last == 'z' ? 1 : 6;
    }

    /** Ways to break an allowed form, each against RFC 3339's grammar or its restrictions. */
    private static Map<String, UnaryOperator<String>> breaks(Random random) {
        Map<String, UnaryOperator<String>> breaks = new LinkedHashMap<>();
        breaks.put("no seconds", f -> f.substring(0, 16) + f.substring(19 + fractionLength(f)));
        breaks.put("offset without a colon", f -> offsetLength(f) == 6
                ? f.substring(0, f.length() - 3) + f.substring(f.length() - 2)
                : f.substring(0, f.length() - 1) + "+0100");
        breaks.put("offset without minutes", f -> f.substring(0, f.length() - offsetLength(f)) + "+01");
        breaks.put("no offset but a sign", f -> f.substring(0, f.length() - offsetLength(f)) + "-");
        breaks.put("fraction after a comma", f -> f.substring(0, 19) + ",5" + f.substring(19 + fractionLength(f)));
        breaks.put("point without digits", f -> f.substring(0, 19) + "." + f.substring(19 + fractionLength(f)));
        breaks.put("one-digit field", f -> {
            int[] starts = {5, 8, 11, 14, 17};
            int at = starts[random.nextInt(starts.length)];
            return f.substring(0, at) + f.substring(at + 1);
        });
        breaks.put("three-digit field", f -> {
            int[] starts = {5, 8, 11, 14, 17};
            int at = starts[random.nextInt(starts.length)];
            return f.substring(0, at) + "0" + f.substring(at);
        });
        breaks.put("five-digit year", f -> "1" + f);
        breaks.put("signed year", f -> "+" + f);
        breaks.put("another separator", f -> f.substring(0, 10) + "_x/:".charAt(random.nextInt(4)) + f.substring(11));
        breaks.put("two separators", f -> f.substring(0, 10) + "TT" + f.substring(11));
        breaks.put("white space around", f -> random.nextBoolean() ? " " + f : f + (random.nextBoolean() ? " " : "\t"));
        breaks.put("space before the offset", f -> f.substring(0, f.length() - offsetLength(f)) + " "
                + f.substring(f.length() - offsetLength(f)));
        breaks.put("Z after an offset", f -> f + "Z");
        breaks.put("a zone name", f -> f + "[Europe/Paris]");
        breaks.put("not an ASCII digit", f -> {
            int[] digits = {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18};
            int at = digits[random.nextInt(digits.length)];
            return f.substring(0, at) + (char) ('\u0660' + f.charAt(at) - '0') + f.substring(at + 1);
        });
        breaks.put("basic format", f -> f.substring(0, 4) + f.substring(5, 7) + f.substring(8, 13) + f.substring(14, 16)
                + f.substring(17));
        breaks.put("month 00 or 13", f -> f.substring(0, 5) + (random.nextBoolean() ? "00" : "13") + f.substring(7));
        breaks.put("day 00 or past the month", f -> f.substring(0, 8) + (random.nextBoolean() ? "00"
                : String.valueOf(LocalDate.parse(f.substring(0, 10)).lengthOfMonth() + 1)) + f.substring(10));
        breaks.put("hour 24 to 29", f -> f.substring(0, 11) + (24 + random.nextInt(6)) + f.substring(13));
        breaks.put("minute 60 to 99", f -> f.substring(0, 14) + (60 + random.nextInt(40)) + f.substring(16));
        breaks.put("second 61 to 99", f -> f.substring(0, 17) + (61 + random.nextInt(39)) + f.substring(19));
        breaks.put("second 60 off a month's end", f -> {
            LocalDateTime utc = OffsetDateTime.parse(cutFraction(f.toUpperCase(Locale.ROOT))).withOffsetSameInstant(
                    ZoneOffset.UTC).toLocalDateTime();
            boolean leapTime = utc.getHour() == 23 && utc.getMinute() == 59
                    && utc.getDayOfMonth() == utc.toLocalDate().lengthOfMonth();
            return leapTime ? f : f.substring(0, 17) + "60" + f.substring(19);
        });
        breaks.put("offset minutes 60 to 99", f -> offsetLength(f) == 6
                ? f.substring(0, f.length() - 2) + (60 + random.nextInt(40)) : f);
        breaks.put("offset hours 24 to 99", f -> f.substring(0, f.length() - offsetLength(f)) + "-"
                + (24 + random.nextInt(76)) + ":00");
        return breaks;
    }

    private static int fractionLength(String form) {
        if (form.length() < 20 || form.charAt(19) != '.') {
            return 0;
        }
        int end = 20;
        while (end < form.length() && Character.isDigit(form.charAt(end))) {
            end++;
        }
        return end - 19;
    }

    /** The form with its fraction cut to nine digits, what {@code java.time} reads. */
    private static String cutFraction(String form) {
        int length = fractionLength(form);
        return length <= 10 ? form : form.substring(0, 29) + form.substring(19 + length);
    }

    private static List<LocalDate> daysOf(List<Integer> years) {
        List<LocalDate> days = new ArrayList<>();
        for (int year : years) {
            for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
                days.add(day);
            }
        }
        return days;
    }

    private static CrmDateTime accepted(String form) {
        List<Problem> problems = new ArrayList<>();
        CrmDateTime value = IsoDateTimeRule.parse("t", form, problems::add);
        assertThat(problems).as(form).isEmpty();
        assertThat(value).as(form).isNotNull();
        return value;
    }

    /** The instant of our value is java.time's for the form, a leap second's second 59 for it. */
    private static void assertSameInstant(String form, CrmDateTime value) {
        String readable = cutFraction(value.leapSecond() ? form.substring(0, 17) + "59" + form.substring(19) : form);
        Instant expected = OffsetDateTime.parse(readable, JAVA_TIME).toInstant();
        Instant ours = OffsetDateTime.of(value.toLocalDateTime(), value.offset()).toInstant();
        assertThat(ours).as(form).isEqualTo(expected);
        int length = fractionLength(form);
        String past = length > 10 ? form.substring(29, 19 + length).replaceFirst("0+$", "") : "";
        assertThat(value.extraFractionDigits()).as(form).isEqualTo(past);
    }
}
