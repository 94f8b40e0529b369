package dev.mallard.api.relational;

import dev.mallard.MallardException;
import dev.mallard.function.table.FileFormats;
import dev.mallard.sql.tree.FileRelation;
import dev.mallard.sql.tree.Identifier;
import dev.mallard.sql.tree.Position;
import dev.mallard.sql.tree.QualifiedName;
import dev.mallard.sql.tree.Relation;
import dev.mallard.sql.tree.TableRef;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a relation starts from, as the FROM item SQL would name it: a table, view or registered
 * name ({@code trips}, {@code main.trips}) or a file ({@code 'data/trips.parquet'}, read as
 * {@code FROM 'file'} reads it), and the names Java data handed to {@code db.from(list)} is bound
 * under for a query.
 */
public final class Sources {
    private static final AtomicLong JAVA_DATA = new AtomicLong();

    private Sources() {}

    /**
     * A file when the text has a file extension FROM 'file' knows (through .gz and .zip) or a path
     * separator, as DuckDB's replacement scans decide; otherwise a table name, dotted parts being
     * schema and table. Names are kept as given and quoted in the SQL wherever they need it.
     */
    public static boolean isFile(String text) {
        return text.indexOf('/') >= 0 || text.indexOf('\\') >= 0 || FileFormats.hasKnownExtension(text);
    }

    /** The FROM item of {@code db.from(text)}. */
    public static Relation of(String text) {
        if (isFile(text)) return new FileRelation(Position.UNKNOWN, text, null);
        return new TableRef(Position.UNKNOWN, tableName(text), null);
    }

    /** The name a table's columns are qualified with ({@code trips} for {@code main.trips}); null for a file. */
    public static String qualifier(String text) {
        return isFile(text) ? null : tableName(text).last().value();
    }

    /**
     * A fresh name for Java data in one query. Unique in this JVM, so relations over different
     * collections can be joined without their names meeting.
     */
    public static String javaDataName() {
        return "java_data_" + JAVA_DATA.incrementAndGet();
    }

    private static QualifiedName tableName(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length > 3 || Arrays.stream(parts).anyMatch(String::isBlank)) {
            throw MallardException.Data.invalidArgument("\"" + text + "\" is neither a table name (table, schema.table) nor a file"
                    + " whose format its extension tells (.csv, .parquet, .json, ...)");
        }
        return new QualifiedName(Arrays.stream(parts).map(Identifier::of).toList());
    }
}
