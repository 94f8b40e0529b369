package dev.mallard.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.sql.tree.Identifier;
import dev.mallard.sql.tree.Position;
import dev.mallard.sql.tree.SqlFormatter;
import org.junit.jupiter.api.Test;

class SqlFormatterTest {

    @Test
    void reservedWordsAreQuotedSoFormattedNamesReparse() {
        for (String word : Keywords.RESERVED) {
            String formatted = SqlFormatter.format(Identifier.of(word.toLowerCase()));
            assertThat(formatted).as(word).isEqualTo("\"" + word.toLowerCase() + "\"");
        }
        assertThat(SqlFormatter.format(Identifier.of("year"))).isEqualTo("year");
        assertThat(SqlFormatter.format(Identifier.of("has space"))).isEqualTo("\"has space\"");
        assertThat(SqlFormatter.format(Identifier.of("q\"uote"))).isEqualTo("\"q\"\"uote\"");
    }

    @Test
    void positionExcerptDrawsACaret() {
        String sql = "SELECT 1,\n  2 FORM t";
        Position p = new Position(14, 2, 5);
        assertThat(p.excerpt(sql)).isEqualTo("(line 2, column 5)\n  2 FORM t\n    ^");
        assertThat(Position.UNKNOWN.excerpt(sql)).isEmpty();
    }

    @Test
    void positionAtEndOfInput() {
        assertThat(new Position(3, 1, 4).excerpt("abc")).isEqualTo("(line 1, column 4)\nabc\n   ^");
    }
}
