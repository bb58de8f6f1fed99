package io.blisnative.metrics;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** GitHub-flavoured Markdown: a level-3 heading and a pipe table per grid, notes as paragraphs. */
final class MarkdownBlockWriter implements BlockWriter {

    @Override
    public void write(List<Block> blocks, PrintWriter out) {
        boolean first = true;
        for (Block b : blocks) {
            if (!first) {
                out.print('\n');
            }
            first = false;
            if (b instanceof Grid g) {
                writeGrid(g, out);
            } else if (b instanceof Note n) {
                out.print("Note: " + escape(n.text()) + "\n");
            }
        }
        out.flush();
    }

    private static void writeGrid(Grid g, PrintWriter out) {
        if (g.inline()) {
            out.print(escape(BlockWriter.inlineLine(g)) + "\n");
            return;
        }
        out.print("### " + escape(g.title()) + "\n\n");
        out.print(row(g.header()) + "\n");
        StringBuilder align = new StringBuilder("|");
        for (int c = 0; c < g.header().size(); c++) {
            boolean left = g.rows().isEmpty() || g.rows().get(0).get(c).isText();
            align.append(left ? " :--- |" : " ---: |");
        }
        out.print(align + "\n");
        for (List<Cell> cells : g.rows()) {
            out.print(row(cells.stream().map(c -> c.render(false)).toList()) + "\n");
        }
    }

    private static String row(List<String> cells) {
        return cells.stream().map(MarkdownBlockWriter::escape).collect(Collectors.joining(" | ", "| ", " |"));
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }
}
