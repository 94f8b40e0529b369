package dev.mallard.io.json;

import java.util.List;

/**
 * One top-level JSON object: its keys in the order written and their values. A value is null
 * (JSON null), Boolean, Long (integers that fit), {@link JsonNumber} (other numbers), String, or
 * {@link JsonNested} (an object or array, as JSON text). A key written twice keeps both entries;
 * readers take the last, as most JSON tools do.
 */
record JsonRecord(List<String> keys, List<Object> values) {
    /** The record as compact JSON, for rejected rows' text. */
    String toJson() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) sb.append(',');
            JsonText.appendQuoted(sb, keys.get(i));
            sb.append(':');
            sb.append(JsonValues.toJson(values.get(i)));
        }
        return sb.append('}').toString();
    }
}
