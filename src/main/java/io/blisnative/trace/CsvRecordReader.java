package io.blisnative.trace;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal RFC 4180 CSV reader: comma separated, fields optionally in double quotes with {@code ""}
 * for a quote, quoted fields may span lines, LF or CRLF line ends. Tracks the line on which each
 * record starts so errors can name it.
 */
final class CsvRecordReader implements AutoCloseable {

    private final String file;
    private final Reader in;
    private long line = 1;
    private long recordLine;
    private int pushedBack = -2;

    CsvRecordReader(String file, Reader in) {
        this.file = file;
        this.in = in;
    }

    /** 1-based line where the last returned record started. */
    long recordLine() {
        return recordLine;
    }

    /** Next record's fields, or null at end of input. */
    List<String> next() throws IOException {
        recordLine = line;
        int c = read();
        if (c == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new TraceFormatException(file, recordLine, null,
                            "unterminated quoted field (truncated file?)");
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                        c = d;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == -1) {
                break;
            } else if (c == '\r') {
                int d = read();
                if (d != '\n') {
                    unread(d);
                }
                break;
            } else if (c == '"' && field.length() == 0 && !afterQuote) {
                quoted = true;
            } else if (afterQuote) {
                throw new TraceFormatException(file, recordLine, null, "unexpected character after closing quote");
            } else {
                field.append((char) c);
            }
            c = read();
        }
        fields.add(field.toString());
        return fields;
    }

    private int read() throws IOException {
        int c;
        if (pushedBack != -2) {
            c = pushedBack;
            pushedBack = -2;
        } else {
            c = in.read();
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private void unread(int c) {
        if (c == '\n') {
            line--;
        }
        pushedBack = c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
