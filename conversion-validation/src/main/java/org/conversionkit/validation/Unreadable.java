package org.conversionkit.validation;

import java.io.UncheckedIOException;
import java.util.Objects;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;

/** The violation of an input whose reading failed part of the way: a failing disk, a broken network mount. */
final class Unreadable {

    private Unreadable() {
    }

    /** Says where reading stopped and why; the records before were checked and stay counted. */
    static Violation violation(UncheckedIOException failure, long records) {
        // An UncheckedIOException always has its cause.
        String cause = String.valueOf(Objects.requireNonNull(failure.getCause()).getMessage());
        return Violation.ofFile(ViolationCode.FILE_UNREADABLE, null, "reading failed after " + records
                + (records == 1 ? " record" : " records") + " (" + cause + "): the records before were checked,"
                + " the rest of the file was not; check the file or the disk and run the check again");
    }
}
