package dev.mallard.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.catalog.Catalog;
import dev.mallard.catalog.ColumnDefinition;
import dev.mallard.catalog.TableEntry;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlanPrinter;
import dev.mallard.plan.PlanFixtures;
import dev.mallard.planner.BindContext;
import dev.mallard.planner.QueryBinder;
import dev.mallard.planner.subquery.SubqueryUnnester;
import dev.mallard.sql.parser.SqlParser;
import dev.mallard.sql.tree.Query;
import dev.mallard.storage.DataTable;
import dev.mallard.tpch.TpchQueries;
import dev.mallard.tpch.TpchSchema;
import dev.mallard.types.LogicalType;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expected plans for the 22 TPC-H queries: SQL → binder → {@link SubqueryUnnester} →
 * {@link Optimizer} (scale factor 1 row counts and column statistics), printed by {@link LogicalPlanPrinter}, must match
 * {@code src/test/resources/optimizer/tpch/qNN.plan}. A change in any rule shows up here as a text
 * diff. After an intended change, regenerate the files with {@code -Dmallard.updatePlans=true}
 * and review the diff before committing it.
 */
class TpchPlanTest {
    private static final String RESOURCES = "optimizer/tpch/";

    static IntStream queries() {
        return IntStream.rangeClosed(1, TpchQueries.COUNT);
    }

    @ParameterizedTest(name = "Q{0}")
    @MethodSource("queries")
    void planMatchesExpected(int query) throws IOException {
        String actual = plan(query);
        String file = TpchQueries.name(query) + ".plan";
        if (Boolean.getBoolean("mallard.updatePlans")) {
            Path dir = Files.isDirectory(Path.of("src/test/resources")) ? Path.of("src/test/resources", RESOURCES)
                    : Path.of("core/src/test/resources", RESOURCES);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(file), actual);
            return;
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCES + file)) {
            assertThat(in).as("expected plan %s (generate with -Dmallard.updatePlans=true)", file).isNotNull();
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(actual).as("plan of TPC-H Q%d", query).isEqualTo(expected);
        }
    }

    /** The optimized plan of one TPC-H query, as text. */
    static String plan(int query) {
        String sql = TpchQueries.sql(query);
        Query q = (Query) SqlParser.parseOne(sql);
        LogicalPlan bound = new QueryBinder(new BindContext(catalog(), List.of(), sql, false)).bind(q).plan();
        LogicalPlan optimized = Optimizer.optimize(SubqueryUnnester.unnest(bound), PlanFixtures.tpchStatistics());
        return "-- TPC-H Q" + query + " (scale factor 1 row counts)\n" + LogicalPlanPrinter.printStable(optimized);
    }

    /** A catalog with the eight TPC-H tables (no rows; row counts come from the statistics). */
    static Catalog catalog() {
        Catalog catalog = new Catalog();
        for (TpchTable<?> t : TpchTable.getTables()) {
            List<ColumnDefinition> columns = new ArrayList<>();
            for (TpchColumn<?> c : t.getColumns()) columns.add(new ColumnDefinition(c.getColumnName(), type(c), true, null));
            catalog.add(new TableEntry(Catalog.DEFAULT_SCHEMA, t.getTableName(), columns, List.of(), List.of(),
                    new DataTable(columns.stream().map(ColumnDefinition::type).toList())));
        }
        return catalog;
    }

    private static LogicalType type(TpchColumn<?> c) {
        return switch (TpchSchema.sqlType(c)) {
            case "BIGINT" -> LogicalType.BIGINT;
            case "INTEGER" -> LogicalType.INTEGER;
            case "DATE" -> LogicalType.DATE;
            case "DECIMAL(15,2)" -> LogicalType.decimal(15, 2);
            default -> LogicalType.VARCHAR;
        };
    }
}
