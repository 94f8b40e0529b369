package dev.mallard.sqllogictest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlSplitterTest {

    @Test
    void splitsAtTopLevelSemicolonsOnly() {
        assertThat(SqlSplitter.split("SELECT 1; SELECT 'a;b'; SELECT \"x;y\" FROM t;"))
                .containsExactly("SELECT 1", "SELECT 'a;b'", "SELECT \"x;y\" FROM t");
        assertThat(SqlSplitter.split("SELECT 'it''s;' -- c;omment\n; /* x; */ SELECT $$a;b$$"))
                .containsExactly("SELECT 'it''s;' -- c;omment", "/* x; */ SELECT $$a;b$$");
        assertThat(SqlSplitter.split("SELECT 1;\n-- only a comment\n")).containsExactly("SELECT 1");
        assertThat(SqlSplitter.split("  ;  ")).isEmpty();
    }
}
