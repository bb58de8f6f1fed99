package io.blisnative.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceReaderTest {

    private static String headerLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TraceWriter w = new TraceWriter(bytes)) {
            w.writeHeader(TraceTestData.header());
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static TraceFormatException readFails(String text) {
        return assertThrows(TraceFormatException.class, () -> {
            try (TraceReader r = TraceReader.open("bad.jsonl", stream(text))) {
                r.forEach(x -> { });
            }
        });
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void open_writtenTrace_readsBackEqualRecords() {
        // given a header and two requests, one with every optional field
        TraceRequest plain = TraceRequest.of(0, 0, 547, 248);
        TraceRequest full = new TraceRequest(7, 125_000, 800, 250, "g3", 150, "s0-u4", 2, 1, "critical", 300_125_000L,
                true, "c1", new RequestMeasurement(26_000L, 2_070_000L, 251, "ok"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TraceWriter w = new TraceWriter(bytes)) {
            w.write(new Trace(TraceTestData.header(), List.of(plain, full)));
        }
        // when it is read back
        List<TraceRequest> read = new ArrayList<>();
        TraceHeader header;
        try (TraceReader r = TraceReader.open("mem", new ByteArrayInputStream(bytes.toByteArray()))) {
            header = r.header();
            r.forEach(read::add);
        }
        // then every field survives (doubles rounded to 6 decimals)
        assertEquals(List.of(plain, full), read);
        assertEquals(5320.605253, header.measured().overall().e2e().meanMs());
        assertEquals(TraceTestData.header().stages(), header.stages());
    }

    @Test
    void write_sameRecords_giveIdenticalBytesWithFixedFieldOrder() {
        // given the same trace written twice
        Trace trace = new Trace(TraceTestData.header(), List.of(TraceRequest.of(1, 5, 10, 2)));
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (TraceWriter w = new TraceWriter(a)) {
            w.write(trace);
        }
        try (TraceWriter w = new TraceWriter(b)) {
            w.write(trace);
        }
        // then bytes are equal, optional nulls are omitted and the request line is as documented
        assertEquals(a.toString(StandardCharsets.UTF_8), b.toString(StandardCharsets.UTF_8));
        String[] lines = a.toString(StandardCharsets.UTF_8).split("\n");
        assertTrue(lines[0].startsWith("{\"format\":\"blis-native-trace\",\"version\":1,\"name\":\"unit\""));
        assertEquals("{\"id\":1,\"arrival_us\":5,\"input_tokens\":10,\"output_tokens\":2}", lines[1]);
    }

    @Test
    void format_doubles_roundToSixDecimalsWithoutTrailingZeros() {
        // given doubles with binary noise and integral values
        // then the text is the exact value rounded half-even to 6 decimals
        assertEquals("0.9", TraceJson.format(0.9));
        assertEquals("8", TraceJson.format(8.0));
        assertEquals("46.7", TraceJson.format(46.699999999999996));
        assertEquals("0.000002", TraceJson.format(1.7220008885487914e-06));
        assertEquals("0", TraceJson.format(-0.0));
    }

    @Test
    void read_truncatedLine_namesFileAndLine() {
        // given a trace whose last line was cut off mid-object
        String text = headerLine() + "{\"id\":0,\"arrival_us\":0,\"input_tokens\":5,\"output_tokens\":1}\n{\"id\":1,\"arri";
        // when it is read, then the error names file and line 3
        TraceFormatException e = readFails(text);
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("bad.jsonl:3: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void read_wrongType_namesField() {
        // given a token count written as a string
        TraceFormatException e = readFails(headerLine()
                + "{\"id\":0,\"arrival_us\":0,\"input_tokens\":\"12\",\"output_tokens\":1}\n");
        // then the error names line 2 and the field
        assertEquals(2, e.line());
        assertEquals("input_tokens", e.field());
        assertTrue(e.getMessage().startsWith("bad.jsonl:2: field 'input_tokens': "), e.getMessage());
    }

    @Test
    void read_negativeArrival_namesField() {
        TraceFormatException e = readFails(headerLine()
                + "{\"id\":0,\"arrival_us\":-5,\"input_tokens\":12,\"output_tokens\":1}\n");
        assertEquals("arrival_us", e.field());
        assertEquals("bad.jsonl:2: field 'arrival_us': must be >= 0, got -5", e.getMessage());
    }

    @Test
    void read_headerMissing_failsOnLineOne() {
        // given a trace that starts with a request line
        TraceFormatException e = readFails("{\"id\":0,\"arrival_us\":0,\"input_tokens\":12,\"output_tokens\":1}\n");
        // then the error says the header is missing
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("header missing"), e.getMessage());
    }

    @Test
    void read_emptyInput_reportsMissingHeader() {
        TraceFormatException e = readFails("");
        assertTrue(e.getMessage().contains("header missing"), e.getMessage());
    }

    @Test
    void read_missingRequiredField_namesIt() {
        TraceFormatException e = readFails(headerLine() + "{\"id\":0,\"arrival_us\":0,\"input_tokens\":12}\n");
        assertEquals("output_tokens", e.field());
    }

    @Test
    void read_unknownFieldFractionOrWrongHeaderValue_isRejected() {
        // given an unknown field, a fraction for an integer, and a bad nested header value
        TraceFormatException unknown = readFails(headerLine()
                + "{\"id\":0,\"arrival_us\":0,\"input_tokens\":1,\"output_tokens\":1,\"colour\":\"red\"}\n");
        TraceFormatException fraction = readFails(headerLine()
                + "{\"id\":0,\"arrival_us\":0.5,\"input_tokens\":1,\"output_tokens\":1}\n");
        TraceFormatException nested = readFails(headerLine().replace("\"tp\":1", "\"tp\":0"));
        TraceFormatException duplicate = readFails(headerLine()
                + "{\"id\":0,\"arrival_us\":0,\"input_tokens\":1,\"input_tokens\":2,\"output_tokens\":1}\n");
        // then each names its field
        assertEquals("colour", unknown.field());
        assertEquals("arrival_us", fraction.field());
        assertEquals("tp", nested.field());
        assertEquals(1, nested.line());
        assertTrue(duplicate.getMessage().contains("Duplicate field 'input_tokens'"), duplicate.getMessage());
    }

    @Test
    void read_arrivalGoingBackwards_isRejected() {
        TraceFormatException e = readFails(headerLine()
                + "{\"id\":0,\"arrival_us\":10,\"input_tokens\":1,\"output_tokens\":1}\n"
                + "{\"id\":1,\"arrival_us\":9,\"input_tokens\":1,\"output_tokens\":1}\n");
        assertEquals(3, e.line());
        assertEquals("arrival_us", e.field());
    }

    @Test
    void read_prefixTokensWithoutGroupOrTooLong_isRejected() {
        TraceFormatException noGroup = readFails(headerLine()
                + "{\"id\":0,\"arrival_us\":0,\"input_tokens\":10,\"output_tokens\":1,\"prefix_tokens\":5}\n");
        TraceFormatException tooLong = readFails(headerLine() + "{\"id\":0,\"arrival_us\":0,\"input_tokens\":10,"
                + "\"output_tokens\":1,\"prefix_group\":\"g\",\"prefix_tokens\":11}\n");
        assertEquals("prefix_tokens", noGroup.field());
        assertEquals("prefix_tokens", tooLong.field());
    }

    @Test
    void openPathOrStdin_dash_readsTheGivenStream() {
        // given a trace on "stdin"
        String text = headerLine() + "{\"id\":0,\"arrival_us\":0,\"input_tokens\":5,\"output_tokens\":1}\n";
        // when "-" is opened
        try (TraceReader r = TraceReader.openPathOrStdin("-", stream(text))) {
            // then it reads from the stream and names it "-"
            assertEquals("-", r.name());
            assertEquals(5, r.iterator().next().inputTokens());
        }
    }

    @Test
    void open_missingFile_reportsIt(@TempDir Path dir) {
        TraceFormatException e = assertThrows(TraceFormatException.class,
                () -> TraceReader.open(dir.resolve("nope.jsonl")));
        assertTrue(e.getMessage().endsWith("no such file"), e.getMessage());
    }

    @Test
    void iterator_endlessInput_streamsWithoutReadingAhead() {
        // given an input stream that never ends (a whole-file reader would never return)
        byte[] head = headerLine().getBytes(StandardCharsets.UTF_8);
        InputStream endless = new InputStream() {
            private long pos;
            private byte[] line = new byte[0];
            private int linePos;
            private long next;

            @Override
            public int read() {
                if (pos < head.length) {
                    return head[(int) pos++];
                }
                if (linePos == line.length) {
                    line = ("{\"id\":" + next + ",\"arrival_us\":" + next + ",\"input_tokens\":5,\"output_tokens\":1}\n")
                            .getBytes(StandardCharsets.UTF_8);
                    next++;
                    linePos = 0;
                }
                return line[linePos++];
            }
        };
        // when the first requests are taken
        try (TraceReader r = TraceReader.open("endless", endless)) {
            Iterator<TraceRequest> it = r.iterator();
            long sum = 0;
            for (int i = 0; i < 1000; i++) {
                sum += it.next().id();
            }
            // then they arrive one by one
            assertEquals(999L * 1000 / 2, sum);
        }
    }

    @Test
    void writeAtomically_success_leavesOnlyTheTarget(@TempDir Path dir) throws Exception {
        // given a trace and a target in an empty folder
        Trace trace = new Trace(TraceTestData.header(), List.of(TraceRequest.of(0, 0, 5, 1)));
        Path target = dir.resolve("t.jsonl");
        // when it is written
        TraceFiles.writeAtomically(trace, target);
        // then the folder holds exactly the target, and it reads back
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
        try (TraceReader r = TraceReader.open(target)) {
            assertEquals(0, r.iterator().next().id());
        }
    }
}
