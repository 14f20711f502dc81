package org.conversionkit.spec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * The input of a case, an object of one of these forms, with an optional {@code name} (the file name the input
 * has where a name matters: a date in it, an extension; by default the file's own) and {@code transforms}:
 * <ul>
 *   <li>{@code {"text": "..."}}: the text, UTF-8;</li>
 *   <li>{@code {"lines": ["...", ...]}}: each line followed by a line feed, UTF-8;</li>
 *   <li>{@code {"file": "bom.csv"}}: the bytes of a file in the folder of the case file's inputs;</li>
 *   <li>{@code {"generate": {"head": "...", "fill": "...", "count": N, "tail": "..."}}}: the head, the fill N times,
 *       the tail, UTF-8, streamed and never held whole (inputs of hundreds of megabytes);</li>
 *   <li>{@code "transforms"}, applied in order: {@code CRLF} and {@code CR} (every line feed becomes CR LF, or CR),
 *       {@code BOM} (a byte order mark first), then the encodings {@code UTF16} (the text in UTF-16 with its byte
 *       order mark) and {@code GZIP}.</li>
 * </ul>
 */
public final class SpecInput {

    /** What can be done to an input's text or bytes. */
    public enum Transform {
        /** Line feeds become CR LF. */
        CRLF,
        /** Line feeds become CR. */
        CR,
        /** A byte order mark (U+FEFF) first. */
        BOM,
        /** The text encoded in UTF-16, with its byte order mark, instead of UTF-8. */
        UTF16,
        /** The bytes compressed with gzip. */
        GZIP
    }

    private final Node node;
    private final String name;
    private final Path directory;
    private final @Nullable Generated generated;
    private final List<Transform> transforms;
    private byte @Nullable [] bytes;

    private SpecInput(Node node, Path directory) {
        this.node = node.only("name", "text", "lines", "file", "generate", "transforms");
        this.directory = directory;
        int forms = (node.has("text") ? 1 : 0) + (node.has("lines") ? 1 : 0) + (node.has("file") ? 1 : 0)
                + (node.has("generate") ? 1 : 0);
        if (forms != 1) {
            throw new SpecException(node.path() + ": an input is one of text, lines, file or generate");
        }
        this.name = node.has("name") ? node.text("name")
                : node.has("file") ? Path.of(node.text("file")).getFileName().toString() : "input";
        this.generated = node.has("generate") ? Generated.of(node.get("generate")) : null;
        List<Transform> list = new ArrayList<>();
        for (String transform : node.has("transforms") ? node.get("transforms").texts() : List.<String>of()) {
            try {
                list.add(Transform.valueOf(transform));
            } catch (IllegalArgumentException e) {
                throw new SpecException(node.path() + ": no transform " + transform, e);
            }
        }
        if (generated != null && !list.isEmpty()) {
            throw new SpecException(node.path() + ": a generated input has no transforms");
        }
        this.transforms = List.copyOf(list);
    }

    /**
     * Reads an input.
     *
     * @param node      the input's object
     * @param directory the folder its {@code file} is in
     * @return the input
     */
    public static SpecInput of(Node node, Path directory) {
        return new SpecInput(node, directory);
    }

    /**
     * Returns the input's file name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the input as written in the case.
     *
     * @return its node
     */
    public Node node() {
        return node;
    }

    /**
     * Returns the transforms, in order.
     *
     * @return the transforms
     */
    public List<Transform> transforms() {
        return transforms;
    }

    /**
     * Returns whether the input is generated as it is read (then only {@link #open} and {@link #writeTo} read it).
     *
     * @return whether it is generated
     */
    public boolean generated() {
        return generated != null;
    }

    /**
     * Returns the size in bytes.
     *
     * @return the size
     */
    public long size() {
        return generated != null ? generated.size() : bytes().length;
    }

    /**
     * Returns the bytes, every transform applied.
     *
     * @return a copy of the bytes
     */
    public synchronized byte[] bytes() {
        if (generated != null) {
            throw new SpecException(node.path() + ": a generated input is only streamed");
        }
        if (bytes == null) {
            bytes = build();
        }
        return bytes.clone();
    }

    /**
     * Opens the bytes as a stream.
     *
     * @return a new stream
     */
    public InputStream open() {
        return generated != null ? generated.stream() : new ByteArrayInputStream(bytes());
    }

    /**
     * Returns whether the input can be read as characters: its bytes are UTF-8, neither gzip nor UTF-16.
     *
     * @return whether {@link #text()} gives the input
     */
    public boolean readableAsText() {
        if (generated != null || transforms.contains(Transform.GZIP) || transforms.contains(Transform.UTF16)) {
            return false;
        }
        byte[] data = bytes();
        if (data.length >= 2 && data[0] == 0x1F && data[1] == (byte) 0x8B) {
            return false;
        }
        return strictUtf8(data) != null;
    }

    /**
     * Returns the input as characters.
     *
     * @return the text
     * @throws SpecException when the input cannot be read as characters
     */
    public String text() {
        if (!readableAsText()) {
            throw new SpecException(node.path() + ": not readable as UTF-8 text");
        }
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /**
     * Writes the input to a file named {@link #name()} in a folder.
     *
     * @param folder the folder
     * @return the file
     */
    public Path writeTo(Path folder) {
        Path file = folder.resolve(name);
        try {
            Files.createDirectories(folder);
            try (InputStream in = open()) {
                Files.copy(in, file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private byte[] build() {
        byte[] base;
        if (node.has("file")) {
            try {
                base = Files.readAllBytes(directory.resolve(node.text("file")));
            } catch (IOException e) {
                throw new SpecException(node.path() + ": cannot read " + node.text("file") + " (" + e + ")", e);
            }
        } else if (node.has("lines")) {
            StringBuilder text = new StringBuilder();
            node.get("lines").texts().forEach(line -> text.append(line).append('\n'));
            base = text.toString().getBytes(StandardCharsets.UTF_8);
        } else {
            base = node.text("text").getBytes(StandardCharsets.UTF_8);
        }
        if (transforms.isEmpty()) {
            return base;
        }
        String content = strictUtf8(base);
        if (content == null) {
            throw new SpecException(node.path() + ": transforms apply to UTF-8 text only");
        }
        for (Transform transform : transforms) {
            switch (transform) {
                case CRLF -> content = content.replace("\n", "\r\n");
                case CR -> content = content.replace("\n", "\r");
                case BOM -> content = "\uFEFF" + content;
                default -> { }
            }
        }
        byte[] result = content.getBytes(StandardCharsets.UTF_8);
        for (Transform transform : transforms) {
            switch (transform) {
                case UTF16 -> result = content.getBytes(StandardCharsets.UTF_16);
                case GZIP -> result = gzip(result);
                default -> { }
            }
        }
        return result;
    }

    private static @Nullable String strictUtf8(byte[] data) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Compresses bytes with gzip.
     *
     * @param data the bytes
     * @return the compressed bytes
     */
    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return name + (transforms.isEmpty() ? "" : " " + transforms.toString().toLowerCase(Locale.ROOT));
    }

    /** A generated input: a head, a fill repeated, a tail. */
    private static final class Generated {

        private final byte[] head;
        private final byte[] fill;
        private final long count;
        private final byte[] tail;

        private Generated(byte[] head, byte[] fill, long count, byte[] tail) {
            this.head = head;
            this.fill = fill;
            this.count = count;
            this.tail = tail;
        }

        static Generated of(Node node) {
            node.only("head", "fill", "count", "tail");
            return new Generated(utf8(node.text("head", "")), utf8(node.text("fill")), node.longValue("count"),
                    utf8(node.text("tail", "")));
        }

        private static byte[] utf8(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        long size() {
            return head.length + fill.length * count + tail.length;
        }

        /** Streams the bytes, never holding more than a block of them. */
        InputStream stream() {
            return new InputStream() {
                private long position;

                @Override
                public int read() {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] target, int offset, int length) {
                    long total = size();
                    if (position >= total) {
                        return -1;
                    }
                    int n = (int) Math.min(length, total - position);
                    long fillEnd = head.length + fill.length * count;
                    for (int i = 0; i < n; i++) {
                        long at = position + i;
                        target[offset + i] = at < head.length ? head[(int) at]
                                : at < fillEnd ? fill[(int) ((at - head.length) % fill.length)]
                                        : tail[(int) (at - fillEnd)];
                    }
                    position += n;
                    return n;
                }
            };
        }
    }
}
