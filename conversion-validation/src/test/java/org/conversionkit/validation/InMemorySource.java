package org.conversionkit.validation;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.FileProfile;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.jspecify.annotations.Nullable;

/** A record source over records built in memory, as the readers would deliver them. */
final class InMemorySource implements RecordSource {

    private final Iterator<RawRecord> records;
    private final String format;
    private final @Nullable String delimiter;
    private final long blankLines;
    private FileProfile profile = ConversionProfile.DEFAULT;
    private @Nullable String name;
    private boolean closed;
    private int read;

    InMemorySource(List<RawRecord> records, String format, @Nullable String delimiter, long blankLines) {
        this.records = records.iterator();
        this.format = format;
        this.delimiter = delimiter;
        this.blankLines = blankLines;
    }

    /** A CSV source of the default conversion profile, without a name. */
    static InMemorySource csv(List<RawRecord> records) {
        return new InMemorySource(records, "csv", ",", 0);
    }

    /** Gives the source a name, as a file's path. */
    InMemorySource named(@Nullable String fileName) {
        this.name = fileName;
        return this;
    }

    /** Gives the source a profile. */
    InMemorySource with(FileProfile fileProfile) {
        this.profile = Objects.requireNonNull(fileProfile);
        return this;
    }

    @Override
    public @Nullable RawRecord next() {
        if (closed) {
            throw new IllegalStateException("read after close");
        }
        if (!records.hasNext()) {
            return null;
        }
        read++;
        return records.next();
    }

    @Override
    public long blankLines() {
        return blankLines;
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public Optional<String> delimiter() {
        return Optional.ofNullable(delimiter);
    }

    @Override
    public FileProfile profile() {
        return profile;
    }

    @Override
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    @Override
    public void close() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }

    int read() {
        return read;
    }
}
