package dev.mallard.io.json;

/**
 * A nested object or array, kept as its compact JSON text: Mallard has no STRUCT or LIST type,
 * so such values load into VARCHAR columns as JSON a query can still take apart with string
 * functions.
 */
record JsonNested(String json) {
    @Override
    public String toString() {
        return json;
    }
}
