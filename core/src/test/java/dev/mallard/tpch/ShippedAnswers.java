package dev.mallard.tpch;

import dev.mallard.sqllogictest.ResultTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The answers at scale factor 0.01 that the {@code io.trino.tpch} jar ships
 * ({@code io/trino/tpch/queries/qN.result}: {@code |}-separated, numbers rounded for display).
 * They check the oracle itself: data generation, types and query texts.
 */
final class ShippedAnswers {

    private ShippedAnswers() {}

    static List<String[]> rows(int query) {
        String resource = "io/trino/tpch/queries/q" + query + ".result";
        try (InputStream in = ShippedAnswers.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.startsWith("--") || line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("\\|", -1);
                if (parts.length > 1 && parts[parts.length - 1].isEmpty()) {
                    parts = Arrays.copyOf(parts, parts.length - 1); // a trailing separator
                }
                rows.add(parts);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Null when {@code actual} agrees with the shipped answer, else the first difference. */
    static String compare(int query, ResultTable actual) {
        List<String[]> expected = rows(query);
        if (expected.size() != actual.rowCount()) {
            return "row count: shipped " + expected.size() + ", got " + actual.rowCount();
        }
        for (int r = 0; r < expected.size(); r++) {
            String[] e = expected.get(r);
            Object[] a = actual.rows().get(r);
            if (e.length != a.length) {
                return "row " + (r + 1) + ": shipped " + e.length + " values, got " + a.length;
            }
            for (int c = 0; c < e.length; c++) {
                if (!agrees(e[c].strip(), a[c])) {
                    return "row " + (r + 1) + ", column " + (c + 1) + ": shipped '" + e[c] + "', got '" + a[c] + "'";
                }
            }
        }
        return null;
    }

    /** Numbers agree within half a unit of the shipped text's last digit; everything else as text. */
    private static boolean agrees(String shipped, Object actual) {
        if (actual instanceof Number n) {
            BigDecimal s;
            try {
                s = new BigDecimal(shipped);
            } catch (NumberFormatException e) {
                return false;
            }
            double tolerance = 0.5 * Math.pow(10, -Math.max(0, s.scale())) + 1e-9 * Math.abs(s.doubleValue());
            return Math.abs(s.doubleValue() - n.doubleValue()) <= tolerance;
        }
        return shipped.equals(String.valueOf(actual).strip());
    }
}
