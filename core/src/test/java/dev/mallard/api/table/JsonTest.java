package dev.mallard.api.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rows given as JSON object text, and map or list values written as JSON text. */
class JsonTest {
    @Test
    void readsAnObjectKeepingOrderAndExactNumbers() {
        Map<String, Object> row = Json.readObject(" {\"b\": 1, \"a\": -2.50, \"big\": 123456789012345678901234,"
                + " \"e\": 1e3, \"s\": \"K\\u00f6ln \\\"q\\\"\\n\", \"t\": true, \"n\": null, \"l\": [1, {\"x\": []}]} ");
        assertThat(row.keySet()).containsExactly("b", "a", "big", "e", "s", "t", "n", "l");
        assertThat(row.get("b")).isEqualTo(1L);
        assertThat(row.get("a")).isEqualTo(new BigDecimal("-2.50"));
        assertThat(row.get("big")).isEqualTo(new BigInteger("123456789012345678901234"));
        assertThat(row.get("e")).isEqualTo(new BigDecimal("1e3"));
        assertThat(row.get("s")).isEqualTo("Köln \"q\"\n");
        assertThat(row.get("t")).isEqualTo(true);
        assertThat(row).containsEntry("n", null);
        assertThat(row.get("l")).isEqualTo(List.of(1L, Map.of("x", List.of())));
    }

    @Test
    void badTextIsAnErrorWithItsPlace() {
        assertThatThrownBy(() -> Json.readObject("[1]")).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> Json.readObject("{\"a\": 1,}")).hasMessageContaining("at character 9");
        assertThatThrownBy(() -> Json.readObject("{\"a\": 1, \"a\": 2}")).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> Json.readObject("{\"a\": 1} x")).hasMessageContaining("after the JSON object");
        assertThatThrownBy(() -> Json.readObject("{\"a\": \"open")).hasMessageContaining("unterminated string");
    }

    @Test
    void writesMapsListsAndArrays() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "say \"hi\"");
        m.put("n", null);
        m.put("xs", new Object[] {1, 2.5, new BigDecimal("1.10")});
        m.put("nan", Double.NaN);
        m.put("day", java.time.LocalDate.of(2024, 1, 2));
        assertThat(Json.write(m)).isEqualTo("{\"name\":\"say \\\"hi\\\"\",\"n\":null,\"xs\":[1,2.5,1.10],\"nan\":null,\"day\":\"2024-01-02\"}");
        assertThat(Json.write(List.of())).isEqualTo("[]");
    }
}
