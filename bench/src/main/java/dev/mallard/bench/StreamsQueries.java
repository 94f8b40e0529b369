package dev.mallard.bench;

import dev.mallard.sqllogictest.ResultTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Queries a–d of {@link FileQueries} as a Java developer writes them without a database:
 * {@code Collectors.groupingBy} with a summary-statistics collector, and a set of the qualifying
 * order keys for the join. {@code parallel} runs the same pipelines as parallel streams (in the
 * caller's ForkJoinPool). Answers come sorted by the groups, as the SQL's ORDER BY sorts them.
 */
record StreamsQueries(List<Lineitem> lineitems, List<Order> orders) {
    private static final LocalDate SHIPPED_BY = LocalDate.of(1998, 9, 2);
    private static final List<String> AGGREGATES = List.of("sum", "min", "max", "avg");

    /** A group of (b)–(d), ordered as the SQL orders them. */
    record FlagStatus(String returnflag, String linestatus) {
        static final Comparator<FlagStatus> ORDER = Comparator.comparing(FlagStatus::returnflag).thenComparing(FlagStatus::linestatus);

        static FlagStatus of(Lineitem l) {
            return new FlagStatus(l.l_returnflag(), l.l_linestatus());
        }
    }

    ResultTable answer(int id, boolean parallel) {
        return switch (id) {
            case 1 -> ungrouped(lines(parallel).mapToDouble(Lineitem::l_extendedprice).summaryStatistics());
            case 2 -> grouped(lines(parallel));
            case 3 -> grouped(lines(parallel).filter(shipped()));
            case 4 -> {
                Set<Long> open = (parallel ? orders.parallelStream() : orders.stream())
                        .filter(o -> o.o_orderstatus().equals("O")).map(Order::o_orderkey).collect(Collectors.toSet());
                yield grouped(lines(parallel).filter(shipped()).filter(l -> open.contains(l.l_orderkey())));
            }
            default -> throw new IllegalArgumentException("no query " + id);
        };
    }

    private Stream<Lineitem> lines(boolean parallel) {
        return parallel ? lineitems.parallelStream() : lineitems.stream();
    }

    private static Predicate<Lineitem> shipped() {
        return l -> !l.l_shipdate().isAfter(SHIPPED_BY);
    }

    private static ResultTable grouped(Stream<Lineitem> lines) {
        Map<FlagStatus, DoubleSummaryStatistics> groups = lines.collect(Collectors.groupingBy(FlagStatus::of,
                () -> new TreeMap<>(FlagStatus.ORDER), Collectors.summarizingDouble(Lineitem::l_extendedprice)));
        List<Object[]> rows = new ArrayList<>();
        groups.forEach((g, s) -> rows.add(new Object[] {g.returnflag(), g.linestatus(), s.getSum(), s.getMin(), s.getMax(), s.getAverage()}));
        List<String> names = new ArrayList<>(List.of("l_returnflag", "l_linestatus"));
        names.addAll(AGGREGATES);
        return AnswerTables.of(names, rows);
    }

    private static ResultTable ungrouped(DoubleSummaryStatistics s) {
        return AnswerTables.of(AGGREGATES, List.<Object[]>of(new Object[] {s.getSum(), s.getMin(), s.getMax(), s.getAverage()}));
    }
}
