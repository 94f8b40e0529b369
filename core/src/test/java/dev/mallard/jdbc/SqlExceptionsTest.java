package dev.mallard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.MallardException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Test;

class SqlExceptionsTest {
    /** As Throwable: SQLException is also an Iterable, which makes assertThat ambiguous. */
    private static Throwable map(MallardException e) {
        SQLException s = SqlExceptions.of(e);
        assertThat(s.getMessage()).isEqualTo(e.getMessage());
        assertThat(s.getSQLState()).isEqualTo(e.sqlState());
        assertThat(s.getCause()).isSameAs(e);
        return s;
    }

    @Test
    void sqlStateClassPicksTheSubclass() {
        assertThat(map(new MallardException.Parse("syntax error at line 1"))).isInstanceOf(SQLSyntaxErrorException.class);
        assertThat(map(MallardException.Catalog.undefinedTable("table x does not exist"))).isInstanceOf(SQLSyntaxErrorException.class);
        assertThat(map(MallardException.Binder.typeMismatch("no"))).isInstanceOf(SQLSyntaxErrorException.class);
        assertThat(map(MallardException.Constraint.unique("duplicate key"))).isInstanceOf(SQLIntegrityConstraintViolationException.class);
        assertThat(map(MallardException.Constraint.notNull("null value"))).isInstanceOf(SQLIntegrityConstraintViolationException.class);
        assertThat(map(MallardException.Data.divisionByZero())).isInstanceOf(SQLDataException.class);
        assertThat(map(MallardException.Data.conversion("bad number"))).isInstanceOf(SQLDataException.class);
        assertThat(map(new MallardException.NotImplemented("COPY"))).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThat(map(new MallardException("08003", "connection is closed"))).isInstanceOf(SQLNonTransientConnectionException.class);
        Throwable tx = map(new MallardException.Transaction("no transaction is active"));
        assertThat(tx.getClass()).isEqualTo(SQLException.class);
        assertThat(map(new MallardException.Internal("bug")).getClass()).isEqualTo(SQLException.class);
    }

    @Test
    void otherRuntimeExceptionsAreInternalErrors() {
        SQLException s = SqlExceptions.of(new IllegalStateException("boom"));
        assertThat(s.getSQLState()).isEqualTo("XX000");
        assertThat(s.getMessage()).contains("boom");
    }

    @Test
    void timeoutKeepsTheCancelState() {
        SQLTimeoutException t = SqlExceptions.timeout(3, new MallardException.Interrupted("cancelled"));
        assertThat(t.getSQLState()).isEqualTo("57014");
        assertThat(t.getMessage()).contains("3 s");
    }
}
