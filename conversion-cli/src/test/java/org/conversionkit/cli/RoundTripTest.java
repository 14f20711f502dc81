package org.conversionkit.cli;

import org.junit.jupiter.api.Test;

/**
 * The round-trip property ({@link RoundTrip}) on seeded choices: rows written as CSV with every kind of
 * delimiter, quoting, column order and line ending, and as NDJSON or a JSON array, read back as the same
 * typed rows. The fuzz target {@code FuzzTargetsTest#roundTrip} drives the same property with Jazzer.
 */
class RoundTripTest {

    @Test
    void rowsReadBackAsWritten() {
        for (long seed = 0; seed < 3_000; seed++) {
            RoundTrip.check(new RoundTrip.RandomChoices(seed));
        }
    }
}
