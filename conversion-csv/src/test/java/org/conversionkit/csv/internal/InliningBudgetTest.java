package org.conversionkit.csv.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The parser calls {@code RecordHandler.addField} once a field; HotSpot's C2 inlines a hot method only up to
 * {@code -XX:FreqInlineSize}, 325 bytes of bytecode on x86-64, and past it every field pays a call (the reader's
 * figures in the README assume the call inlined). This test reads the compiled class file and fails when the method
 * outgrows the budget, so that an addition to it is moved out of the hot path, not found in a benchmark later.
 */
class InliningBudgetTest {

    /** HotSpot's default {@code FreqInlineSize} on x86-64 and AArch64. */
    private static final int FREQ_INLINE_SIZE = 325;

    @Test
    void addFieldStaysInlinable() throws IOException {
        Map<String, Integer> sizes = codeSizes(RecordHandler.class);
        assertThat(sizes).containsKey("addField([CIIZ)V");
        assertThat(sizes.get("addField([CIIZ)V")).as("bytes of bytecode of RecordHandler.addField")
                .isLessThanOrEqualTo(FREQ_INLINE_SIZE);
    }

    /** The reader of class files works: a method of known size. */
    @Test
    void readsTheSizeOfAKnownMethod() throws IOException {
        // "return 0": iconst_0, ireturn.
        assertThat(codeSizes(Known.class)).containsEntry("zero()I", 2);
    }

    /** A class with a method whose bytecode is known. */
    static final class Known {
        private Known() {
        }

        static int zero() {
            return 0;
        }
    }

    /**
     * The code length of each method of a class with a body, by name and descriptor, read from its class file (JVMS
     * chapter 4: the constant pool, then fields and methods with their attributes).
     */
    private static Map<String, Integer> codeSizes(Class<?> type) throws IOException {
        String resource = type.getName().substring(type.getPackageName().length() + 1) + ".class";
        try (InputStream stream = Objects.requireNonNull(type.getResourceAsStream(resource), resource);
                DataInputStream in = new DataInputStream(stream)) {
            assertThat(in.readInt()).isEqualTo(0xCAFEBABE);
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    default -> throw new IOException("constant pool tag " + tag + " at entry " + i);
                }
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int interfaces = in.readUnsignedShort();
            for (int i = 0; i < interfaces; i++) {
                in.readUnsignedShort();
            }
            Map<String, Integer> sizes = new HashMap<>();
            for (int kind = 0; kind < 2; kind++) {
                int members = in.readUnsignedShort();
                for (int m = 0; m < members; m++) {
                    in.readUnsignedShort();
                    String name = utf8[in.readUnsignedShort()];
                    String descriptor = utf8[in.readUnsignedShort()];
                    int attributes = in.readUnsignedShort();
                    for (int a = 0; a < attributes; a++) {
                        String attribute = utf8[in.readUnsignedShort()];
                        int length = in.readInt();
                        if (kind == 1 && "Code".equals(attribute)) {
                            in.readUnsignedShort();
                            in.readUnsignedShort();
                            int code = in.readInt();
                            sizes.put(name + descriptor, code);
                            in.skipNBytes(length - 8L);
                        } else {
                            in.skipNBytes(length);
                        }
                    }
                }
            }
            return sizes;
        }
    }
}
