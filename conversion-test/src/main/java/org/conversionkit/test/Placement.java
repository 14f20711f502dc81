package org.conversionkit.test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Where a fixture's mistakes go: one record each among the valid ones, at a place drawn from the fixture's random
 * numbers, so that the same seed gives the same file; and, afterwards, the line of each.
 */
final class Placement {

    private Placement() {
    }

    /**
     * A record of a fixture's file: a valid one ({@code mistake} null) or a mistake's.
     *
     * @param <M> the kind of mistake
     * @param <R> what is written
     */
    static final class Placed<M, R> {
        final @Nullable M mistake;
        final R record;

        Placed(@Nullable M mistake, R record) {
            this.mistake = mistake;
            this.record = record;
        }
    }

    /**
     * Returns the mistakes a fixture is asked for, as a set, each null refused by its index.
     *
     * @param type     the kind of mistake
     * @param mistakes the mistakes asked for
     * @return the set of them
     * @throws NullPointerException if the array or one of its mistakes is null
     */
    static <M extends Enum<M>> Set<M> mistakes(Class<M> type, M[] mistakes) {
        Objects.requireNonNull(mistakes, "mistakes");
        Set<M> set = EnumSet.noneOf(type);
        for (int i = 0; i < mistakes.length; i++) {
            set.add(Objects.requireNonNull(mistakes[i], "mistakes[" + i + "]"));
        }
        return set;
    }

    /**
     * Places the mistakes among the valid records, in the order of the set: each mistake's record is made (drawing
     * from {@code random}), then put at a random place; {@code repeat} writes a valid record again, somewhere after
     * it; {@code first} goes first.
     *
     * @param random   the fixture's random numbers, past the valid records
     * @param valid    the valid records, in order; not empty when {@code repeat} is among the mistakes
     * @param mistakes the mistakes
     * @param repeat   the mistake that writes a valid record again, or {@code null}
     * @param first    the mistake whose record goes first, or {@code null}
     * @param make     makes a mistake's record
     * @return the records, in order
     */
    static <M extends Enum<M>, R> List<Placed<M, R>> place(Random random, List<R> valid, Set<M> mistakes,
            @Nullable M repeat, @Nullable M first, Function<M, R> make) {
        List<Placed<M, R>> records = new ArrayList<>(valid.size() + mistakes.size());
        for (R record : valid) {
            records.add(new Placed<>(null, record));
        }
        for (M mistake : mistakes) {
            if (mistake == repeat) {
                R original = valid.get(random.nextInt(valid.size()));
                int after = indexOf(records, original) + 1;
                records.add(after + random.nextInt(records.size() - after + 1), new Placed<>(mistake, original));
            } else if (mistake != first) {
                Placed<M, R> placed = new Placed<>(mistake, make.apply(mistake));
                records.add(random.nextInt(records.size() + 1), placed);
            }
        }
        if (first != null && mistakes.contains(first)) {
            records.add(0, new Placed<>(first, make.apply(first)));
        }
        return records;
    }

    /**
     * Returns the line of each mistake's record: one record a line.
     *
     * @param type    the kind of mistake
     * @param records the records, in order
     * @return the line of each mistake
     */
    static <M extends Enum<M>> Map<M, Long> lines(Class<M> type, List<? extends Placed<M, ?>> records) {
        Map<M, Long> lines = new EnumMap<>(type);
        for (int i = 0; i < records.size(); i++) {
            M mistake = records.get(i).mistake;
            if (mistake != null) {
                lines.put(mistake, i + 1L);
            }
        }
        return lines;
    }

    /**
     * Copies the lines of a written file's mistakes, unmodifiable, in the order of the mistakes.
     *
     * @param type  the kind of mistake
     * @param lines the line of each mistake
     * @return the copy
     */
    static <M extends Enum<M>> Map<M, Long> copy(Class<M> type, Map<M, Long> lines) {
        Map<M, Long> copy = new EnumMap<>(type);
        copy.putAll(lines);
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Returns the line of a mistake in a written file.
     *
     * @param lines   the line of each mistake written
     * @param mistake the mistake
     * @param path    the file, to name it
     * @return the line
     * @throws IllegalArgumentException if the mistake was not written
     */
    static <M extends Enum<M>> long lineOf(Map<M, Long> lines, M mistake, Path path) {
        Long line = lines.get(Objects.requireNonNull(mistake, "mistake"));
        if (line == null) {
            throw new IllegalArgumentException(mistake + " is not in " + path.getFileName() + ", whose mistakes are "
                    + lines.keySet());
        }
        return line;
    }

    /** The first place of a record; the valid records are distinct, so it is the record itself. */
    private static <M, R> int indexOf(List<Placed<M, R>> records, R record) {
        for (int i = 0; i < records.size(); i++) {
            if (record.equals(records.get(i).record)) {
                return i;
            }
        }
        throw new IllegalStateException("the record is not among the records placed");
    }
}
