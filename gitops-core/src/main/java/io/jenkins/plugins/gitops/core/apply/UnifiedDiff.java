package io.jenkins.plugins.gitops.core.apply;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff in the unified format ({@code @@ -a,b +c,d @@} hunks with context). Manifests are
 * small, so a plain longest-common-subsequence table is fast enough and gives minimal diffs.
 */
final class UnifiedDiff {

    private UnifiedDiff() {}

    private record Line(char op, String text, int oldNo, int newNo) {}

    /** The diff of two texts, or an empty string when they are equal. */
    static String diff(String oldText, String newText, String oldLabel, String newLabel, int context) {
        List<String> a = lines(oldText);
        List<String> b = lines(newText);
        List<Line> script = script(a, b);
        if (script.stream().allMatch(l -> l.op() == ' ')) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(oldLabel).append('\n');
        out.append("+++ ").append(newLabel).append('\n');
        int i = 0;
        while (i < script.size()) {
            if (script.get(i).op() == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - context);
            int end = i;
            // Extend the hunk while the next change is within 2 * context lines.
            while (true) {
                int next = end;
                while (next < script.size() && script.get(next).op() != ' ') {
                    next++;
                }
                int gap = next;
                while (gap < script.size() && script.get(gap).op() == ' ') {
                    gap++;
                }
                if (gap < script.size() && gap - next <= 2 * context) {
                    end = gap;
                } else {
                    end = Math.min(script.size(), next + context);
                    break;
                }
            }
            appendHunk(out, script.subList(start, end));
            i = end;
        }
        return out.toString();
    }

    private static void appendHunk(StringBuilder out, List<Line> hunk) {
        int oldStart = 0;
        int newStart = 0;
        int oldCount = 0;
        int newCount = 0;
        for (Line l : hunk) {
            if (l.op() != '+') {
                oldStart = oldStart == 0 ? l.oldNo() : oldStart;
                oldCount++;
            }
            if (l.op() != '-') {
                newStart = newStart == 0 ? l.newNo() : newStart;
                newCount++;
            }
        }
        out.append("@@ -")
                .append(range(oldStart, oldCount))
                .append(" +")
                .append(range(newStart, newCount))
                .append(" @@\n");
        for (Line l : hunk) {
            out.append(l.op()).append(l.text()).append('\n');
        }
    }

    private static String range(int start, int count) {
        return count == 1 ? String.valueOf(start) : start + "," + count;
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static List<Line> script(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> script = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                script.add(new Line(' ', a.get(i), i + 1, j + 1));
                i++;
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                script.add(new Line('-', a.get(i), i + 1, j));
                i++;
            } else {
                script.add(new Line('+', b.get(j), i, j + 1));
                j++;
            }
        }
        return script;
    }
}
