package org.conversionkit.spec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader: the tree, the inputs, the case files, and that no case of the old formats is lost. */
class SpecTest {

    /**
     * The cases of each file when the seven old formats were converted (docs/ARCHITECTURE.md, One fixture format):
     * a file may gain cases, never lose one.
     */
    private static final Map<String, Integer> CONVERTED = new LinkedHashMap<>();

    static {
        CONVERTED.put("bigquery-schema-generator.json", 21);
        CONVERTED.put("cli.json", 99);
        CONVERTED.put("crm.json", 10);
        CONVERTED.put("csv.json", 63);
        CONVERTED.put("equivalence.json", 2);
        CONVERTED.put("hostile.json", 56);
        CONVERTED.put("json.json", 60);
        CONVERTED.put("schema.json", 38);
        CONVERTED.put("validation/conversions.json", 34);
        CONVERTED.put("validation/crm-history.json", 10);
        CONVERTED.put("validation/crm.json", 20);
        CONVERTED.put("validation/deliveries.json", 12);
        CONVERTED.put("constraints.json", 75);
        CONVERTED.put("feed/basic-auth.json", 17);
        CONVERTED.put("feed/feed-requests.json", 24);
        CONVERTED.put("feed/feed-url-dates.json", 13);
        CONVERTED.put("feed/feed-urls.json", 43);
        CONVERTED.put("feed/table-names.json", 41);
        CONVERTED.put("model/column-layouts.json", 14);
        CONVERTED.put("model/conversion-mapper.json", 61);
        CONVERTED.put("model/crm-mapper.json", 59);
        CONVERTED.put("model/date-time-order.json", 62);
        CONVERTED.put("model/field-defaults.json", 18);
        CONVERTED.put("model/file-names.json", 24);
        CONVERTED.put("model/violation-codes.json", 35);
        CONVERTED.put("rules/currency.json", 17);
        CONVERTED.put("rules/date.json", 42);
        CONVERTED.put("rules/iso-date-time.json", 119);
        CONVERTED.put("rules/number.json", 73);
        CONVERTED.put("rules/url-whatwg-exceptions.json", 81);
        CONVERTED.put("rules/url.json", 255);
    }

    @Test
    void noCaseIsLost() {
        Map<String, Integer> found = new LinkedHashMap<>();
        for (SpecFile file : Spec.all("")) {
            found.put(file.name(), file.cases().size());
        }
        assertThat(found).containsKeys(CONVERTED.keySet().toArray(String[]::new));
        CONVERTED.forEach((name, before) -> assertThat(found.get(name)).as(name).isGreaterThanOrEqualTo(before));
    }

    @Test
    void everyCaseFileLoadsAndDescribesItself() {
        List<SpecFile> files = Spec.all("");
        assertThat(files).extracting(SpecFile::name).doesNotHaveDuplicates().doesNotContain("csv/blank-lines.json");
        for (SpecFile file : files) {
            assertThat(file.description()).as(file.name()).isNotBlank();
            for (SpecCase c : file.cases()) {
                assertThat(c.id()).isNotBlank();
                Node input = c.has("input") ? c.get("input") : null;
                if (input != null && input.isObject() && (input.has("text") || input.has("lines")
                        || input.has("file") || input.has("generate"))) {
                    assertThat(c.input().size()).as("%s %s", file, c).isGreaterThanOrEqualTo(0);
                }
            }
        }
    }

    @Test
    void readsATree() {
        Node root = Node.parse("{\"a\": [1, 1.50, \"x\", true, null, {}], \"b\": {\"c\": 1E-7}}", "test");
        assertThat(root.keys()).containsExactly("a", "b");
        List<Node> a = root.get("a").list();
        assertThat(a.get(0).longValue()).isEqualTo(1);
        assertThat(a.get(1).literal()).isEqualTo("1.50");
        assertThat(a.get(1).decimal()).isEqualTo(new BigDecimal("1.50"));
        assertThat(a.get(2).text()).isEqualTo("x");
        assertThat(a.get(3).bool()).isTrue();
        assertThat(a.get(4).isNull()).isTrue();
        assertThat(a.get(4).textOrNull()).isNull();
        assertThat(a.get(5).fields()).isEmpty();
        assertThat(root.get("b").get("c").literal()).isEqualTo("1E-7");
        assertThat(a.get(2).path()).isEqualTo("test:/a/2");
        assertThat(root.toJson()).isEqualTo("{\"a\":[1,1.50,\"x\",true,null,{}],\"b\":{\"c\":1E-7}}");
        assertThat(root.resolve("b/c")).isEqualTo(Node.parse("0.0000001", "x"));
        assertThat(root.resolve("a/9")).isNull();
        assertThat(root.resolve("a/x")).isNull();
        assertThat(Node.parse("[{\"name\": \"n\", \"v\": 2}]", "x").resolve("by_name/n/v"))
                .isEqualTo(Node.parse("2", "x"));
    }

