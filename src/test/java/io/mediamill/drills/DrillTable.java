package io.mediamill.drills;

import java.util.List;
import java.util.Locale;

/** Prints the drills' results as a plain table: one row each, long cells cut at their column's width. */
final class DrillTable {

    private static final int[] WIDTHS = {3, 10, 30, 46, 40, 58, 4};
    private static final String[] HEADINGS = {"#", "group", "drill", "did", "expected", "saw", "ok"};

    private DrillTable() {
    }

    static String render(List<DrillResult> results, boolean cut) {
        StringBuilder table = new StringBuilder();
        row(table, HEADINGS, cut);
        StringBuilder rule = new StringBuilder("|");
        for (int width : WIDTHS) {
            rule.append("-".repeat(width + 2)).append('|');
        }
        table.append(rule).append('\n');
        int number = 1;
        for (DrillResult result : results) {
            row(table, new String[] {String.valueOf(number++), result.group(), result.drill(), result.did(),
                result.expected(), result.saw(), result.passed() ? "ok" : "FAIL"}, cut);
        }
        long failed = results.stream().filter(result -> !result.passed()).count();
        table.append(String.format(Locale.ROOT, "%n%d drills, %d passed, %d failed%n", results.size(),
                results.size() - failed, failed));
        return table.toString();
    }

    private static void row(StringBuilder table, String[] cells, boolean cut) {
        table.append('|');
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i] == null ? "" : cells[i].replaceAll("\\s+", " ").replace('|', '/').strip();
            if (cut && cell.length() > WIDTHS[i]) {
                cell = cell.substring(0, WIDTHS[i] - 1) + "…";
            }
            table.append(' ').append(cut ? pad(cell, WIDTHS[i]) : cell).append(" |");
        }
        table.append('\n');
    }

    private static String pad(String cell, int width) {
        return cell.length() >= width ? cell : cell + " ".repeat(width - cell.length());
    }
}
