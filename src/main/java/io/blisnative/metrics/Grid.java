package io.blisnative.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * A titled table. {@code header} is what people read, {@code csvHeader} the snake_case names CSV
 * consumers key on. An inline grid (one row) is printed by the text formats as a single line.
 *
 * @param id        machine name of the table, the first CSV field of each of its rows
 * @param title     heading printed above the table
 * @param header    column headings for the text formats
 * @param csvHeader column names for CSV, same length as {@code header}
 * @param rows      rows of cells, each as long as the header
 * @param inline    print as one "title: name value, ..." line in the text formats
 */
record Grid(String id, String title, List<String> header, List<String> csvHeader, List<List<Cell>> rows,
            boolean inline) implements Block {

    Grid {
        header = List.copyOf(header);
        csvHeader = List.copyOf(csvHeader);
        if (header.size() != csvHeader.size()) {
            throw new IllegalArgumentException("header and csvHeader must have the same length");
        }
        rows = rows.stream().map(List::copyOf).toList();
        for (List<Cell> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("rows of grid '" + id + "' must have " + header.size() + " cells");
            }
        }
    }

    static Builder builder(String id, String title) {
        return new Builder(id, title);
    }

    /** Collects columns and rows, then builds an immutable grid. */
    static final class Builder {
        private final String id;
        private final String title;
        private final List<String> header = new ArrayList<>();
        private final List<String> csvHeader = new ArrayList<>();
        private final List<List<Cell>> rows = new ArrayList<>();

        private Builder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        Builder column(String display, String csv) {
            header.add(display);
            csvHeader.add(csv);
            return this;
        }

        Builder row(List<Cell> cells) {
            rows.add(cells);
            return this;
        }

        Grid build() {
            return new Grid(id, title, header, csvHeader, rows, false);
        }

        Grid buildInline() {
            return new Grid(id, title, header, csvHeader, rows, true);
        }
    }
}
