package io.blisnative.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One data row of a BLIS TraceV2 CSV, the columns the conversion uses. Columns are found by name
 * in the CSV header row, so BLIS's optional columns (vllm_priority, slo_target_us, x_request_id,
 * adapter, think_time_us) may be present or not.
 *
 * @param line 1-based line of the row in the CSV, for error messages
 */
record TraceV2Row(long line, long requestId, String clientId, String sloClass, String sessionId, int roundIndex,
        String prefixGroup, int prefixLength, int inputTokens, int outputTokens, long deadlineUs,
        int serverInputTokens, long arrivalTimeUs, long sendTimeUs, long firstChunkTimeUs, long lastChunkTimeUs,
        int numChunks, String status) {

    private static final String[] REQUIRED = {"request_id", "client_id", "slo_class", "session_id", "round_index",
        "prefix_group", "prefix_length", "input_tokens", "output_tokens", "deadline_us", "server_input_tokens",
        "arrival_time_us", "send_time_us", "first_chunk_time_us", "last_chunk_time_us", "num_chunks", "status"};

    /** Injection time as BLIS replay uses it: send time when recorded, else arrival time. */
    long injectionUs() {
        return sendTimeUs > 0 ? sendTimeUs : arrivalTimeUs;
    }

    /** Reads every row of a TraceV2 CSV. */
    static List<TraceV2Row> readAll(Path csv) {
        String file = csv.toString();
        try (BufferedReader br = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CsvRecordReader reader = new CsvRecordReader(file, br)) {
            List<String> head = reader.next();
            if (head == null) {
                throw new TraceFormatException(file, 1, null, "empty CSV: the column header row is missing");
            }
            Map<String, Integer> col = new HashMap<>();
            for (int i = 0; i < head.size(); i++) {
                col.put(head.get(i).trim(), i);
            }
            for (String name : REQUIRED) {
                if (!col.containsKey(name)) {
                    throw new TraceFormatException(file, 1, name, "required TraceV2 column is missing");
                }
            }
            List<TraceV2Row> rows = new ArrayList<>();
            List<String> f;
            while ((f = reader.next()) != null) {
                if (f.size() == 1 && f.get(0).isEmpty()) {
                    continue;
                }
                rows.add(parse(new Cells(file, reader.recordLine(), f, col, head.size())));
            }
            return rows;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new TraceFormatException(file, 0, null, "no such file");
        } catch (IOException e) {
            throw new TraceFormatException(file, 0, null, "cannot read: " + e.getMessage(), e);
        }
    }

    private static TraceV2Row parse(Cells c) {
        return new TraceV2Row(c.line, c.nonNegLong("request_id"), c.text("client_id"), c.text("slo_class"),
                c.text("session_id"), c.nonNegInt("round_index"), c.text("prefix_group"), c.nonNegInt("prefix_length"),
                c.nonNegInt("input_tokens"), c.nonNegInt("output_tokens"), c.nonNegLong("deadline_us"),
                c.nonNegInt("server_input_tokens"), c.nonNegLong("arrival_time_us"), c.nonNegLong("send_time_us"),
                c.nonNegLong("first_chunk_time_us"), c.nonNegLong("last_chunk_time_us"), c.nonNegInt("num_chunks"),
                c.text("status"));
    }

    /** The cells of one row with typed, error-reporting access by column name. */
    private static final class Cells {
        final String file;
        final long line;
        final List<String> values;
        final Map<String, Integer> col;

        Cells(String file, long line, List<String> values, Map<String, Integer> col, int width) {
            if (values.size() < width) {
                throw new TraceFormatException(file, line, null, "row has " + values.size()
                        + " columns, the header has " + width + " (truncated line?)");
            }
            this.file = file;
            this.line = line;
            this.values = values;
            this.col = col;
        }

        String text(String name) {
            return values.get(col.get(name)).trim();
        }

        long nonNegLong(String name) {
            String v = text(name);
            try {
                long x = Long.parseLong(v);
                if (x < 0) {
                    throw new TraceFormatException(file, line, name, "must be >= 0, got " + x);
                }
                return x;
            } catch (NumberFormatException e) {
                throw new TraceFormatException(file, line, name, "must be an integer, got '" + v + "'");
            }
        }

        int nonNegInt(String name) {
            long x = nonNegLong(name);
            if (x > Integer.MAX_VALUE) {
                throw new TraceFormatException(file, line, name, "too large: " + x);
            }
            return (int) x;
        }
    }
}
