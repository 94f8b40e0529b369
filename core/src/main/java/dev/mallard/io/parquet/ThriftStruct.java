package dev.mallard.io.parquet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One decoded Thrift struct: its fields by id, each in a plain Java form (Boolean, Long for every
 * integer width, Double, byte[] for binary and strings, List for lists and sets, ThriftStruct for
 * structs and unions). Parquet's metadata is read into this generic form first, then the typed
 * views ({@link FileMetaData}, {@link PageHeader}) pick the fields they know: fields added by newer
 * writers are kept here unread instead of breaking the decoder.
 */
final class ThriftStruct {
    private final Map<Integer, Object> fields = new HashMap<>();

    void put(int id, Object value) {
        fields.put(id, value);
    }

    boolean has(int id) {
        return fields.containsKey(id);
    }

    /** The id of the one field set, for unions (Parquet's LogicalType, TimeUnit, ColumnOrder); -1 when none. */
    int unionField() {
        return fields.isEmpty() ? -1 : fields.keySet().iterator().next();
    }

    int i32(int id, int otherwise) {
        Object v = fields.get(id);
        return v == null ? otherwise : (int) (long) typed(id, v, Long.class);
    }

    long i64(int id, long otherwise) {
        Object v = fields.get(id);
        return v == null ? otherwise : typed(id, v, Long.class);
    }

    boolean bool(int id, boolean otherwise) {
        Object v = fields.get(id);
        return v == null ? otherwise : typed(id, v, Boolean.class);
    }

    byte[] binary(int id) {
        Object v = fields.get(id);
        return v == null ? null : typed(id, v, byte[].class);
    }

    String string(int id) {
        byte[] b = binary(id);
        return b == null ? null : new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    ThriftStruct struct(int id) {
        Object v = fields.get(id);
        return v == null ? null : typed(id, v, ThriftStruct.class);
    }

    @SuppressWarnings("unchecked")
    List<Object> list(int id) {
        Object v = fields.get(id);
        return v == null ? List.of() : typed(id, v, List.class);
    }

    /** The elements of a list of structs. */
    List<ThriftStruct> structs(int id) {
        List<ThriftStruct> out = new java.util.ArrayList<>();
        for (Object e : list(id)) out.add(typed(id, e, ThriftStruct.class));
        return out;
    }

    /** The elements of a list of strings. */
    List<String> strings(int id) {
        List<String> out = new java.util.ArrayList<>();
        for (Object e : list(id)) out.add(new String(typed(id, e, byte[].class), java.nio.charset.StandardCharsets.UTF_8));
        return out;
    }

    /** A field of another type than the specification gives it is damage, not a bug to crash on. */
    private static <T> T typed(int id, Object v, Class<T> type) {
        if (!type.isInstance(v)) throw new ThriftCompactReader.Damaged("field " + id + " has the wrong type");
        return type.cast(v);
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
