package dev.mallard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.types.LogicalType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every output mode on the same fixed rows: a number, text needing quotes, a decimal, and NULLs. */
class ResultFormatterTest {
    private static final ResultColumns COLUMNS = new ResultColumns(List.of("i", "name", "price"),
            List.of(LogicalType.INTEGER, LogicalType.VARCHAR, LogicalType.decimal(10, 2)));

    private static List<String[]> rows() {
        return List.of(new String[] {"1", "Ann", "1.50"}, new String[] {null, "Bob, Jr. \"B\"", null},
                new String[] {"22", null, "-3.00"});
    }

    private static String render(OutputMode mode, FormatOptions options, ResultColumns columns, List<String[]> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ResultFormatter.render(mode, options, columns, RowSource.of(rows), out);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String render(OutputMode mode) {
        return render(mode, FormatOptions.DEFAULTS, COLUMNS, rows());
    }

    @Test
    void box() {
        assertThat(render(OutputMode.BOX)).isEqualTo("""
                ┌─────────┬──────────────┬───────────────┐
                │    i    │     name     │     price     │
                │ integer │   varchar    │ decimal(10,2) │
                ├─────────┼──────────────┼───────────────┤
                │       1 │ Ann          │          1.50 │
                │    NULL │ Bob, Jr. "B" │          NULL │
                │      22 │ NULL         │         -3.00 │
                └─────────┴──────────────┴───────────────┘
                """);
    }

    @Test
    void table() {
        assertThat(render(OutputMode.TABLE)).isEqualTo("""
                +------+--------------+-------+
                |  i   |     name     | price |
                +------+--------------+-------+
                |    1 | Ann          |  1.50 |
                | NULL | Bob, Jr. "B" |  NULL |
                |   22 | NULL         | -3.00 |
                +------+--------------+-------+
                """);
    }

    @Test
    void csvQuotesOnlyWhenNeeded() {
        assertThat(render(OutputMode.CSV)).isEqualTo("""
                i,name,price
                1,Ann,1.50
                ,"Bob, Jr. ""B""\",
                22,,-3.00
                """);
    }

    @Test
    void tabsAndList() {
        assertThat(render(OutputMode.TABS)).isEqualTo("i\tname\tprice\n1\tAnn\t1.50\n\tBob, Jr. \"B\"\t\n22\t\t-3.00\n");
        assertThat(render(OutputMode.LIST)).isEqualTo("i|name|price\n1|Ann|1.50\n|Bob, Jr. \"B\"|\n22||-3.00\n");
    }

    @Test
    void line() {
        assertThat(render(OutputMode.LINE)).isEqualTo("""
                    i = 1
                 name = Ann
                price = 1.50

                    i = NULL
                 name = Bob, Jr. "B"
                price = NULL

                    i = 22
                 name = NULL
                price = -3.00
                """);
    }

    @Test
    void json() {
        assertThat(render(OutputMode.JSON)).isEqualTo("""
                [{"i":1,"name":"Ann","price":1.50},
                {"i":null,"name":"Bob, Jr. \\"B\\"","price":null},
                {"i":22,"name":null,"price":-3.00}]
                """);
        assertThat(render(OutputMode.JSON, FormatOptions.DEFAULTS, COLUMNS, List.of())).isEqualTo("[]\n");
        ResultColumns special = new ResultColumns(List.of("d", "b"), List.of(LogicalType.DOUBLE, LogicalType.BOOLEAN));
        assertThat(render(OutputMode.JSON, FormatOptions.DEFAULTS, special, List.<String[]>of(new String[] {"nan", "false"})))
                .isEqualTo("[{\"d\":\"nan\",\"b\":false}]\n");
    }

    @Test
    void markdown() {
        assertThat(render(OutputMode.MARKDOWN)).isEqualTo("""
                | i    | name         | price |
                |-----:|--------------|------:|
                |    1 | Ann          |  1.50 |
                | NULL | Bob, Jr. "B" |  NULL |
                |   22 | NULL         | -3.00 |
                """);
    }

    @Test
    void headersAndNullValueOptions() {
        FormatOptions options = new FormatOptions(false, "∅", 0);
        assertThat(render(OutputMode.CSV, options, COLUMNS, rows())).isEqualTo("1,Ann,1.50\n∅,\"Bob, Jr. \"\"B\"\"\",∅\n22,∅,-3.00\n");
        assertThat(render(OutputMode.BOX, options, COLUMNS, rows())).contains("│       ∅ │");
    }

    @Test
    void longResultsShowFirstAndLastRowsWithACount() {
        List<String[]> many = new ArrayList<>();
        for (int i = 1; i <= 10; i++) many.add(new String[] {"" + i, "n" + i, i + ".00"});
        assertThat(render(OutputMode.BOX, new FormatOptions(true, null, 4), COLUMNS, many)).isEqualTo("""
                ┌─────────┬─────────┬───────────────┐
                │    i    │  name   │     price     │
                │ integer │ varchar │ decimal(10,2) │
                ├─────────┼─────────┼───────────────┤
                │       1 │ n1      │          1.00 │
                │       2 │ n2      │          2.00 │
                │    …    │    …    │       …       │
                │       9 │ n9      │          9.00 │
                │      10 │ n10     │         10.00 │
                ├─────────┴─────────┴───────────────┤
                │ 10 rows (4 shown)                 │
                └───────────────────────────────────┘
                """);
        // The footer widens a narrow table; maxrows 0 shows everything.
        assertThat(render(OutputMode.TABLE, new FormatOptions(true, null, 3), COLUMNS, many)).endsWith("""
                | …  |  …   |   …   |
                | 10 | n10  | 10.00 |
                +----+------+-------+
                | 10 rows (3 shown) |
                +-------------------+
                """);
        assertThat(render(OutputMode.BOX, new FormatOptions(true, null, 0), COLUMNS, many).lines().count()).isEqualTo(15);
    }

    @Test
    void emptyResultAndSpecialCharacters() {
        assertThat(render(OutputMode.BOX, FormatOptions.DEFAULTS, COLUMNS, List.of())).isEqualTo("""
                ┌─────────┬─────────┬───────────────┐
                │    i    │  name   │     price     │
                │ integer │ varchar │ decimal(10,2) │
                ├─────────┼─────────┼───────────────┤
                │ 0 rows                            │
                └───────────────────────────────────┘
                """);
        ResultColumns text = new ResultColumns(List.of("x"), List.of(LogicalType.VARCHAR));
        // Wide characters take two columns; control characters are escaped so lines stay intact.
        assertThat(render(OutputMode.BOX, FormatOptions.DEFAULTS, text, List.<String[]>of(new String[] {"漢字"}, new String[] {"a\tb"})))
                .isEqualTo("""
                        ┌─────────┐
                        │    x    │
                        │ varchar │
                        ├─────────┤
                        │ 漢字    │
                        │ a\\tb    │
                        └─────────┘
                        """);
    }
}
