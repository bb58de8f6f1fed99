package io.blisnative.trace;

/**
 * Malformed trace or conversion input. The one-line message names the file, the 1-based line
 * (when known) and the field (when known), e.g.
 * {@code traces/x.jsonl:12: field 'input_tokens': must be >= 0, got -1}. The CLI maps it to exit
 * code 3.
 */
public final class TraceFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String field;
    private final String detail;

    /**
     * @param file   file name as the user gave it ({@code -} for stdin)
     * @param line   1-based line number, or 0 when the problem is not tied to one line
     * @param field  offending field (snake_case or source column name), or null
     * @param detail what is wrong, one line
     */
    public TraceFormatException(String file, long line, String field, String detail) {
        this(file, line, field, detail, null);
    }

    public TraceFormatException(String file, long line, String field, String detail, Throwable cause) {
        super(format(file, line, field, detail), cause);
        this.file = file;
        this.line = line;
        this.field = field;
        this.detail = detail;
    }

    private static String format(String file, long line, String field, String detail) {
        StringBuilder sb = new StringBuilder(file == null ? "<unknown>" : file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (field != null && !field.isEmpty()) {
            sb.append("field '").append(field).append("': ");
        }
        sb.append(oneLine(detail));
        return sb.toString();
    }

    static String oneLine(String text) {
        if (text == null) {
            return "invalid value";
        }
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).trim();
    }

    public String file() {
        return file;
    }

    /** 1-based line, 0 when unknown. */
    public long line() {
        return line;
    }

    /** Field name, or null. */
    public String field() {
        return field;
    }

    public String detail() {
        return detail;
    }
}
