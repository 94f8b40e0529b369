package dev.mallard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.Mallard;
import dev.mallard.MallardException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * A join filter on a list's scan sees the keys before the other columns are read: the rows it
 * keeps are read in full (NULLs included), and a value that fails in a kept row still names it.
 */
class JavaDataJoinFilterTest {
    record Line(long order, double price, String flag, LocalDate day) {}

    record Ord(long key, String status) {}

    private static final int LINES = 200_000, ORDERS = 50_000;

    private static List<Line> lines() {
        List<Line> lines = new ArrayList<>(LINES);
        for (int i = 0; i < LINES; i++) {
            lines.add(new Line(i % ORDERS, i % 1000 / 4.0, i % 13 == 0 ? null : i % 2 == 0 ? "A" : "R",
                    i % 7 == 0 ? null : LocalDate.of(1992, 1, 1).plusDays(i % 2500)));
        }
        return lines;
    }

    private static List<Ord> orders() {
        List<Ord> orders = new ArrayList<>(ORDERS);
        for (int k = 0; k < ORDERS; k++) orders.add(new Ord(k, k % 3 == 0 ? "O" : "F"));
        return orders;
    }

    private static final String QUERY = "SELECT flag, count(*) AS n, sum(price) AS s, count(day) AS d, max(day) AS last"
            + " FROM lines JOIN ords ON \"order\" = key WHERE status = 'O' GROUP BY flag ORDER BY flag NULLS FIRST";

    /** The query's answer computed in Java: flag → n, sum, days, last day. */
    private static List<List<Object>> expected(List<Line> lines) {
        Map<String, List<Object>> groups = new TreeMap<>(Comparator.nullsFirst(Comparator.<String>naturalOrder()));
        for (Line l : lines) {
            if (l.order() % 3 != 0) continue;
            List<Object> g = groups.computeIfAbsent(l.flag(), f -> new ArrayList<>(List.of(0L, 0.0, 0L, LocalDate.MIN)));
            g.set(0, (Long) g.get(0) + 1);
            g.set(1, (Double) g.get(1) + l.price());
            if (l.day() != null) {
                g.set(2, (Long) g.get(2) + 1);
                if (l.day().isAfter((LocalDate) g.get(3))) g.set(3, l.day());
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        groups.forEach((flag, g) -> {
            List<Object> row = new ArrayList<>();
            row.add(flag);
            row.addAll(g);
            rows.add(row);
        });
        return rows;
    }

    @Test
    void rowsTheFilterKeepsAreReadInFull() {
        List<Line> lines = lines();
        try (Database db = Mallard.open()) {
            db.register("lines", lines);
            db.register("ords", orders());
            String plan = String.valueOf(db.sql("EXPLAIN " + QUERY).toMaps());
            assertThat(plan).contains("join filter: order");
            for (int threads : new int[] {1, 2}) {
                db.sql("SET threads = " + threads);
                List<List<Object>> answer = db.sql(QUERY).toMaps().stream().map(m -> (List<Object>) new ArrayList<Object>(m.values())).toList();
                assertThat(answer).as("%d threads", threads).hasSize(3);
                List<List<Object>> want = expected(lines);
                for (int r = 0; r < want.size(); r++) {
                    assertThat(answer.get(r).get(0)).isEqualTo(want.get(r).get(0));
                    assertThat(answer.get(r).get(1)).isEqualTo(want.get(r).get(1));
                    assertThat((Double) answer.get(r).get(2)).isCloseTo((Double) want.get(r).get(2), Offset.offset(1e-6));
                    assertThat(answer.get(r).get(3)).isEqualTo(want.get(r).get(3));
                    assertThat(answer.get(r).get(4)).isEqualTo(want.get(r).get(4));
                }
            }
        }
    }

    @Test
    void aFailingValueInAKeptRowIsNamed() {
        record Fragile(long order, double price) {
            @Override
            public double price() {
                if (order == 30_000 && price == 1) throw new IllegalStateException("broken price");
                return price;
            }
        }
        List<Fragile> rows = new ArrayList<>();
        for (int i = 0; i < LINES; i++) rows.add(new Fragile(i % ORDERS, i == 130_000 ? 1 : 0));
        try (Database db = Mallard.open()) {
            db.register("lines", rows);
            db.register("ords", orders());
            assertThatThrownBy(() -> db.sql("SELECT sum(price) FROM lines JOIN ords ON \"order\" = key WHERE status = 'O'"))
                    .isInstanceOf(MallardException.class).hasMessageContaining("column \"price\"").hasMessageContaining("broken price");
        }
    }
}
