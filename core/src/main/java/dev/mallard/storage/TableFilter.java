package dev.mallard.storage;

import java.util.List;

/**
 * A conjunct of a scan's filter in a form storage can test against a row group's
 * {@link ZoneMap}s: a column compared with a constant, a column in a list of constants, or a NULL
 * test. {@link DataTable#mayMatch} skips a row group when one of them cannot hold for any of its
 * rows. The executor derives these from the filter it pushed into the scan and still evaluates
 * the filter on every row it reads, so a table filter only has to be right when it says "no".
 */
public sealed interface TableFilter {
    /** The table column tested. */
    int column();

    /** False only when no row a segment with zone map {@code zone} holds can pass. */
    boolean mayMatch(ZoneMap zone);

    /**
     * {@code column op constant}, {@code op} given as the comparison outcomes that pass
     * ({@link ZoneMap#LESS}, {@link ZoneMap#EQUAL}, {@link ZoneMap#GREATER}); the constant is
     * non-NULL and in the column type's physical form. NULL rows never pass a comparison.
     */
    record Comparison(int column, int outcomes, Object constant) implements TableFilter {
        @Override
        public boolean mayMatch(ZoneMap zone) {
            return zone.mayCompare(outcomes, constant);
        }
    }

    /**
     * {@code column IN (constants)}: the list's non-NULL constants (a NULL in the list never makes
     * a row pass). The test costs one comparison pair per constant, next to a hash lookup per row
     * when the row group is read.
     */
    record InList(int column, List<Object> constants) implements TableFilter {
        public InList {
            constants = List.copyOf(constants);
        }

        @Override
        public boolean mayMatch(ZoneMap zone) {
            for (Object c : constants) if (zone.mayCompare(ZoneMap.EQUAL, c)) return true;
            return false;
        }
    }

    /** {@code column IS NULL}, or {@code IS NOT NULL} when {@code negated}. */
    record NullTest(int column, boolean negated) implements TableFilter {
        @Override
        public boolean mayMatch(ZoneMap zone) {
            return negated ? zone.hasValue() : zone.hasNull();
        }
    }
}
