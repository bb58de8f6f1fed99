package io.blisnative.metrics;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV: each grid is a block of a header row and data rows, all starting with a {@code table}
 * field that holds the grid's id; blocks are separated by a blank line. Footnotes are prose and
 * are left out. Fields are quoted per RFC 4180 when they hold a comma, quote or line break.
 */
final class CsvBlockWriter implements BlockWriter {

    @Override
    public void write(List<Block> blocks, PrintWriter out) {
        boolean first = true;
        for (Block b : blocks) {
            if (!(b instanceof Grid g)) {
                continue;
            }
            if (!first) {
                out.print('\n');
            }
            first = false;
            List<String> header = new ArrayList<>();
            header.add("table");
            header.addAll(g.csvHeader());
            out.print(line(header) + "\n");
            for (List<Cell> cells : g.rows()) {
                List<String> fields = new ArrayList<>();
                fields.add(g.id());
                cells.forEach(c -> fields.add(c.render(true)));
                out.print(line(fields) + "\n");
            }
        }
        out.flush();
    }

    private static String line(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(fields.get(i)));
        }
        return sb.toString();
    }

    private static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
