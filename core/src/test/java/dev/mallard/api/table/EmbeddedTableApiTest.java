package dev.mallard.api.table;

import dev.mallard.Mallard;
import dev.mallard.api.Database;

/** The table API on an in-memory Mallard database. */
class EmbeddedTableApiTest extends TableApiContract {
    @Override
    Database open() {
        return Mallard.open();
    }
}
