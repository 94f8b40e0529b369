package dev.mallard.api.scan;

import dev.mallard.MallardException;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Where the rows of a Java scan come from. A random-access {@link List} is read in place by many
 * threads, each taking the next run of rows (a morsel); an {@link Iterable} is iterated afresh by
 * each scan, on one thread; a {@link Stream} is iterated by the first scan only. Nothing is copied
 * up front: a query sees the collection as it is when its scan starts.
 */
sealed interface RowSource permits RowSource.ListRows, RowSource.IterableRows, RowSource.StreamRows {
    /** Rows per morsel of a list: 32 vectors, enough to amortize taking one, small enough to balance threads. */
    int MORSEL = 32 * 2048;

    /** The first {@code n} rows at most, without using up the source (they pick the columns and their types). */
    List<?> head(int n);

    /** The row count, or -1 when unknown. */
    long estimatedRows();

    /** Starts one scan: the runs of rows it reads, handed out in order. */
    Runs open(String table);

    /** Hands out the runs of one scan. Thread-safe. */
    interface Runs {
        /** The next run, or null when none is left. */
        Run next();
    }

    /** Consecutive rows, read by one thread. */
    interface Run {
        /** Copies up to {@code max} next rows into {@code buffer}; returns how many (0 at the end). */
        int next(Object[] buffer, int max);

        /** The index in the source of the first row the last {@link #next} returned (for errors). */
        long position();
    }

    /** A random-access list, read in morsels by many threads. */
    record ListRows(List<?> list) implements RowSource {
        @Override
        public List<?> head(int n) {
            return list.subList(0, Math.min(n, list.size()));
        }

        @Override
        public long estimatedRows() {
            return list.size();
        }

        @Override
        public Runs open(String table) {
            int size = list.size(); // taken once: rows added while the scan runs are for the next query
            // An ArrayList's range copies out of its array at once (System.arraycopy), where a
            // call of get per row checks its index each time; other lists may copy by iterating.
            boolean copies = list.getClass() == ArrayList.class;
            return new Runs() {
                private int next;

                @Override
                public synchronized Run next() {
                    if (next >= size) return null;
                    int from = next;
                    int to = (int) Math.min(size, (long) from + MORSEL);
                    next = to;
                    return new CountingRun(from) {
                        @Override
                        int fill(Object[] buffer, int max, long row) {
                            int at = (int) row;
                            int n = Math.min(max, to - at);
                            try {
                                if (copies) list.subList(at, at + n).toArray(buffer);
                                else for (int i = 0; i < n; i++) buffer[i] = list.get(at + i);
                            } catch (IndexOutOfBoundsException | ConcurrentModificationException e) {
                                throw changed(table, e);
                            }
                            return n;
                        }
                    };
                }
            };
        }
    }

    /** A collection without random access (or any Iterable): iterated by each scan, on one thread. */
    record IterableRows(Iterable<?> rows) implements RowSource {
        @Override
        public List<?> head(int n) {
            List<Object> head = new ArrayList<>();
            for (Iterator<?> it = rows.iterator(); it.hasNext() && head.size() < n; ) head.add(it.next());
            return head;
        }

        @Override
        public long estimatedRows() {
            return rows instanceof java.util.Collection<?> c ? c.size() : -1;
        }

        @Override
        public Runs open(String table) {
            return single(table, rows.iterator());
        }
    }

    /**
     * A stream, iterated once: its first rows are taken when it is registered (to find the columns)
     * and kept; the first scan reads them and then the rest. A second scan is an error, since the
     * rows are gone.
     */
    final class StreamRows implements RowSource {
        private final Iterator<?> rest;
        private final List<Object> head = new ArrayList<>();
        private final AtomicBoolean used = new AtomicBoolean();

        StreamRows(Stream<?> stream) {
            this.rest = stream.iterator();
            while (head.size() < JavaTypeMapping.SAMPLE && rest.hasNext()) head.add(rest.next());
        }

        @Override
        public List<?> head(int n) {
            return head.subList(0, Math.min(n, head.size()));
        }

        @Override
        public long estimatedRows() {
            return -1;
        }

        boolean used() {
            return used.get();
        }

        @Override
        public Runs open(String table) {
            if (used.getAndSet(true)) throw consumed(table);
            Iterator<?> first = head.iterator();
            return single(table, new Iterator<Object>() {
                @Override
                public boolean hasNext() {
                    return first.hasNext() || rest.hasNext();
                }

                @Override
                public Object next() {
                    return first.hasNext() ? first.next() : rest.next();
                }
            });
        }

        static MallardException consumed(String table) {
            return MallardException.Data.invalidArgument("\"" + table + "\" is a Stream that an earlier scan has read to its end;"
                    + " a Stream can be scanned once: register a List (stream.toList()) to query the rows again");
        }
    }

    /** A collection changed under a scan: the caller's code must not change it while a query runs. */
    private static MallardException changed(String table, RuntimeException cause) {
        return new MallardException("55000", "\"" + table + "\" changed while a query was reading it (" + cause + "); change a"
                + " registered collection only between queries, or register a copy", cause);
    }

    /** One run over an iterator. */
    private static Runs single(String table, Iterator<?> it) {
        return new Runs() {
            private boolean given;

            @Override
            public synchronized Run next() {
                if (given) return null;
                given = true;
                return new CountingRun(0) {
                    @Override
                    int fill(Object[] buffer, int max, long at) {
                        int n = 0;
                        try {
                            while (n < max && it.hasNext()) buffer[n++] = it.next();
                        } catch (ConcurrentModificationException e) {
                            throw changed(table, e);
                        }
                        return n;
                    }
                };
            }
        };
    }
}
