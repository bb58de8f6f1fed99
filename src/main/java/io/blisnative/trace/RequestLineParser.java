package io.blisnative.trace;

/**
 * Fast path for reading one request line: a hand-rolled scanner for the shape the trace writer
 * produces (known keys once each, non-negative integers, plain strings, {@code "warmup": true},
 * a flat {@code measured} object). A million-line trace is read several times faster than
 * through Jackson's data binding.
 *
 * <p>It never decides that a line is invalid: anything else (escapes, nulls, fractions, signs,
 * unknown or repeated keys, values the record rejects, trailing text) returns {@code null}, and
 * the caller parses the line with the strict Jackson reader, which reports the error with file,
 * line and field exactly as before. So both paths accept the same lines and build equal records.
 */
final class RequestLineParser {
    private static final int ID = 1;
    private static final int ARRIVAL = 1 << 1;
    private static final int INPUT = 1 << 2;
    private static final int OUTPUT = 1 << 3;
    private static final int REQUIRED = ID | ARRIVAL | INPUT | OUTPUT;

    private String s;
    private int pos;
    private int seen;
    private long number;
    private String text;

    /** The request on {@code line}, or null when the line needs the strict reader. */
    TraceRequest parse(String line) {
        s = line;
        pos = 0;
        seen = 0;
        try {
            return parseRequest();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private TraceRequest parseRequest() {
        long id = 0;
        long arrivalUs = 0;
        long inputTokens = 0;
        long outputTokens = 0;
        String prefixGroup = null;
        Integer prefixTokens = null;
        String session = null;
        Integer round = null;
        Integer stage = null;
        String sloClass = null;
        Long deadlineUs = null;
        Boolean warmup = null;
        String client = null;
        RequestMeasurement measured = null;
        if (!open()) {
            return null;
        }
        while (true) {
            String key = key();
            if (key == null) {
                return null;
            }
            boolean ok;
            switch (key) {
                case "id" -> { ok = first(ID) && integer(Long.MAX_VALUE); id = number; }
                case "arrival_us" -> { ok = first(ARRIVAL) && integer(Long.MAX_VALUE); arrivalUs = number; }
                case "input_tokens" -> { ok = first(INPUT) && integer(Integer.MAX_VALUE); inputTokens = number; }
                case "output_tokens" -> { ok = first(OUTPUT) && integer(Integer.MAX_VALUE); outputTokens = number; }
                case "prefix_group" -> { ok = first(1 << 4) && string(); prefixGroup = text; }
                case "prefix_tokens" -> { ok = first(1 << 5) && integer(Integer.MAX_VALUE); prefixTokens = (int) number; }
                case "session" -> { ok = first(1 << 6) && string(); session = text; }
                case "round" -> { ok = first(1 << 7) && integer(Integer.MAX_VALUE); round = (int) number; }
                case "stage" -> { ok = first(1 << 8) && integer(Integer.MAX_VALUE); stage = (int) number; }
                case "slo_class" -> { ok = first(1 << 9) && string(); sloClass = text; }
                case "deadline_us" -> { ok = first(1 << 10) && integer(Long.MAX_VALUE); deadlineUs = number; }
                case "warmup" -> { ok = first(1 << 11) && literalTrue(); warmup = Boolean.TRUE; }
                case "client" -> { ok = first(1 << 12) && string(); client = text; }
                case "measured" -> {
                    ok = first(1 << 13);
                    measured = ok ? measured() : null;
                    ok = measured != null;
                }
                default -> ok = false;
            }
            if (!ok) {
                return null;
            }
            int c = next();
            if (c == '}') {
                break;
            }
            if (c != ',') {
                return null;
            }
        }
        if ((seen & REQUIRED) != REQUIRED || !atEnd()) {
            return null;
        }
        return new TraceRequest(id, arrivalUs, (int) inputTokens, (int) outputTokens, prefixGroup, prefixTokens,
                session, round, stage, sloClass, deadlineUs, warmup, client, measured);
    }

    private RequestMeasurement measured() {
        Long ttftUs = null;
        Long e2eUs = null;
        Integer numChunks = null;
        String status = null;
        int outer = seen;
        seen = 0;
        if (!open()) {
            return null;
        }
        while (true) {
            String key = key();
            if (key == null) {
                return null;
            }
            boolean ok;
            switch (key) {
                case "ttft_us" -> { ok = first(1) && integer(Long.MAX_VALUE); ttftUs = number; }
                case "e2e_us" -> { ok = first(1 << 1) && integer(Long.MAX_VALUE); e2eUs = number; }
                case "num_chunks" -> { ok = first(1 << 2) && integer(Integer.MAX_VALUE); numChunks = (int) number; }
                case "status" -> { ok = first(1 << 3) && string(); status = text; }
                default -> ok = false;
            }
            if (!ok) {
                return null;
            }
            int c = next();
            if (c == '}') {
                break;
            }
            if (c != ',') {
                return null;
            }
        }
        seen = outer;
        return status == null ? null : new RequestMeasurement(ttftUs, e2eUs, numChunks, status);
    }

    /** Marks a key as seen; false when it already was (a duplicate key is an error Jackson names). */
    private boolean first(int bit) {
        if ((seen & bit) != 0) {
            return false;
        }
        seen |= bit;
        return true;
    }

    private boolean open() {
        return next() == '{';
    }

    /** Reads {@code "name":} and returns the name, or null. */
    private String key() {
        if (next() != '"' || !stringBody()) {
            return null;
        }
        return next() == ':' ? text : null;
    }

    private boolean string() {
        return next() == '"' && stringBody();
    }

    /** After the opening quote: text up to the closing quote; no escapes or control characters. */
    private boolean stringBody() {
        int start = pos;
        int n = s.length();
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == '"') {
                text = s.substring(start, pos);
                pos++;
                return true;
            }
            if (c == '\\' || c < 0x20) {
                return false;
            }
            pos++;
        }
        return false;
    }

    /** A plain non-negative integer no larger than {@code max}: digits only, no leading zero. */
    private boolean integer(long max) {
        skipSpace();
        int n = s.length();
        int start = pos;
        long v = 0;
        while (pos < n) {
            char c = s.charAt(pos);
            if (c < '0' || c > '9') {
                break;
            }
            if (v > (max - (c - '0')) / 10) {
                return false;
            }
            v = v * 10 + (c - '0');
            pos++;
        }
        int digits = pos - start;
        if (digits == 0 || (digits > 1 && s.charAt(start) == '0')) {
            return false;
        }
        if (pos < n) {
            char c = s.charAt(pos);
            if (c == '.' || c == 'e' || c == 'E') {
                return false;
            }
        }
        number = v;
        return true;
    }

    private boolean literalTrue() {
        skipSpace();
        if (s.startsWith("true", pos)) {
            pos += 4;
            return true;
        }
        return false;
    }

    /** The next non-blank character, consumed; -1 at the end. */
    private int next() {
        skipSpace();
        return pos < s.length() ? s.charAt(pos++) : -1;
    }

    private boolean atEnd() {
        skipSpace();
        return pos == s.length();
    }

    private void skipSpace() {
        int n = s.length();
        while (pos < n) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return;
            }
            pos++;
        }
    }
}
