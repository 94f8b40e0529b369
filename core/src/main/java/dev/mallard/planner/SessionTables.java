package dev.mallard.planner;

import dev.mallard.function.table.BoundTableFunction;
import dev.mallard.io.Rejects;

/**
 * Tables a session keeps outside the catalog, as DuckDB keeps temporary tables: the rows file
 * scans rejected ({@code reject_errors}, {@code reject_scans} after {@code store_rejects = true}).
 */
public interface SessionTables {
    /** The session's table of this name, or null. */
    BoundTableFunction find(String name);

    /**
     * A sink that keeps the rows a scan rejects in {@code errorsTable}, and a line about the scan
     * in {@code scansTable}.
     *
     * @param files     the files scanned, in order (their position is the file_id)
     * @param arguments the options of the scan as written, for reject_scans
     */
    Rejects rejects(String errorsTable, String scansTable, java.util.List<String> files, String arguments);

    /** No session (plans built outside a connection): no such tables. */
    SessionTables NONE = new SessionTables() {
        @Override
        public BoundTableFunction find(String name) {
            return null;
        }

        @Override
        public Rejects rejects(String errorsTable, String scansTable, java.util.List<String> files, String arguments) {
            throw new dev.mallard.MallardException.NotImplemented("store_rejects needs a connection");
        }
    };
}
