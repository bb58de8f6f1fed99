package io.blisnative.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes a canonical trace: {@link #writeHeader} once, then {@link #write} per request in arrival
 * order. Output is UTF-8, one JSON object per line, {@code \n} line ends, fields in a fixed order,
 * absent optional fields omitted; the same records always give the same bytes.
 */
public final class TraceWriter implements AutoCloseable {

    private static final ObjectWriter HEADER_WRITER = TraceJson.MAPPER.writerFor(TraceHeader.class);
    private static final ObjectWriter REQUEST_WRITER = TraceJson.MAPPER.writerFor(TraceRequest.class);

    private final Writer out;
    private boolean headerWritten;
    private long lastArrivalUs = -1;
    private long requests;

    /** Writes to a stream, which the writer closes. */
    public TraceWriter(OutputStream stream) {
        this(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    }

    /** Writes to a character sink, which the writer closes. */
    public TraceWriter(Writer writer) {
        this.out = writer instanceof BufferedWriter ? writer : new BufferedWriter(writer, 1 << 16);
    }

    /** Writes the header line; must be called once, before any request. */
    public void writeHeader(TraceHeader header) {
        if (headerWritten) {
            throw new IllegalStateException("header already written");
        }
        line(HEADER_WRITER, header);
        headerWritten = true;
    }

    /**
     * Writes one request line.
     *
     * @throws IllegalStateException    when no header was written yet
     * @throws IllegalArgumentException when arrivals would go backwards
     */
    public void write(TraceRequest request) {
        if (!headerWritten) {
            throw new IllegalStateException("write the header before requests");
        }
        if (request.arrivalUs() < lastArrivalUs) {
            throw new IllegalArgumentException("arrival_us must not decrease: request " + request.id()
                    + " arrives at " + request.arrivalUs() + " after " + lastArrivalUs);
        }
        lastArrivalUs = request.arrivalUs();
        line(REQUEST_WRITER, request);
        requests++;
    }

    /** Writes a whole trace. */
    public void write(Trace trace) {
        writeHeader(trace.header());
        for (TraceRequest r : trace.requests()) {
            write(r);
        }
    }

    /** Number of request lines written so far. */
    public long requestsWritten() {
        return requests;
    }

    private void line(ObjectWriter writer, Object value) {
        try {
            out.write(writer.writeValueAsString(value));
            out.write('\n');
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes buffered lines to the underlying sink. */
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
