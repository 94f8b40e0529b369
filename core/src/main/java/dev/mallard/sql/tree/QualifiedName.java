package dev.mallard.sql.tree;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A dotted name such as {@code t}, {@code s.t} or {@code db.s.t}; also column references
 * {@code c}, {@code t.c}, {@code s.t.c}. Never empty.
 */
public record QualifiedName(List<Identifier> parts) implements Node {

    public QualifiedName {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("empty qualified name");
        }
    }

    public static QualifiedName of(Identifier single) {
        return new QualifiedName(List.of(single));
    }

    public static QualifiedName of(String... names) {
        return new QualifiedName(java.util.Arrays.stream(names).map(Identifier::of).toList());
    }

    @Override
    public Position position() {
        return parts.get(0).position();
    }

    /** The last part: the object's own name without its qualifiers. */
    public Identifier last() {
        return parts.get(parts.size() - 1);
    }

    /** All parts but the last (empty for an unqualified name). */
    public List<Identifier> qualifier() {
        return parts.subList(0, parts.size() - 1);
    }

    public int size() {
        return parts.size();
    }

    @Override
    public String toString() {
        return parts.stream().map(Identifier::value).collect(Collectors.joining("."));
    }
}
