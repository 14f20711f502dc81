package org.conversionkit.model.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class GzipMembersTest {

    @Test
    void readsWhatGzipWroteAsTheJdkDoes() throws IOException {
        Random random = new Random(20261203L);
        for (int i = 0; i < 200; i++) {
            byte[] data = new byte[random.nextInt(200_000)];
            for (int j = 0; j < data.length; j++) {
                // Text-like bytes compress; some random ones do not.
                data[j] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : 'a' + random.nextInt(8));
            }
            byte[] gzip = gzip(data);
            assertThat(read(new GzipMembers(new ByteArrayInputStream(gzip)))).isEqualTo(data);
            assertThat(read(new GZIPInputStream(new ByteArrayInputStream(gzip)))).isEqualTo(data);
        }
    }

    @Test
    void readsEveryMemberOfConcatenatedData() throws IOException {
        byte[] joined = concat(gzip("first\n".getBytes(UTF_8)), gzip(new byte[0]), gzip("second\n".getBytes(UTF_8)),
                gzip("third\n".getBytes(UTF_8)));
        assertThat(new String(read(new GzipMembers(new ByteArrayInputStream(joined))), UTF_8))
                .isEqualTo("first\nsecond\nthird\n");
    }

    @Test
    void readsEveryOptionalHeaderField() throws IOException {
        byte[] body = deflate("with every header field".getBytes(UTF_8));
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(new byte[] {0x1f, (byte) 0x8b, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, 3});
        header.write(new byte[] {3, 0, 'x', 'y', 'z'});
        header.write("name.csv\0".getBytes(UTF_8));
        header.write("a comment\0".getBytes(UTF_8));
        CRC32 crc = new CRC32();
        crc.update(header.toByteArray());
        header.write((int) crc.getValue() & 0xFF);
        header.write((int) (crc.getValue() >>> 8) & 0xFF);
        byte[] member = concat(header.toByteArray(), body, trailer("with every header field".getBytes(UTF_8)));
        assertThat(new String(read(new GzipMembers(new ByteArrayInputStream(member))), UTF_8))
                .isEqualTo("with every header field");
        member[header.size() - 1] ^= 1;
        assertThatThrownBy(() -> read(new GzipMembers(new ByteArrayInputStream(member))))
                .isInstanceOf(GzipMembers.FormatException.class).hasMessageContaining("checksum does not match");
    }

    @Test
    void aDamagedLaterMemberIsAnErrorNotTheEnd() {
        byte[] first = gzip("first\n".getBytes(UTF_8));
        byte[] second = gzip("second\n".getBytes(UTF_8));
        second[3] = (byte) 0xE0;
        assertThatThrownBy(() -> read(new GzipMembers(new ByteArrayInputStream(concat(first, second)))))
                .isInstanceOf(GzipMembers.FormatException.class)
                .hasMessage("gzip member 2, which starts at byte " + first.length
                        + " of the compressed data, has a damaged header (reserved flags are set)");
    }

    @Test
    void dataCutShortAndAWrongChecksumAreErrors() {
        byte[] whole = gzip("some text that is long enough\n".getBytes(UTF_8));
        for (int cut = 1; cut < whole.length; cut++) {
            byte[] part = java.util.Arrays.copyOf(whole, cut);
            assertThatThrownBy(() -> read(new GzipMembers(new ByteArrayInputStream(part))))
                    .as("cut at %d", cut).isInstanceOf(GzipMembers.FormatException.class)
                    .hasMessageContaining("cut short");
        }
        byte[] wrong = whole.clone();
        wrong[wrong.length - 8] ^= 1;
        assertThatThrownBy(() -> read(new GzipMembers(new ByteArrayInputStream(wrong))))
                .isInstanceOf(GzipMembers.FormatException.class).hasMessageContaining("CRC-32 that does not match");
        byte[] length = whole.clone();
        length[length.length - 1] ^= 1;
        assertThatThrownBy(() -> read(new GzipMembers(new ByteArrayInputStream(length))))
                .isInstanceOf(GzipMembers.FormatException.class).hasMessageContaining("length that does not match");
    }

    @Test
    void bytesAfterTheLastMemberAreAnError() {
        byte[] member = gzip("rows\n".getBytes(UTF_8));
        byte[] trailing = concat(member, "\0\0garbage".getBytes(UTF_8));
        assertThatThrownBy(() -> read(new GzipMembers(new ByteArrayInputStream(trailing))))
                .isInstanceOf(GzipMembers.FormatException.class)
                .hasMessage("the 9 bytes after the last gzip member, from byte " + member.length
                        + " of the compressed data, are not gzip data: remove them, or compress the file again");
        assertThatThrownBy(() -> new GzipMembers(new ByteArrayInputStream("plain".getBytes(UTF_8))))
                .isInstanceOf(GzipMembers.FormatException.class).hasMessageContaining("not gzip-compressed");
        assertThatThrownBy(() -> new GzipMembers(new ByteArrayInputStream(new byte[] {0x1f})))
                .isInstanceOf(GzipMembers.FormatException.class).hasMessageContaining("cut short");
    }

    @Test
    void aFailingInputIsNotBadData() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk error");
            }
        };
        assertThatThrownBy(() -> new GzipMembers(failing)).isNotInstanceOf(GzipMembers.FormatException.class)
                .hasMessage("disk error");
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[777];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] trailer(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        long c = crc.getValue();
        long n = data.length;
        return new byte[] {(byte) c, (byte) (c >>> 8), (byte) (c >>> 16), (byte) (c >>> 24), (byte) n,
            (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)};
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
