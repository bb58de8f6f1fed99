package io.blisnative.metrics;

import java.io.PrintWriter;
import java.util.List;

/** Prints report blocks in one text format. Lines end with '\n' whatever the platform. */
interface BlockWriter {

    void write(List<Block> blocks, PrintWriter out);

    /** The writer for a non-JSON format. */
    static BlockWriter of(Format format) {
        switch (format) {
            case TABLE:
                return new TextBlockWriter();
            case MARKDOWN:
                return new MarkdownBlockWriter();
            case CSV:
                return new CsvBlockWriter();
            default:
                throw new IllegalArgumentException("format " + format + " is not written by a BlockWriter");
        }
    }

    /** "title: name value, name value" for a one-row grid. */
    static String inlineLine(Grid g) {
        StringBuilder sb = new StringBuilder(g.title()).append(": ");
        List<Cell> row = g.rows().get(0);
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(g.header().get(i)).append(' ').append(row.get(i).render(false));
        }
        return sb.toString();
    }
}
