package io.mediamill.drills;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The drills' results as a table: for the console, each cell wrapped within its column's width over as many lines
 * as it needs; for the report file, a Markdown table with one line a row.
 */
final class DrillTable {

    private static final int[] WIDTHS = {3, 9, 26, 40, 34, 64, 4};
    private static final String[] HEADINGS = {"#", "group", "drill", "did", "expected", "saw", "ok"};

    private DrillTable() {
    }

    static String render(List<DrillResult> results, boolean wrapped) {
        StringBuilder table = new StringBuilder();
        row(table, HEADINGS, wrapped);
        StringBuilder rule = new StringBuilder("|");
        for (int width : WIDTHS) {
            rule.append("-".repeat(width + 2)).append('|');
        }
        table.append(rule).append('\n');
        int number = 1;
        for (DrillResult result : results) {
            row(table, new String[] {String.valueOf(number++), result.group(), result.drill(), result.did(),
                result.expected(), result.saw(), result.passed() ? "ok" : "FAIL"}, wrapped);
        }
        long failed = results.stream().filter(result -> !result.passed()).count();
        table.append(String.format(Locale.ROOT, "%n%d drills, %d passed, %d failed%n", results.size(),
                results.size() - failed, failed));
        return table.toString();
    }

    private static void row(StringBuilder table, String[] cells, boolean wrapped) {
        List<List<String>> lines = new ArrayList<>();
        int height = 1;
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i] == null ? "" : cells[i].replaceAll("\\s+", " ").replace('|', '/').strip();
            List<String> cellLines = wrapped ? wrap(cell, WIDTHS[i]) : List.of(cell);
            lines.add(cellLines);
            height = Math.max(height, cellLines.size());
        }
        for (int line = 0; line < height; line++) {
            table.append('|');
            for (int i = 0; i < cells.length; i++) {
                String text = line < lines.get(i).size() ? lines.get(i).get(line) : "";
                table.append(' ').append(wrapped ? pad(text, WIDTHS[i]) : text).append(" |");
            }
            table.append('\n');
        }
    }

    /** The text in lines of at most {@code width}, broken between words where it can be. */
    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (rest.length() > width) {
            int space = rest.lastIndexOf(' ', width);
            int end = space > width / 2 ? space : width;
            lines.add(rest.substring(0, end).strip());
            rest = rest.substring(end).strip();
        }
        lines.add(rest);
        return lines;
    }

    private static String pad(String cell, int width) {
        return cell.length() >= width ? cell : cell + " ".repeat(width - cell.length());
    }
}
