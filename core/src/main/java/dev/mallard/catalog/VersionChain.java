package dev.mallard.catalog;

import dev.mallard.storage.Snapshot;

/**
 * The versions of one name in the catalog, newest first, as DuckDB chains catalog entries: each
 * carries the commit that made it (or, while pending, its transaction's id) and a value, null
 * where the name was dropped. A reader takes the newest version its snapshot sees. Mutations run
 * under the catalog's lock; readers walk the chain without it, through volatile links.
 */
final class VersionChain<T> {
    final class Version implements CatalogChange {
        final T value;
        volatile long stamp;
        volatile Version older;

        Version(T value, long stamp, Version older) {
            this.value = value;
            this.stamp = stamp;
            this.older = older;
        }

        @Override
        public void commit(long commit) {
            stamp = commit;
            owner.committed(commit);
        }

        @Override
        public void undo() {
            synchronized (owner) {
                unlink(this);
            }
        }
    }

    private final Catalog owner;
    private volatile Version newest;

    VersionChain(Catalog owner) {
        this.owner = owner;
    }

    /** The value the snapshot sees, or null. */
    T visible(Snapshot snapshot) {
        for (Version v = newest; v != null; v = v.older) {
            if (snapshot.seesCommit(v.stamp)) return v.value;
        }
        return null;
    }

    /** Adds the newest version; the caller holds the catalog's lock. */
    Version push(T value, long stamp) {
        Version v = new Version(value, stamp, newest);
        newest = v;
        return v;
    }

    private void unlink(Version target) {
        if (newest == target) {
            newest = target.older;
            return;
        }
        for (Version v = newest; v != null; v = v.older) {
            if (v.older == target) {
                v.older = target.older;
                return;
            }
        }
    }

    /**
     * Forgets the versions no transaction can see any more: those older than the newest version
     * committed at or before {@code horizon}. Returns true when the name is gone for everyone.
     */
    boolean prune(long horizon) {
        for (Version v = newest; v != null; v = v.older) {
            if (v.stamp <= horizon) {
                v.older = null;
                return v == newest && v.value == null;
            }
        }
        return false;
    }
}
