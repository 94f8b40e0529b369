package dev.mallard.engine;

import dev.mallard.MallardException;
import dev.mallard.function.table.BoundTableFunction;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Tables a program hands to its sessions by name, outside the catalog: Java collections and
 * arrays ({@code db.register("trips", list)}), as DuckDB's replacement scans find pandas frames.
 * Each name holds a factory, asked once per query that names it, so every query sees the data as
 * it is then (a list that grew since shows its new rows). Names match case-insensitively.
 * Sessions see them once given them ({@link ClientContext#addTables}).
 *
 * <p>A catalog table or view of the same name wins when a query is bound (the binder looks in the
 * catalog first); {@code dev.mallard.api.Database} refuses to register such a name, so a
 * registration is shadowed only by a table created after it.
 */
public final class RegisteredTables {
    private final Map<String, Supplier<? extends BoundTableFunction>> tables = new ConcurrentHashMap<>();

    /** Registers or replaces {@code name}. */
    public void put(String name, Supplier<? extends BoundTableFunction> table) {
        if (name == null || name.isBlank()) throw MallardException.Data.invalidArgument("a registered table needs a name, got '" + name + "'");
        tables.put(key(name), table);
    }

    /** Removes {@code name}; returns whether it was registered. */
    public boolean remove(String name) {
        return tables.remove(key(name)) != null;
    }

    public boolean contains(String name) {
        return tables.containsKey(key(name));
    }

    /** A fresh scan of the table registered as {@code name}, or null. */
    public BoundTableFunction find(String name) {
        Supplier<? extends BoundTableFunction> table = tables.get(key(name));
        return table == null ? null : table.get();
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