    @Test
    void equalityIsByValueAndKeyOrder() {
        assertThat(Node.parse("{\"a\": 1, \"b\": [2.0]}", "x")).isEqualTo(Node.parse("{\"a\":1.0,\"b\":[2]}", "y"))
                .hasSameHashCodeAs(Node.parse("{\"a\":1.0,\"b\":[2]}", "y"));
        assertThat(Node.parse("{\"a\": 1, \"b\": 2}", "x")).isNotEqualTo(Node.parse("{\"b\": 2, \"a\": 1}", "x"));
        assertThat(Node.parse("null", "x")).isNotEqualTo(Node.parse("\"null\"", "x"));
    }

    @Test
    void refusesWhatIsNotOneDocumentOrHasAKeyTwice() {
        assertThatThrownBy(() -> Node.parse("{\"a\": 1, \"a\": 2}", "f")).isInstanceOf(SpecException.class)
                .hasMessageContaining("f: not JSON").hasMessageContaining("\"a\"");
        assertThatThrownBy(() -> Node.parse("{} {}", "f")).hasMessageContaining("more than one");
        assertThatThrownBy(() -> Node.parse("", "f")).hasMessageContaining("no JSON document");
    }

    @Test
    void saysWhereACaseIsWrong() {
        Node node = Node.parse("{\"expect\": {\"recods\": [], \"n\": \"3\"}}", "f.json");
        assertThatThrownBy(() -> node.get("expect").only("records", "n"))
                .hasMessage("f.json:/expect: unknown key 'recods' (known: [records, n])");
        assertThatThrownBy(() -> node.get("expect").longValue("n"))
                .hasMessageContaining("f.json:/expect/n: not a number");
        assertThatThrownBy(() -> node.get("input")).hasMessage("f.json:: no key 'input'");
        assertThatThrownBy(() -> node.get("expect").text("recods")).hasMessageContaining("not a string");
        assertThat(node.getOrEmpty("options").fields()).isEmpty();
        assertThat(node.get("expect").text("missing", "fallback")).isEqualTo("fallback");
    }

    /** A value of a test, as a case compares it. */
    record Row(String url, java.time.LocalDate date, @Nullable Long transactions, BigDecimal revenue, Kind kind) {
    }

    enum Kind { PLAIN }

    @Test
    void expectChecksWhatACaseGivesByOneRule() {
        Row row = new Row("https://d.tld", java.time.LocalDate.of(2020, 9, 22), 3L, new BigDecimal("1.50"),
                Kind.PLAIN);
        Object plain = Expect.plain(List.of(row), BigDecimal.class);
        assertThat(plain).isEqualTo(List.of(Map.of("url", "https://d.tld", "date", "2020-09-22", "transactions", 3L,
                "revenue", "1.50", "kind", "PLAIN")));
        assertThat(Expect.differences(Node.parse("[{\"url\": \"https://d.tld\", \"transactions\": 3}]", "e"),
                plain)).isEmpty();
        assertThat(Expect.differences(Node.parse("[{\"transactions\": 3.0}]", "e"), plain))
                .containsExactly("e:/0/transactions: expected 3.0, was 3 (Long)");
        assertThat(Expect.differences(Node.parse("[{\"url\": null, \"other\": 1}, {}]", "e"), plain))
                .hasSize(3).anySatisfy(d -> assertThat(d).startsWith("e:: expected 2 elements, was 1"))
                .anySatisfy(d -> assertThat(d).startsWith("e:/0/url: expected null"))
                .anySatisfy(d -> assertThat(d).startsWith("e:/0/other: no such value"));
        Map<String, Object> violation = Map.of("message", "the row date 2020-09-21 differs", "big",
                new java.math.BigInteger("123456789012345678901234567890"), "scaled", new BigDecimal("1.50"));
        assertThat(Expect.differences(Node.parse("{\"message\": \"date 2020-09-21\", \"big\": "
                + "123456789012345678901234567890, \"scaled\": 1.50}", "e"), violation)).isEmpty();
        assertThat(Expect.differences(Node.parse("{\"message\": \"2020-09-22\", \"scaled\": 1.5}", "e"),
                violation)).hasSize(2);
        assertThat(Expect.differences(Node.parse("{\"scaled\": 2, \"message\": \"x\"}", "e"), violation,
                java.util.Set.of("scaled", "message"))).isEmpty();
        assertThatThrownBy(() -> Expect.check(Node.parse("{\"big\": 1}", "e"), violation))
                .isInstanceOf(AssertionError.class).hasMessageContaining("e:/big: expected 1");
    }

