package dev.mallard.catalog;

import dev.mallard.MallardException;
import dev.mallard.storage.Snapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Schemas and their tables and views, versioned so that DDL is transactional: a change is made
 * under its transaction's id, seen by that transaction only, and by others once they start after
 * its commit ({@link VersionChain}). Names are case-insensitive (stored with the spelling they
 * were created with).
 *
 * <p>The reader methods of this class see the newest versions, pending ones included: DDL and
 * checkpoints use them, and they run while no other transaction has a schema change pending.
 * Statements read through {@link #at(Snapshot)}. Changes without a transaction ({@link #add},
 * {@link #put}) are committed at once: they build the catalog of a database being opened.
 */
public final class Catalog implements CatalogReader {
    public static final String DEFAULT_SCHEMA = "main";
    /** The stamp of changes made outside transactions: seen by every snapshot. */
    private static final long ALWAYS = 0;

    /** A schema: its name's versions and its entries' chains, which outlive a DROP SCHEMA. */
    private final class SchemaSlot {
        final VersionChain<String> name = new VersionChain<>(Catalog.this);
        final Map<String, VersionChain<CatalogEntry>> entries = new LinkedHashMap<>();
    }

    private final Map<String, SchemaSlot> schemas = new LinkedHashMap<>();
    /** The last commit that changed the catalog. */
    private volatile long lastChange;

    public Catalog() {
        slot(DEFAULT_SCHEMA).name.push(DEFAULT_SCHEMA, ALWAYS);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private SchemaSlot slot(String name) {
        return schemas.computeIfAbsent(key(name), k -> new SchemaSlot());
    }

    void committed(long commit) {
        if (commit > lastChange) lastChange = commit;
    }

    /** The last commit that changed the catalog: a transaction that started before it works on an outdated schema. */
    public long lastChange() {
        return lastChange;
    }

    /** The catalog as {@code snapshot} sees it. */
    public CatalogReader at(Snapshot snapshot) {
        return new View(snapshot);
    }

    // ---- reading ------------------------------------------------------------------------------

    private synchronized boolean hasSchema(Snapshot s, String name) {
        SchemaSlot slot = schemas.get(key(name));
        return slot != null && slot.name.visible(s) != null;
    }

    private synchronized List<String> schemaNames(Snapshot s) {
        List<String> out = new ArrayList<>();
        for (SchemaSlot slot : schemas.values()) {
            String name = slot.name.visible(s);
            if (name != null) out.add(name);
        }
        return out;
    }

    private synchronized CatalogEntry find(Snapshot s, String schema, String name) {
        SchemaSlot slot = schemas.get(key(schema == null ? DEFAULT_SCHEMA : schema));
        if (slot == null || slot.name.visible(s) == null) return null;
        VersionChain<CatalogEntry> chain = slot.entries.get(key(name));
        return chain == null ? null : chain.visible(s);
    }

    private synchronized List<CatalogEntry> entries(Snapshot s, String schema) {
        List<CatalogEntry> out = new ArrayList<>();
        for (Map.Entry<String, SchemaSlot> e : schemas.entrySet()) {
            if (schema != null && !e.getKey().equals(key(schema)) || e.getValue().name.visible(s) == null) continue;
            for (VersionChain<CatalogEntry> chain : e.getValue().entries.values()) {
                CatalogEntry entry = chain.visible(s);
                if (entry != null) out.add(entry);
            }
        }
        return out;
    }

    private void requireLatest(Snapshot s, CatalogEntry entry) {
        if (find(Snapshot.LATEST, entry.schema(), entry.name()) == entry) return;
        throw new MallardException("40001", (entry instanceof TableEntry ? "table" : "view") + " \"" + entry.name()
                + "\" was changed or dropped by a transaction that committed after this one started;"
                + " roll back and retry to work on its new definition");
    }

    @Override
    public boolean hasSchema(String name) {
        return hasSchema(Snapshot.LATEST, name);
    }

    @Override
    public List<String> schemaNames() {
        return schemaNames(Snapshot.LATEST);
    }

    @Override
    public CatalogEntry find(String schema, String name) {
        return find(Snapshot.LATEST, schema, name);
    }

    @Override
    public List<CatalogEntry> entries() {
        return entries(Snapshot.LATEST, null);
    }

    @Override
    public Collection<String> names(String schema) {
        return entries(Snapshot.LATEST, schema == null ? DEFAULT_SCHEMA : schema).stream().map(CatalogEntry::name).toList();
    }

    @Override
    public void requireLatest(CatalogEntry entry) {
        // the newest version is the latest by definition
    }

    /** What one snapshot sees. */
    private final class View implements CatalogReader {
        private final Snapshot snapshot;

        View(Snapshot snapshot) {
            this.snapshot = snapshot;
        }

        @Override
        public boolean hasSchema(String name) {
            return Catalog.this.hasSchema(snapshot, name);
        }

        @Override
        public List<String> schemaNames() {
            return Catalog.this.schemaNames(snapshot);
        }

        @Override
        public CatalogEntry find(String schema, String name) {
            return Catalog.this.find(snapshot, schema, name);
        }

        @Override
        public List<CatalogEntry> entries() {
            return Catalog.this.entries(snapshot, null);
        }

        @Override
        public Collection<String> names(String schema) {
            return Catalog.this.entries(snapshot, schema == null ? DEFAULT_SCHEMA : schema).stream().map(CatalogEntry::name).toList();
        }

        @Override
        public void requireLatest(CatalogEntry entry) {
            Catalog.this.requireLatest(snapshot, entry);
        }
    }

    // ---- changing -----------------------------------------------------------------------------

    /** CREATE SCHEMA by transaction {@code tx}; null when it exists and {@code ifNotExists}. */
    public synchronized CatalogChange createSchema(String name, boolean ifNotExists, long tx) {
        if (hasSchema(name)) {
            if (ifNotExists) return null;
            throw MallardException.Catalog.duplicate("schema \"" + name + "\" already exists");
        }
        return slot(name).name.push(name, tx);
    }

    /** DROP SCHEMA by transaction {@code tx}: the schema's name and, with CASCADE, its entries. */
    public synchronized List<CatalogChange> dropSchema(String name, boolean ifExists, boolean cascade, long tx) {
        if (!hasSchema(name)) {
            if (ifExists) return List.of();
            throw MallardException.Catalog.undefinedTable("schema \"" + name + "\" does not exist");
        }
        if (key(name).equals(DEFAULT_SCHEMA)) throw new MallardException.Catalog("42501", "cannot drop schema main");
        List<CatalogEntry> inside = entries(Snapshot.LATEST, name);
        if (!inside.isEmpty() && !cascade) {
            throw new MallardException.Catalog("2BP01", "schema \"" + name + "\" is not empty; use DROP SCHEMA ... CASCADE");
        }
        List<CatalogChange> changes = new ArrayList<>();
        for (CatalogEntry e : inside) changes.add(remove(e, tx));
        changes.add(schemas.get(key(name)).name.push(null, tx));
        return changes;
    }

    /** Adds a new entry by transaction {@code tx}; fails if the name is taken in its schema. */
    public synchronized CatalogChange add(CatalogEntry entry, long tx) {
        CatalogEntry existing = find(entry.schema(), entry.name());
        if (existing != null) {
            throw MallardException.Catalog.duplicate((existing instanceof TableEntry ? "table" : "view") + " \"" + entry.name()
                    + "\" already exists");
        }
        return push(entry.schema(), entry.name(), entry, tx);
    }

    /** Replaces (or adds) the entry with this name by transaction {@code tx}: ALTER, CREATE OR REPLACE. */
    public synchronized CatalogChange put(CatalogEntry entry, long tx) {
        return push(entry.schema(), entry.name(), entry, tx);
    }

    /** Drops the entry by transaction {@code tx}. */
    public synchronized CatalogChange remove(CatalogEntry entry, long tx) {
        return push(entry.schema(), entry.name(), null, tx);
    }

    /** ALTER ... RENAME TO by transaction {@code tx}: the old name dropped, the new one added. */
    public synchronized List<CatalogChange> rename(CatalogEntry old, CatalogEntry renamed, long tx) {
        if (!key(old.name()).equals(key(renamed.name())) && find(renamed.schema(), renamed.name()) != null) {
            throw MallardException.Catalog.duplicate("\"" + renamed.name() + "\" already exists");
        }
        CatalogChange dropped = remove(old, tx);
        return List.of(dropped, put(renamed, tx));
    }

    private CatalogChange push(String schema, String name, CatalogEntry value, long tx) {
        if (!hasSchema(schema)) throw MallardException.Catalog.undefinedTable("schema \"" + schema + "\" does not exist");
        SchemaSlot slot = schemas.get(key(schema));
        VersionChain<CatalogEntry> chain = slot.entries.get(key(name));
        if (chain == null) {
            chain = new VersionChain<>(this);
            slot.entries.put(key(name), chain);
        } else if (value != null && chain.visible(Snapshot.LATEST) == null) {
            // a name created again goes after the entries created meanwhile (views follow their tables)
            slot.entries.remove(key(name));
            slot.entries.put(key(name), chain);
        }
        return chain.push(value, tx);
    }

    /** Adds an entry committed for everyone (opening a database, tests). */
    public synchronized void add(CatalogEntry entry) {
        add(entry, ALWAYS);
    }

    /** Replaces an entry for everyone (opening a database: a table receives its stored rows). */
    public synchronized void put(CatalogEntry entry) {
        put(entry, ALWAYS);
    }

    /** Forgets versions that no transaction can see: those superseded at or before {@code horizon}. */
    public synchronized void prune(long horizon) {
        for (var s = schemas.values().iterator(); s.hasNext(); ) {
            SchemaSlot slot = s.next();
            slot.entries.values().removeIf(chain -> chain.prune(horizon));
            if (slot.name.prune(horizon) && slot.entries.isEmpty()) s.remove();
        }
    }
}
