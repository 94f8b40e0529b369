package dev.mallard.bench;

/** The table benchmark's two measurements: what each run prepares untimed, what it times, and the table it must leave. */
enum TableWorkload {
    INSERT("insertMany") {
        @Override
        void prepare(TableContender c, SparseRows data) {}

        @Override
        void run(TableContender c, SparseRows data) throws Exception {
            c.insert(data.rows());
        }

        @Override
        int rowsWritten(SparseRows data) {
            return data.rows().size();
        }

        @Override
        RowChecksum expected(SparseRows data) {
            return RowChecksum.inserted(data.rows());
        }
    },
    UPSERT("upsertMany") {
        @Override
        void prepare(TableContender c, SparseRows data) throws Exception {
            c.prepareUpsert(data.rows());
        }

        @Override
        void run(TableContender c, SparseRows data) throws Exception {
            c.upsert(data.changes());
        }

        @Override
        int rowsWritten(SparseRows data) {
            return data.changes().size();
        }

        @Override
        RowChecksum expected(SparseRows data) {
            return RowChecksum.upserted(data);
        }
    };

    final String label;

    TableWorkload(String label) {
        this.label = label;
    }

    /** Untimed: what the database holds before the timed part. */
    abstract void prepare(TableContender c, SparseRows data) throws Exception;

    /** The timed part. */
    abstract void run(TableContender c, SparseRows data) throws Exception;

    /** The rows the timed part writes: the numerator of its throughput. */
    abstract int rowsWritten(SparseRows data);

    /** What table {@code t} must hold afterwards. */
    abstract RowChecksum expected(SparseRows data);
}
