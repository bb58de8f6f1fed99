package io.blisnative.metrics;

import java.util.Locale;

/**
 * One table cell: a label, or a number with the style that fixes its decimals and sign.
 * Undefined numbers (NaN) print as {@code n/a} in text and as an empty field in CSV.
 */
record Cell(String text, String csvText, double value, Style style) {

    enum Style { TEXT, MS, SIGNED_PCT, PCT, COUNT, RATE, CORR }

    static Cell text(String text) {
        return new Cell(text, text, Double.NaN, Style.TEXT);
    }

    /** A row label with a different, machine-friendly spelling in CSV. */
    static Cell label(String text, String csvText) {
        return new Cell(text, csvText, Double.NaN, Style.TEXT);
    }

    static Cell ms(double v) {
        return new Cell(null, null, v, Style.MS);
    }

    static Cell signedPct(double v) {
        return new Cell(null, null, v, Style.SIGNED_PCT);
    }

    static Cell pct(double v) {
        return new Cell(null, null, v, Style.PCT);
    }

    static Cell count(long v) {
        return new Cell(null, null, v, Style.COUNT);
    }

    static Cell rate(double v) {
        return new Cell(null, null, v, Style.RATE);
    }

    static Cell corr(double v) {
        return new Cell(null, null, v, Style.CORR);
    }

    boolean isText() {
        return style == Style.TEXT;
    }

    /** The cell as printed: {@code csv} drops the explicit '+' and prints undefined values as "". */
    String render(boolean csv) {
        if (style == Style.TEXT) {
            return csv ? csvText : text;
        }
        if (Double.isNaN(value)) {
            return csv ? "" : "n/a";
        }
        switch (style) {
            case COUNT:
                return String.format(Locale.ROOT, "%d", (long) value);
            case CORR:
                return String.format(Locale.ROOT, "%.3f", value);
            case SIGNED_PCT:
                return noNegativeZero(String.format(Locale.ROOT, csv ? "%.2f" : "%+.2f", value), csv ? "" : "+");
            default:
                return noNegativeZero(String.format(Locale.ROOT, "%.2f", value), "");
        }
    }

    /** A value that rounds to zero prints without a minus sign ("-0.00" would suggest a direction). */
    private static String noNegativeZero(String formatted, String zeroSign) {
        return formatted.equals("-0.00") ? zeroSign + "0.00" : formatted;
    }
}
