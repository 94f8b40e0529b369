package dev.mallard.api.scan;

import dev.mallard.MallardException;
import dev.mallard.function.table.BoundTableFunction;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Java data as a table: what {@code db.register(name, data)} accepts, turned into a factory of
 * scans (one per query, so each sees the data as it is then):
 * <ul>
 *   <li>a {@code List} of records, POJOs or {@code Map<String, ?>} rows ({@link ClassColumns},
 *       {@link MapColumns}); random-access lists are read in parallel morsels, others on one thread;</li>
 *   <li>an array of such rows (read as a list), any other {@code Iterable} (iterated by each query);</li>
 *   <li>a {@code Stream} of rows: scanned once (a second query over it is an error);</li>
 *   <li>a {@code Map<String, array>} of columns ({@link ColumnArraysScan}).</li>
 * </ul>
 */
public final class JavaTables {
    private JavaTables() {}

    /**
     * The scans of {@code data} registered as {@code name}; {@code rowClass} (may be null) names
     * the rows' class when the collection may be empty. What can be checked now (the row class's
     * columns and their types) is checked now, so a bad registration fails at once.
     */
    public static Supplier<BoundTableFunction> of(String name, Object data, Class<?> rowClass) {
        Supplier<BoundTableFunction> scans = switch (data) {
            case null -> throw MallardException.Data.invalidArgument("cannot register null as \"" + name + "\"");
            case Map<?, ?> columns -> {
                ColumnArraysScan.bind(name, columns); // fails now on a bad column
                yield () -> ColumnArraysScan.bind(name, columns);
            }
            case List<?> list when list instanceof RandomAccess -> rows(name, new RowSource.ListRows(list), rowClass);
            case Object[] array -> rows(name, new RowSource.ListRows(Arrays.asList(array)), rowClass != null ? rowClass
                    : array.getClass().getComponentType() == Object.class ? null : array.getClass().getComponentType());
            case Iterable<?> iterable -> rows(name, new RowSource.IterableRows(iterable), rowClass);
            case Stream<?> stream -> rows(name, new RowSource.StreamRows(stream), rowClass);
            default -> throw MallardException.Data.invalidArgument("cannot query a " + data.getClass().getTypeName() + " as \"" + name
                    + "\": register a List (or array, Iterable, Stream) of records, POJOs or Maps, or a Map of column arrays");
        };
        return scans;
    }

    /**
     * Without a row class, the first row's class (or Map) is remembered now, so that a list
     * emptied later still has its columns.
     */
    private static Supplier<BoundTableFunction> rows(String name, RowSource rows, Class<?> rowClass) {
        List<?> head = rows.head(1);
        Class<?> type = rowClass != null || head.isEmpty() || head.get(0) == null ? rowClass
                : head.get(0) instanceof Map<?, ?> ? Map.class : head.get(0).getClass();
        if (type != null) JavaRowScan.bind(name, rows, type);
        return () -> JavaRowScan.bind(name, rows, type);
    }
}
