package io.blisnative.trace;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Opens what a user hands to {@code replay} or {@code calibrate}: a canonical trace, standard
 * input, or a source in a format {@code convert} reads (an inference-perf experiment folder, a
 * BLIS TraceV2 header or data file, a vLLM benchmark result), converted in memory with
 * {@code convert}'s defaults, so that replaying it equals converting it and replaying the result.
 */
public final class TraceSource {
    /** How every canonical trace begins: a header object naming the format (docs/trace-format.md). */
    private static final Pattern CANONICAL_HEADER =
            Pattern.compile("^\\s*\\{.*\"format\"\\s*:\\s*\"blis-native-trace\"");

    private TraceSource() {
    }

    /**
     * A reader of the canonical trace at {@code pathOrDash} ({@code -}: standard input), converting
     * the file or folder first when it is not one.
     *
     * @throws TraceFormatException when the source is missing, of no known kind, or malformed
     */
    public static TraceReader open(String pathOrDash, InputStream stdin) {
        if (!"-".equals(pathOrDash)) {
            Path path = Path.of(pathOrDash);
            if (isForeign(path)) {
                return TraceReader.open(pathOrDash, converted(path));
            }
        }
        return TraceReader.openPathOrStdin(pathOrDash, stdin);
    }

    /**
     * True for a folder, and for a file that does not start with a canonical header but is named
     * like a source {@code convert} reads; any other file is left to the canonical reader, whose
     * errors name the line and field.
     */
    static boolean isForeign(Path path) {
        if (Files.isDirectory(path)) {
            return true;
        }
        if (!Files.isRegularFile(path)) {
            return false;
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean convertible = name.endsWith(".csv") || name.endsWith(".yaml") || name.endsWith(".yml")
                || name.endsWith(".json");
        return convertible && !startsWithCanonicalHeader(path);
    }

    private static boolean startsWithCanonicalHeader(Path path) {
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            char[] head = new char[4096];
            int n = in.read(head);
            return n > 0 && CANONICAL_HEADER.matcher(new String(head, 0, n)).find();
        } catch (IOException e) {
            // Not readable as text: the canonical reader reports it with the file's name.
            return true;
        }
    }

    private static InputStream converted(Path source) {
        Trace trace = TraceConversion.convert(source, null, ConvertOptions.defaults());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TraceWriter writer = new TraceWriter(bytes);
        writer.write(trace);
        writer.flush();
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
