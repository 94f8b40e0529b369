package dev.mallard.catalog;

import dev.mallard.MallardException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Schemas and their tables and views. Names are case-insensitive (stored with the spelling they
 * were created with). Thread-safe: mutations take the instance lock; readers get snapshots.
 */
public final class Catalog {
    public static final String DEFAULT_SCHEMA = "main";

    private final Map<String, Map<String, CatalogEntry>> schemas = new LinkedHashMap<>();
    private final Map<String, String> schemaNames = new LinkedHashMap<>();

    public Catalog() {
        createSchema(DEFAULT_SCHEMA, false);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    public synchronized void createSchema(String name, boolean ifNotExists) {
        if (schemas.containsKey(key(name))) {
            if (ifNotExists) return;
            throw MallardException.Catalog.duplicate("schema \"" + name + "\" already exists");
        }
        schemas.put(key(name), new LinkedHashMap<>());
        schemaNames.put(key(name), name);
    }

    public synchronized void dropSchema(String name, boolean ifExists, boolean cascade) {
        Map<String, CatalogEntry> s = schemas.get(key(name));
        if (s == null) {
            if (ifExists) return;
            throw MallardException.Catalog.undefinedTable("schema \"" + name + "\" does not exist");
        }
        if (key(name).equals(DEFAULT_SCHEMA)) throw new MallardException.Catalog("42501", "cannot drop schema main");
        if (!s.isEmpty() && !cascade) {
            throw new MallardException.Catalog("2BP01", "schema \"" + name + "\" is not empty; use DROP SCHEMA ... CASCADE");
        }
        schemas.remove(key(name));
        schemaNames.remove(key(name));
    }

    public synchronized boolean hasSchema(String name) {
        return schemas.containsKey(key(name));
    }

    public synchronized List<String> schemaNames() {
        return new ArrayList<>(schemaNames.values());
    }

    /** The entry, or null. */
    public synchronized CatalogEntry find(String schema, String name) {
        Map<String, CatalogEntry> s = schemas.get(key(schema == null ? DEFAULT_SCHEMA : schema));
        return s == null ? null : s.get(key(name));
    }

    /** Adds a new entry; fails if the name is taken in its schema. */
    public synchronized void add(CatalogEntry entry) {
        Map<String, CatalogEntry> s = requireSchema(entry.schema());
        if (s.containsKey(key(entry.name()))) {
            String kind = s.get(key(entry.name())) instanceof TableEntry ? "table" : "view";
            throw MallardException.Catalog.duplicate(kind + " \"" + entry.name() + "\" already exists");
        }
        s.put(key(entry.name()), entry);
    }

    /** Replaces (or adds) the entry with this name; used by ALTER and CREATE OR REPLACE. */
    public synchronized void put(CatalogEntry entry) {
        requireSchema(entry.schema()).put(key(entry.name()), entry);
    }

    /** Replaces an entry under a new name (ALTER TABLE ... RENAME TO). */
    public synchronized void rename(CatalogEntry old, CatalogEntry renamed) {
        Map<String, CatalogEntry> s = requireSchema(old.schema());
        if (!key(old.name()).equals(key(renamed.name())) && s.containsKey(key(renamed.name()))) {
            throw MallardException.Catalog.duplicate("\"" + renamed.name() + "\" already exists");
        }
        s.remove(key(old.name()));
        s.put(key(renamed.name()), renamed);
    }

    public synchronized void remove(CatalogEntry entry) {
        Map<String, CatalogEntry> s = schemas.get(key(entry.schema()));
        if (s != null) s.remove(key(entry.name()));
    }

    /** All entries of all schemas, in creation order. */
    public synchronized List<CatalogEntry> entries() {
        List<CatalogEntry> out = new ArrayList<>();
        for (Map<String, CatalogEntry> s : schemas.values()) out.addAll(s.values());
        return out;
    }

    /** Names of everything in a schema, for "did you mean" suggestions. */
    public synchronized Collection<String> names(String schema) {
        Map<String, CatalogEntry> s = schemas.get(key(schema == null ? DEFAULT_SCHEMA : schema));
        return s == null ? List.of() : s.values().stream().map(CatalogEntry::name).toList();
    }

    private Map<String, CatalogEntry> requireSchema(String schema) {
        Map<String, CatalogEntry> s = schemas.get(key(schema));
        if (s == null) throw MallardException.Catalog.undefinedTable("schema \"" + schema + "\" does not exist");
        return s;
    }
}
