package dev.mallard.api.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.Mallard;
import dev.mallard.api.Database;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table API on an in-memory Mallard database, and what is particular to Mallard files. */
class EmbeddedTableApiTest extends TableApiContract {
    @Override
    Database open() {
        return Mallard.open();
    }

    @Test
    void twoDatabaseObjectsOnOneFileShareKeysAndTheTablesLiveOn(@TempDir Path dir) {
        String file = dir.resolve("people.db").toString();
        try (Database a = Mallard.open(file); Database b = Mallard.open(file)) {
            assertThat(a.table("people").insert(Map.of("name", "Ann"))).isEqualTo(1L);
            assertThat(b.table("people").insert(Map.of("name", "Bob"))).isEqualTo(2L);
            assertThat(a.table("people").insert(Map.of("name", "Cy", "age", 3))).isEqualTo(3L);
        }
        try (Database again = Mallard.open(file)) {
            assertThat(again.table("people").columns()).containsExactly("id", "name", "age");
            assertThat(again.table("people").insert(Map.of("name", "Dee"))).isEqualTo(4L);
            assertThat(again.table("people").count()).isEqualTo(4);
        }
    }
}
