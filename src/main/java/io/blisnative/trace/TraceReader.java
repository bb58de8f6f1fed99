package io.blisnative.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Streams a canonical trace: the header is read and validated on open, request lines one at a time
 * as the iterator advances, so a trace of any length needs memory for one line only.
 *
 * <p>Every line is validated: JSON syntax (a truncated line is an error), field types, required
 * fields, value ranges, and that arrivals never go backwards. Any violation throws a
 * {@link TraceFormatException} naming file, line and field.
 *
 * <pre>{@code
 * try (TraceReader reader = TraceReader.open(Path.of("traces/llama70b.jsonl"))) {
 *     TraceHeader header = reader.header();
 *     for (TraceRequest r : reader) { ... }
 * }
 * }</pre>
 */
public final class TraceReader implements AutoCloseable, Iterable<TraceRequest> {

    private static final ObjectReader HEADER_READER = TraceJson.MAPPER.readerFor(TraceHeader.class);

    /**
     * Built on first use: {@link RequestLineParser} reads every line the trace writer produces, and
     * building this reader's deserializer by reflection was a tenth of a small replay's start-up.
     */
    private static final class StrictRequestReader {
        static final ObjectReader INSTANCE = TraceJson.MAPPER.readerFor(TraceRequest.class);
    }

    private final String name;
    private final BufferedReader in;
    private final TraceHeader header;
    private long lineNo;
    private boolean iterated;

    private TraceReader(String name, BufferedReader in) {
        this.name = name;
        this.in = in;
        this.header = readHeader();
    }

    /**
     * Opens a trace file, or standard input when the path is {@code -}.
     *
     * @throws TraceFormatException when the file is missing or its header is absent or invalid
     */
    public static TraceReader openPathOrStdin(String pathOrDash, InputStream stdin) {
        if ("-".equals(pathOrDash)) {
            return open("-", stdin);
        }
        return open(Path.of(pathOrDash));
    }

    /** Opens a trace file. */
    public static TraceReader open(Path path) {
        try {
            return open(path.toString(), Files.newInputStream(path));
        } catch (NoSuchFileException e) {
            throw new TraceFormatException(path.toString(), 0, null, "no such file");
        } catch (IOException e) {
            throw new TraceFormatException(path.toString(), 0, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a trace from a stream; {@code name} is used in error messages. The reader owns the
     * stream and closes it.
     */
    public static TraceReader open(String name, InputStream stream) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 1 << 16);
        try {
            return new TraceReader(name, reader);
        } catch (RuntimeException e) {
            closeQuietly(reader);
            throw e;
        }
    }

    /** The validated header. */
    public TraceHeader header() {
        return header;
    }

    /** File name as given ({@code -} for stdin). */
    public String name() {
        return name;
    }

    /**
     * The request records in file order. Single use: a trace is streamed once.
     *
     * @throws TraceFormatException from {@code next()/hasNext()} on the first invalid line
     */
    @Override
    public Iterator<TraceRequest> iterator() {
        if (iterated) {
            throw new IllegalStateException("a trace can be iterated only once");
        }
        iterated = true;
        return new RequestIterator();
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TraceHeader readHeader() {
        String line = nextLine();
        if (line == null || line.isBlank()) {
            throw new TraceFormatException(name, 1, null, "header missing: the trace is empty");
        }
        JsonNode node;
        try {
            node = TraceJson.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw TraceJson.toFormatException(name, lineNo, e);
        }
        if (!node.isObject() || !node.has("format")) {
            throw new TraceFormatException(name, 1, "format",
                    "header missing: the first line must be the " + TraceHeader.FORMAT + " header object");
        }
        try {
            return HEADER_READER.treeToValue(node, TraceHeader.class);
        } catch (JsonProcessingException e) {
            throw TraceJson.toFormatException(name, lineNo, e);
        } catch (IllegalArgumentException e) {
            throw fromIllegalArgument(e);
        }
    }

    private TraceFormatException fromIllegalArgument(IllegalArgumentException e) {
        if (e instanceof InvalidFieldException ife) {
            return new TraceFormatException(name, lineNo, ife.field(), ife.detail(), e);
        }
        return new TraceFormatException(name, lineNo, null, e.getMessage(), e);
    }

    private String nextLine() {
        try {
            String line = in.readLine();
            if (line != null) {
                lineNo++;
            }
            return line;
        } catch (IOException e) {
            throw new TraceFormatException(name, lineNo + 1, null, "cannot read: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(BufferedReader reader) {
        try {
            reader.close();
        } catch (IOException ignored) {
            // the original failure is what the caller needs to see
        }
    }

    /** Jackson's strict data binding: every line the fast parser declines, and every error message. */
    private TraceRequest strict(String line) {
        try {
            return StrictRequestReader.INSTANCE.readValue(line);
        } catch (JsonProcessingException e) {
            throw TraceJson.toFormatException(name, lineNo, e);
        } catch (IllegalArgumentException e) {
            throw fromIllegalArgument(e);
        }
    }

    private final class RequestIterator implements Iterator<TraceRequest> {
        private final RequestLineParser fast = new RequestLineParser();
        private TraceRequest next;
        private boolean done;
        private long lastArrivalUs = -1;

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                next = readRequest();
                done = next == null;
            }
            return next != null;
        }

        @Override
        public TraceRequest next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            TraceRequest r = next;
            next = null;
            return r;
        }

        private TraceRequest readRequest() {
            String line = nextLine();
            if (line == null) {
                return null;
            }
            if (line.isBlank()) {
                throw new TraceFormatException(name, lineNo, null, "empty line (one JSON object per line expected)");
            }
            TraceRequest r = fast.parse(line);
            if (r == null) {
                r = strict(line);
            }
            if (r.arrivalUs() < lastArrivalUs) {
                throw new TraceFormatException(name, lineNo, "arrival_us",
                        "must not decrease: " + r.arrivalUs() + " after " + lastArrivalUs);
            }
            lastArrivalUs = r.arrivalUs();
            return r;
        }
    }
}
