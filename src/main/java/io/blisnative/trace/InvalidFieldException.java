package io.blisnative.trace;

/**
 * A trace value that breaks its field's contract. Thrown by the compact constructors of the trace
 * records so that readers can report which field of which line was wrong.
 */
public final class InvalidFieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String detail;

    /**
     * @param field  the JSON field name (snake_case), e.g. {@code input_tokens}
     * @param detail what is wrong, e.g. {@code must be >= 0, got -3}
     */
    public InvalidFieldException(String field, String detail) {
        super(field + " " + detail);
        this.field = field;
        this.detail = detail;
    }

    /** What is wrong, without the field name. */
    public String detail() {
        return detail;
    }

    /** The JSON field name the problem is about. */
    public String field() {
        return field;
    }

    static void require(boolean ok, String field, String detail) {
        if (!ok) {
            throw new InvalidFieldException(field, detail);
        }
    }

    static <T> T requireNonNull(T value, String field) {
        if (value == null) {
            throw new InvalidFieldException(field, "is required");
        }
        return value;
    }

    static String requireText(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new InvalidFieldException(field, "must be a non-empty string");
        }
        return value;
    }

    static void requireAtLeast(long value, long min, String field) {
        if (value < min) {
            throw new InvalidFieldException(field, "must be >= " + min + ", got " + value);
        }
    }

    static void requireOptionalAtLeast(Number value, long min, String field) {
        if (value != null && value.longValue() < min) {
            throw new InvalidFieldException(field, "must be >= " + min + ", got " + value);
        }
    }

    static void requireOptionalNonNegative(Double value, String field) {
        if (value != null && !(value >= 0 && Double.isFinite(value))) {
            throw new InvalidFieldException(field, "must be a finite number >= 0, got " + value);
        }
    }
}
