package dev.mallard.sqllogictest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLogicTestParserTest {

    @Test
    void readsStatementsQueriesAndTheirLines() {
        String text = """
                hash-threshold 8

                statement ok
                CREATE TABLE t(a INTEGER,
                  b VARCHAR)

                # a comment
                query IT rowsort my-label
                SELECT a, b
                FROM t
                ----
                1
                x

                statement error
                SELECT nope
                ----
                Binder Error: column

                halt
                """;
        TestScript script = SqlLogicTestParser.parse("x.test", text);
        assertThat(script.records()).hasSize(5);
        assertThat(script.records().get(0)).isEqualTo(new Record.HashThreshold(1, 8));
        Record.Statement create = (Record.Statement) script.records().get(1);
        assertThat(create.line()).isEqualTo(3);
        assertThat(create.expect()).isEqualTo(Record.Expect.OK);
        assertThat(create.sql()).isEqualTo("CREATE TABLE t(a INTEGER,\n  b VARCHAR)");
        Record.Query query = (Record.Query) script.records().get(2);
        assertThat(query.line()).isEqualTo(8);
        assertThat(query.types()).isEqualTo("IT");
        assertThat(query.sort()).isEqualTo(SortMode.ROWSORT);
        assertThat(query.label()).isEqualTo("my-label");
        assertThat(query.expected()).containsExactly("1", "x");
        Record.Statement error = (Record.Statement) script.records().get(3);
        assertThat(error.expect()).isEqualTo(Record.Expect.ERROR);
        assertThat(error.expectedError()).isEqualTo("Binder Error: column");
        assertThat(script.records().get(4)).isInstanceOf(Record.Halt.class);
    }

    @Test
    void readsConditionsWithTrailingComments() {
        String text = """
                skipif mysql # not compatible
                onlyif mallard
                query I nosort
                SELECT 1
                ----
                1
                """;
        Record.Guarded guarded = (Record.Guarded) SqlLogicTestParser.parse("x.test", text).records().get(0);
        assertThat(guarded.conditions()).containsExactly(new Condition(false, "mysql"), new Condition(true, "mallard"));
        assertThat(guarded.record()).isInstanceOf(Record.Query.class);
        assertThat(guarded.conditions().get(0).skips(java.util.Set.of("mallard"))).isFalse();
        assertThat(guarded.conditions().get(1).skips(java.util.Set.of("mallard"))).isFalse();
        assertThat(new Condition(true, "sqlite").skips(java.util.Set.of("mallard"))).isTrue();
        assertThat(new Condition(false, "mallard").skips(java.util.Set.of("mallard"))).isTrue();
    }

    @Test
    void nestsLoopsAndExpandsForeachCollections() {
        String text = """
                loop i 0 3

                foreach type <signed> decimal(4,1)

                statement ok
                SELECT ${i}::{type}

                endloop

                endloop

                foreach a,b 1,x 2,y

                statement ok
                SELECT ${a}, '${b}'

                endloop
                """;
        List<Record> records = SqlLogicTestParser.parse("x.test", text).records();
        Record.Loop outer = (Record.Loop) records.get(0);
        assertThat(outer.variables()).containsExactly("i");
        assertThat(outer.iterations()).containsExactly(List.of("0"), List.of("1"), List.of("2"));
        Record.Loop inner = (Record.Loop) outer.body().get(0);
        assertThat(inner.iterations()).hasSize(6).contains(List.of("hugeint"), List.of("decimal(4,1)"));
        Record.Loop pairs = (Record.Loop) records.get(1);
        assertThat(pairs.variables()).containsExactly("a", "b");
        assertThat(pairs.iterations()).containsExactly(List.of("1", "x"), List.of("2", "y"));
    }

    @Test
    void readsNamedConnectionsAndUnsupportedCommands() {
        String text = """
                statement ok con1
                BEGIN

                query I con2
                SELECT 1
                ----
                1

                load __TEST_DIR__/x.db
                """;
        List<Record> records = SqlLogicTestParser.parse("x.test", text).records();
        assertThat(((Record.Statement) records.get(0)).connection()).isEqualTo("con1");
        assertThat(((Record.Query) records.get(1)).connection()).isEqualTo("con2");
        assertThat(records.get(2)).isInstanceOf(Record.Unsupported.class);
    }

    @Test
    void reportsFormatErrorsWithFileAndLine() {
        assertThatThrownBy(() -> SqlLogicTestParser.parse("bad.test", "statement ok\nSELECT 1\n\nfrobnicate\n"))
                .isInstanceOf(ScriptFormatException.class)
                .hasMessageContaining("bad.test:4")
                .hasMessageContaining("frobnicate");
        assertThatThrownBy(() -> SqlLogicTestParser.parse("bad.test", "loop i 0 2\n\nstatement ok\nSELECT 1\n"))
                .hasMessageContaining("bad.test:1: loop without endloop");
    }
}
