package dev.mallard.api.table;

import java.sql.Connection;

/**
 * Where a table call runs: on its own, committing when it ends ({@link AutoCommitScope}), or inside
 * a {@link Transaction} the caller commits. Either way a call that fails changes nothing.
 */
sealed interface Scope permits AutoCommitScope, TransactionScope {
    /** Runs a writing call atomically, one writer at a time. */
    <T> T write(SqlWork<T> work);

    /** A connection to read on; closing the lease gives it back. */
    Lease lease();

    /** The store of the database this scope belongs to. */
    TableStore store();

    /** A connection lent to a reader until closed (a stream of rows holds it until it is closed). */
    interface Lease extends AutoCloseable {
        Connection connection();

        @Override
        void close();
    }

    default <T> T read(SqlWork<T> work) {
        try (Lease lease = lease()) {
            return work.run(lease.connection());
        } catch (java.sql.SQLException e) {
            throw Errors.of(e);
        }
    }
}