    @Test
    void inputsAreTextLinesFilesOrGenerated(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("cases"));
        Files.write(folder.resolve("a.csv"), new byte[] {'a', (byte) 0xFF, '\n'});
        SpecInput file = SpecInput.of(Node.parse("{\"file\": \"a.csv\"}", "x"), folder);
        assertThat(file.name()).isEqualTo("a.csv");
        assertThat(file.bytes()).containsExactly('a', 0xFF, '\n');
        assertThat(file.readableAsText()).isFalse();
        assertThatThrownBy(file::text).isInstanceOf(SpecException.class);

        SpecInput lines = SpecInput.of(Node.parse("{\"name\": \"b.csv\", \"lines\": [\"é\", \"\"],"
                + " \"transforms\": [\"CRLF\", \"BOM\"]}", "x"), folder);
        assertThat(lines.text()).isEqualTo("\uFEFFé\r\n\r\n");
        assertThat(lines.writeTo(dir.resolve("out"))).hasFileName("b.csv").hasBinaryContent(lines.bytes());

        SpecInput gzip = SpecInput.of(Node.parse("{\"text\": \"x\\n\", \"transforms\": [\"CR\", \"GZIP\"]}", "x"),
                folder);
        assertThat(gzip.readableAsText()).isFalse();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip.bytes()))) {
            assertThat(in.readAllBytes()).isEqualTo("x\r".getBytes(UTF_8));
        }
        SpecInput utf16 = SpecInput.of(Node.parse("{\"text\": \"x\", \"transforms\": [\"UTF16\"]}", "x"), folder);
        assertThat(utf16.bytes()).containsExactly(0xFE, 0xFF, 0, 'x');

        SpecInput generated = SpecInput.of(Node.parse("{\"name\": \"g\", \"generate\": {\"head\": \"[\","
                + " \"fill\": \"ab\", \"count\": 3, \"tail\": \"]\"}}", "x"), folder);
        assertThat(generated.generated()).isTrue();
        assertThat(generated.size()).isEqualTo(8);
        try (InputStream in = generated.open()) {
            assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("[ababab]");
        }
        assertThatThrownBy(generated::bytes).isInstanceOf(SpecException.class);

        assertThatThrownBy(() -> SpecInput.of(Node.parse("{\"text\": \"a\", \"file\": \"a.csv\"}", "x"), folder))
                .hasMessageContaining("one of text, lines, file or generate");
        assertThatThrownBy(() -> SpecInput.of(Node.parse("{\"text\": \"a\", \"transforms\": [\"LF\"]}", "x"), folder))
                .hasMessageContaining("no transform LF");
    }

    @Test
    void aCaseFileFindsItsCasesAndInputs() {
        SpecFile csv = Spec.load("csv.json");
        assertThat(Spec.load("csv.json")).isSameAs(csv);
        SpecCase bom = csv.get("bom");
        assertThat(bom.file()).isSameAs(csv);
        assertThat(bom.why()).contains("byte order mark");
        assertThat(bom.input().bytes()).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(bom.options().text("date")).isEqualTo("2020-09-22");
        assertThatThrownBy(() -> csv.get("no-such-case")).hasMessageContaining("no case 'no-such-case'");
    }
}
