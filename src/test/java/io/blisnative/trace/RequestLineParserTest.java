package io.blisnative.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RequestLineParserTest {
    private static final ObjectReader STRICT = TraceJson.MAPPER.readerFor(TraceRequest.class);

    private static Path traces() {
        return Path.of(System.getProperty("blis.project.dir", "."), "traces");
    }

    @Test
    void parse_everyShippedRequestLine_equalsTheStrictReader() throws IOException {
        // given every request line of every shipped trace
        List<Path> files;
        try (Stream<Path> list = Files.list(traces())) {
            files = list.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        assertTrue(files.size() > 10, "shipped traces found: " + files.size());
        RequestLineParser fast = new RequestLineParser();
        long lines = 0;
        for (Path file : files) {
            List<String> all = Files.readAllLines(file);
            for (String line : all.subList(1, all.size())) {
                // when it is read by the fast path
                TraceRequest quick = fast.parse(line);
                // then the fast path takes it and builds the record Jackson builds
                assertNotNull(quick, () -> file + ": " + line);
                assertEquals(STRICT.readValue(line), quick, () -> file + ": " + line);
                lines++;
            }
        }
        assertTrue(lines > 100_000, "lines checked: " + lines);
    }

    @Test
    void parse_allFieldsWithSpaces_equalsTheStrictReader() throws IOException {
        // given a line with every optional field and blanks around tokens
        String line = " { \"id\" : 7 , \"arrival_us\":0,\"input_tokens\":30,\"output_tokens\":0,\"prefix_group\":\"g\u00e9\","
                + "\"prefix_tokens\":30,\"session\":\"s1\",\"round\":2,\"stage\":1,\"slo_class\":\"batch\","
                + "\"deadline_us\":9000000000,\"warmup\":true,\"client\":\"c\",\"measured\":{\"status\":\"error\","
                + "\"num_chunks\":0,\"e2e_us\":10,\"ttft_us\":10}}\t";
        // when both paths read it
        TraceRequest quick = new RequestLineParser().parse(line);
        // then they agree
        assertEquals(STRICT.readValue(line), quick);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":1,\"arrival_us\":0,\"input_tokens\":5}",
        "{\"id\":1,\"arrival_us\":0,\"input_tokens\":5,\"output_tokens\":1,\"id\":2}",
        "{\"id\":1,\"arrival_us\":0,\"input_tokens\":5,\"output_tokens\":1,\"extra\":1}",
        "{\"id\":1,\"arrival_us\":-1,\"input_tokens\":5,\"output_tokens\":1}",
        "{\"id\":1,\"arrival_us\":1.0,\"input_tokens\":5,\"output_tokens\":1}",
        "{\"id\":1,\"arrival_us\":1e3,\"input_tokens\":5,\"output_tokens\":1}",
        "{\"id\":1,\"arrival_us\":01,\"input_tokens\":5,\"output_tokens\":1}",
        "{\"id\":1,\"arrival_us\":\"1\",\"input_tokens\":5,\"output_tokens\":1}",
        "{\"id\":1,\"arrival_us\":0,\"input_tokens\":2147483648,\"output_tokens\":1}",
        "{\"id\":1,\"arrival_us\":0,\"input_tokens\":5,\"output_tokens\":1,\"slo_class\":null}",
        "{\"id\":1,\"arrival_us\":0,\"input_tokens\":5,\"output_tokens\":1,\"slo_class\":\"a\\\"b\"}",
        "{\"id\":1,\"arrival_us\":0,\"input_tokens\":5,\"output_tokens\":1,\"warmup\":false}",
        "{\"id\":1,\"arrival_us\":0,\"input_tokens\":5,\"output_tokens\":1,\"prefix_group\":\"g\"}",
        "{\"id\":1,\"arrival_us\":0,\"input_tokens\":5,\"output_tokens\":1,\"measured\":{\"ttft_us\":1}}",
        "{\"id\":1,\"arrival_us\":0,\"input_tokens\":5,\"output_tokens\":1,\"measured\":{\"status\":\"ok\",\"status\":\"ok\"}}",
        "{\"id\":1,\"arrival_us\":0,\"input_tokens\":5,\"output_tokens\":1} x",
        "{\"id\":1,\"arrival_us\":0,\"input_tokens\":5,\"output_tokens\":1",
        "[1]",
    })
    void parse_anythingUnusual_leavesTheLineToTheStrictReader(String line) {
        // given a line that is invalid or outside the writer's shape
        // when the fast path reads it
        // then it declines, so the strict reader reports (or accepts) it as before
        assertNull(new RequestLineParser().parse(line));
    }
}
