package dev.mallard.sql.parser;

import dev.mallard.MallardException;
import dev.mallard.sql.tree.Position;

/** Builds parse exceptions in the one format every parse error uses: message, position, caret excerpt. */
final class ParseErrors {
    private ParseErrors() {
    }

    /** {@code message (line L, column C)\n<source line>\n<caret>}, plus an optional hint line. */
    static MallardException.Parse at(String sql, Position position, String message, String hint) {
        StringBuilder text = new StringBuilder(message);
        String excerpt = position.excerpt(sql);
        if (!excerpt.isEmpty()) {
            text.append(' ').append(excerpt);
        }
        if (hint != null) {
            text.append("\nhint: ").append(hint);
        }
        return new MallardException.Parse(text.toString());
    }

    static MallardException.Parse at(String sql, Position position, String message) {
        return at(sql, position, message, null);
    }
}
