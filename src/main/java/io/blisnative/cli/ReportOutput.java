package io.blisnative.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a finished report to stdout or to a file, whole or not at all. */
final class ReportOutput {
    private ReportOutput() {
    }

    static void write(String report, String output, PrintWriter stdout) {
        String text = report.isEmpty() || report.endsWith("\n") ? report : report + "\n";
        if (output == null || output.equals("-")) {
            stdout.print(text);
            stdout.flush();
            return;
        }
        Path target = Path.of(output).toAbsolutePath();
        Path tmp = null;
        try {
            tmp = AtomicFile.tempBeside(target);
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            AtomicFile.publish(tmp, target);
        } catch (IOException e) {
            throw new BadInputException(output + ": cannot write the report: " + e.getMessage(), e);
        } finally {
            AtomicFile.discard(tmp);
        }
    }
}
