package dev.mallard.io.parquet;

import dev.mallard.types.LogicalType;
import dev.mallard.types.Values;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the values of a nested column (LIST, MAP, STRUCT, repeated fields, in any nesting)
 * from its leaves' repetition and definition levels, and renders each row as JSON text: a LIST
 * as {@code [1, 2]}, a STRUCT as {@code {"a": 1, "b": "x"}}, a MAP as an object keyed by the
 * keys' text. A NULL column value is SQL NULL; NULLs inside are JSON {@code null}.
 *
 * <p>Record assembly, as the Dremel paper describes it: each leaf entry's repetition level says
 * at which repeated field a new element starts (0: a new row), its definition level how far down
 * its path fields are present. Each leaf is walked on its own, and all leaves of a row fill one
 * tree of maps (groups) and lists (repeated fields); the element a leaf entry belongs to is found
 * by counting elements per repetition level, so every leaf lands in the same elements.
 */
final class NestedAssembler {
    private NestedAssembler() {}

    /** A leaf value in the tree: its position among its leaf's non-NULL values. */
    private record Ref(Vector values, int position) {}

    static String[] assemble(SchemaNode top, Map<Integer, ColumnChunkReader.Levels> leaves, int rows) {
        for (ColumnChunkReader.Levels l : leaves.values()) {
            // every row has at least one entry in every leaf
            if (l.count() < rows) throw new ThriftCompactReader.Damaged("a nested column with fewer entries than rows");
        }
        List<Map<String, Object>> roots = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) roots.add(new HashMap<>(4));
        List<List<SchemaNode>> paths = new ArrayList<>();
        collect(top, new ArrayList<>(), paths);
        for (List<SchemaNode> path : paths) {
            SchemaNode leaf = path.getLast();
            ColumnChunkReader.Levels levels = leaves.get(leaf.leaf().firstLeaf());
            place(path, levels, roots);
        }
        String[] out = new String[rows];
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            Object v = roots.get(r).get(top.name());
            if (v == null) continue; // SQL NULL
            b.setLength(0);
            render(top, v, b);
            out[r] = b.toString();
        }
        return out;
    }

    private static void collect(SchemaNode n, List<SchemaNode> prefix, List<List<SchemaNode>> out) {
        prefix.add(n);
        if (n.shape() == SchemaNode.Shape.LEAF) out.add(List.copyOf(prefix));
        for (SchemaNode c : n.children()) collect(c, prefix, out);
        prefix.removeLast();
    }

    @SuppressWarnings("unchecked")
    private static void place(List<SchemaNode> path, ColumnChunkReader.Levels levels, List<Map<String, Object>> roots) {
        SchemaNode leaf = path.getLast();
        int maxRep = leaf.repetition(), maxDef = leaf.definition();
        int[] index = new int[maxRep + 1];
        int row = -1, value = 0;
        for (int e = 0; e < levels.count(); e++) {
            int rep = levels.reps()[e], def = levels.defs()[e];
            if (rep < 0 || rep > maxRep || def < 0 || def > maxDef) throw new ThriftCompactReader.Damaged("levels beyond the schema's");
            if (rep == 0) {
                row++;
                if (row >= roots.size()) throw new ThriftCompactReader.Damaged("a nested column with more rows than its row group");
                java.util.Arrays.fill(index, 0);
            } else {
                if (row < 0) throw new ThriftCompactReader.Damaged("a nested column not starting with a new row");
                index[rep]++;
                for (int j = rep + 1; j <= maxRep; j++) index[j] = 0;
            }
            Object container = roots.get(row);
            for (SchemaNode node : path) {
                Map<String, Object> m = (Map<String, Object>) container;
                boolean last = node == leaf;
                if (node.repeated()) {
                    if (def < node.definition()) { // an empty list (or the list's parent is absent: decided above)
                        m.putIfAbsent(node.name(), new ArrayList<>());
                        break;
                    }
                    List<Object> list = (List<Object>) m.computeIfAbsent(node.name(), k -> new ArrayList<>());
                    int at = index[node.repetition()];
                    while (list.size() <= at) list.add(last ? null : new LinkedHashMap<String, Object>());
                    if (last) {
                        list.set(at, def == maxDef ? new Ref(levels.values(), value++) : null);
                        break;
                    }
                    container = list.get(at);
                } else {
                    if (node.optional() && def < node.definition()) {
                        m.putIfAbsent(node.name(), null);
                        break;
                    }
                    if (last) {
                        m.put(node.name(), new Ref(levels.values(), value++));
                        break;
                    }
                    Object child = m.get(node.name());
                    if (child == null) {
                        child = new LinkedHashMap<String, Object>();
                        m.put(node.name(), child);
                    }
                    container = child;
                }
            }
        }
        if (value != levels.valueCount()) throw new ThriftCompactReader.Damaged("levels that do not match the values");
    }

    /** Renders the value of {@code node} (a list of elements when the node is repeated). */
    @SuppressWarnings("unchecked")
    private static void render(SchemaNode node, Object v, StringBuilder b) {
        if (v == null) {
            b.append("null");
        } else if (node.repeated()) {
            b.append('[');
            List<Object> list = (List<Object>) v;
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) b.append(", ");
                renderOne(node, list.get(i), b);
            }
            b.append(']');
        } else {
            renderOne(node, v, b);
        }
    }

    /** Renders one value of {@code node} (one element when it is repeated). */
    @SuppressWarnings("unchecked")
    private static void renderOne(SchemaNode node, Object v, StringBuilder b) {
        if (v == null) {
            b.append("null");
            return;
        }
        if (node.shape() == SchemaNode.Shape.LEAF) {
            scalar(node.leaf().type(), (Ref) v, b);
            return;
        }
        Map<String, Object> m = (Map<String, Object>) v;
        switch (node.shape()) {
            case LIST -> {
                SchemaNode repeated = node.children().getFirst();
                List<Object> elements = (List<Object>) m.get(repeated.name());
                b.append('[');
                for (int i = 0; elements != null && i < elements.size(); i++) {
                    if (i > 0) b.append(", ");
                    Object e = elements.get(i);
                    if (listElementIsChild(node, repeated)) {
                        SchemaNode element = repeated.children().getFirst();
                        render(element, e == null ? null : ((Map<String, Object>) e).get(element.name()), b);
                    } else {
                        renderOne(repeated, e, b);
                    }
                }
                b.append(']');
            }
            case MAP -> {
                SchemaNode pairs = node.children().getFirst();
                SchemaNode key = pairs.children().get(0), value = pairs.children().get(1);
                List<Object> entries = (List<Object>) m.get(pairs.name());
                b.append('{');
                for (int i = 0; entries != null && i < entries.size(); i++) {
                    if (i > 0) b.append(", ");
                    Map<String, Object> e = (Map<String, Object>) entries.get(i);
                    // JSON keys are strings: the key's text (keys are never NULL in a valid MAP)
                    Object k = e.get(key.name());
                    Object physical = k instanceof Ref r ? r.values().getObject(r.position()) : null;
                    quote(physical == null ? "null" : Values.toText(key.leaf().type(), physical), b);
                    b.append(": ");
                    render(value, e.get(value.name()), b);
                }
                b.append('}');
            }
            default -> {
                b.append('{');
                boolean first = true;
                for (SchemaNode c : node.children()) {
                    if (!first) b.append(", ");
                    first = false;
                    quote(c.name(), b);
                    b.append(": ");
                    render(c, m.get(c.name()), b);
                }
                b.append('}');
            }
        }
    }

    /**
     * Whether a LIST's repeated group only wraps the element (the standard three levels), rather
     * than being the element itself: the backward-compatibility rules of the LogicalTypes spec
     * (a group of several fields, or one named "array" or "<list>_tuple", is the element).
     */
    private static boolean listElementIsChild(SchemaNode list, SchemaNode repeated) {
        return repeated.shape() != SchemaNode.Shape.LEAF && repeated.children().size() == 1 && !repeated.name().equals("array")
                && !repeated.name().equals(list.name() + "_tuple");
    }

    private static void scalar(LogicalType type, Ref ref, StringBuilder b) {
        Object physical = ref.values().getObject(ref.position());
        if (physical == null) {
            b.append("null");
            return;
        }
        String text = Values.toText(type, physical);
        boolean number = type.isNumeric() && !(physical instanceof Double d && (d.isNaN() || d.isInfinite()));
        switch (type.id()) {
            case BOOLEAN -> b.append(text);
            default -> {
                if (number) b.append(text);
                else quote(text, b);
            }
        }
    }

    /** {@code s} as a JSON string. */
    private static void quote(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        b.append('"');
    }
}
