package dev.mallard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class JdbcUrlTest {
    @Test
    void privateInMemory() throws SQLException {
        assertThat(JdbcUrl.parse("jdbc:mallard:")).isEqualTo(new JdbcUrl(JdbcUrl.Kind.PRIVATE_MEMORY, "", false));
        assertThat(JdbcUrl.parse("jdbc:mallard::memory:").kind()).isEqualTo(JdbcUrl.Kind.PRIVATE_MEMORY);
        assertThat(JdbcUrl.parse("jdbc:mallard:memory:").kind()).isEqualTo(JdbcUrl.Kind.PRIVATE_MEMORY);
    }

    @Test
    void sharedInMemory() throws SQLException {
        assertThat(JdbcUrl.parse("jdbc:mallard:memory:sales")).isEqualTo(new JdbcUrl(JdbcUrl.Kind.SHARED_MEMORY, "sales", false));
        assertThat(JdbcUrl.parse("jdbc:mallard::memory:sales")).isEqualTo(new JdbcUrl(JdbcUrl.Kind.SHARED_MEMORY, "sales", false));
    }

    @Test
    void file() throws SQLException {
        assertThat(JdbcUrl.parse("jdbc:mallard:/tmp/x.db")).isEqualTo(new JdbcUrl(JdbcUrl.Kind.FILE, "/tmp/x.db", false));
        assertThat(JdbcUrl.parse("jdbc:mallard:/tmp/x.db?access_mode=READ_ONLY"))
                .isEqualTo(new JdbcUrl(JdbcUrl.Kind.FILE, "/tmp/x.db", true));
        assertThatThrownBy(() -> JdbcUrl.parse("jdbc:mallard:/tmp/x.db?acces_mode=read_only"))
                .isInstanceOf(SQLException.class).hasMessageContaining("acces_mode");
        assertThat(JdbcUrl.parse("jdbc:mallard:data/x.db").kind()).isEqualTo(JdbcUrl.Kind.FILE);
    }

    @Test
    void otherDriversUrlsAreNotAccepted() {
        assertThat(JdbcUrl.accepts("jdbc:duckdb:")).isFalse();
        assertThat(JdbcUrl.accepts(null)).isFalse();
        assertThat(JdbcUrl.accepts("JDBC:MALLARD:")).isTrue();
        assertThatThrownBy(() -> JdbcUrl.parse("jdbc:h2:mem:")).isInstanceOf(SQLException.class);
    }
}
