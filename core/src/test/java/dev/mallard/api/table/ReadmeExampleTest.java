package dev.mallard.api.table;

import static dev.mallard.api.table.Op.gte;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.Mallard;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's "Tables without a schema" example does what its comments say. */
class ReadmeExampleTest {
    @Test
    void theFiveLines() {
        try (var db = Mallard.open()) {
            var people = db.table("people");
            long id = (Long) people.insert(Map.of("name", "Ann", "age", 37));
            people.upsert(Map.of("name", "Ann", "age", 38, "city", "Köln"), "name");
            List<Map<String, Object>> adults = people.find(Filter.where("age", gte(18))).orderBy("-age").toMaps();

            assertThat(id).isEqualTo(1);
            assertThat(people.columns()).containsExactlyInAnyOrder("id", "name", "age", "city");
            assertThat(adults).singleElement().satisfies(ann -> assertThat(ann).containsEntry("id", 1L).containsEntry("age", 38L)
                    .containsEntry("city", "Köln"));
        }
    }
}
