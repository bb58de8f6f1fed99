package io.blisnative.metrics;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligned plain-text tables: title, header, a rule of dashes, rows. Labels are left-aligned,
 * numbers right-aligned, columns separated by two spaces, blocks by a blank line.
 */
final class TextBlockWriter implements BlockWriter {

    private static final String GAP = "  ";

    @Override
    public void write(List<Block> blocks, PrintWriter out) {
        Block prev = null;
        for (Block b : blocks) {
            // consecutive footnotes stay together; everything else is separated by a blank line
            if (prev != null && !(b instanceof Note && prev instanceof Note)) {
                out.print('\n');
            }
            prev = b;
            if (b instanceof Grid g) {
                writeGrid(g, out);
            } else if (b instanceof Note n) {
                out.print("Note: " + n.text() + "\n");
            }
        }
        out.flush();
    }

    private static void writeGrid(Grid g, PrintWriter out) {
        if (g.inline()) {
            out.print(BlockWriter.inlineLine(g) + "\n");
            return;
        }
        List<List<String>> text = new ArrayList<>();
        for (List<Cell> row : g.rows()) {
            text.add(row.stream().map(c -> c.render(false)).toList());
        }
        int[] width = new int[g.header().size()];
        boolean[] left = new boolean[width.length];
        for (int c = 0; c < width.length; c++) {
            width[c] = g.header().get(c).length();
            left[c] = g.rows().isEmpty() || g.rows().get(0).get(c).isText();
            for (List<String> row : text) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        out.print(g.title() + "\n");
        out.print(line(g.header(), width, left) + "\n");
        out.print(line(rule(width), width, left) + "\n");
        for (int r = 0; r < text.size(); r++) {
            boolean[] rowLeft = new boolean[width.length];
            for (int c = 0; c < width.length; c++) {
                rowLeft[c] = g.rows().get(r).get(c).isText();
            }
            out.print(line(text.get(r), width, rowLeft) + "\n");
        }
    }

    private static List<String> rule(int[] width) {
        List<String> dashes = new ArrayList<>();
        for (int w : width) {
            dashes.add("-".repeat(w));
        }
        return dashes;
    }

    private static String line(List<String> cells, int[] width, boolean[] left) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < width.length; c++) {
            if (c > 0) {
                sb.append(GAP);
            }
            String s = cells.get(c);
            String pad = " ".repeat(width[c] - s.length());
            sb.append(left[c] ? s + pad : pad + s);
        }
        return sb.toString().stripTrailing();
    }
}
