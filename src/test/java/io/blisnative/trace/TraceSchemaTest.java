package io.blisnative.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/trace.schema.json describes what the writer writes and what the reader accepts. */
class TraceSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        Path file = Path.of(System.getProperty("blis.project.dir", "."), "docs", "trace.schema.json");
        try (InputStream in = Files.newInputStream(file)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static Set<ValidationMessage> validate(String line) throws IOException {
        return schema.validate(JSON.readTree(line));
    }

    @Test
    void shippedTraces_everyLineValidatesAgainstTheSchema() throws IOException {
        // given every shipped trace
        List<Path> traces;
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("blis.project.dir", "."), "traces"))) {
            traces = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        assertFalse(traces.isEmpty());
        for (Path t : traces) {
            try (BufferedReader r = Files.newBufferedReader(t, StandardCharsets.UTF_8)) {
                String line;
                int n = 0;
                // then the first line is a header and every line satisfies the schema (the first 300 suffice)
                while ((line = r.readLine()) != null && n < 300) {
                    n++;
                    JsonNode node = JSON.readTree(line);
                    assertEquals(n == 1, node.has("format"), t + ":" + n);
                    Set<ValidationMessage> errors = schema.validate(node);
                    assertTrue(errors.isEmpty(), t + ":" + n + " " + errors);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":0,\"arrival_us\":-5,\"input_tokens\":12,\"output_tokens\":1}",
        "{\"id\":0,\"arrival_us\":0,\"input_tokens\":\"12\",\"output_tokens\":1}",
        "{\"id\":0,\"arrival_us\":0,\"input_tokens\":12}",
        "{\"id\":0,\"arrival_us\":0,\"input_tokens\":12,\"output_tokens\":1,\"prefix_tokens\":4}",
        "{\"id\":0,\"arrival_us\":0,\"input_tokens\":12,\"output_tokens\":1,\"round\":1}",
        "{\"id\":0,\"arrival_us\":0,\"input_tokens\":12,\"output_tokens\":1,\"warmup\":false}",
        "{\"id\":0,\"arrival_us\":0,\"input_tokens\":12,\"output_tokens\":1,\"colour\":\"red\"}"
    })
    void invalidRequestLine_rejectedBySchemaAndReader(String line) throws IOException {
        // given a request line the format forbids
        // then the schema rejects it
        assertFalse(validate(line).isEmpty(), line);
        // and so does the reader
        String header = headerLine();
        assertThrows(TraceFormatException.class, () -> {
            try (TraceReader r = TraceReader.open("x", new ByteArrayInputStream(
                    (header + line + "\n").getBytes(StandardCharsets.UTF_8)))) {
                r.forEach(x -> { });
            }
        });
    }

    private static String headerLine() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (TraceWriter w = new TraceWriter(out)) {
            w.writeHeader(TraceTestData.header());
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writtenHeader_validates() throws IOException {
        assertTrue(validate(headerLine().strip()).isEmpty());
    }
}
