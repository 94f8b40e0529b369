package dev.mallard.bench;

import dev.mallard.bench.QuerySuite.Cell;
import java.util.Map;

/**
 * How one set of query times compares with a base set, query by query: the geometric mean and
 * the largest of the ratios. A query the base has no time for is left out; one only the measured
 * side lacks counts as missing, so a target is never met by skipping a query.
 */
record Ratios(double geomean, int count, int missing, double max, int maxQuery) {

    /** Null when no query has a time on both sides. */
    static Ratios of(Map<Integer, Cell> base, Map<Integer, Cell> measured) {
        if (base == null || measured == null) return null;
        double logSum = 0;
        int n = 0, missing = 0, maxQ = 0;
        double max = 0;
        for (var e : measured.entrySet()) {
            Cell b = base.get(e.getKey());
            if (b == null || !b.ok()) continue;
            if (!e.getValue().ok()) {
                missing++;
                continue;
            }
            double r = e.getValue().medianMs() / b.medianMs();
            logSum += Math.log(r);
            n++;
            if (r > max) {
                max = r;
                maxQ = e.getKey();
            }
        }
        return n == 0 ? null : new Ratios(Math.exp(logSum / n), n, missing, max, maxQ);
    }
}
