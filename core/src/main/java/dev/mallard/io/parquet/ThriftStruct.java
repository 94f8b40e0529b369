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
        return v == null ? otherwise : ((Long) v).intValue();
    }

    long i64(int id, long otherwise) {
        Object v = fields.get(id);
        return v == null ? otherwise : (Long) v;
    }

    boolean bool(int id, boolean otherwise) {
        Object v = fields.get(id);
        return v == null ? otherwise : (Boolean) v;
    }

    byte[] binary(int id) {
        return (byte[]) fields.get(id);
    }

    String string(int id) {
        byte[] b = binary(id);
        return b == null ? null : new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    ThriftStruct struct(int id) {
        return (ThriftStruct) fields.get(id);
    }

    @SuppressWarnings("unchecked")
    List<Object> list(int id) {
        Object v = fields.get(id);
        return v == null ? List.of() : (List<Object>) v;
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
