package dev.mallard.planner;

import dev.mallard.MallardException;
import dev.mallard.sql.tree.TypeName;
import dev.mallard.types.LogicalType;
import java.util.List;
import java.util.Locale;

/** Maps type names as written in SQL (with their aliases) to logical types. */
public final class TypeResolver {
    private static final List<String> KNOWN = List.of("BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT",
            "REAL", "DOUBLE", "DECIMAL", "NUMERIC", "VARCHAR", "TEXT", "DATE", "TIMESTAMP", "INTERVAL");

    private TypeResolver() {}

    /** A type written as text ({@code 'DECIMAL(10,2)'} in an option of a read function). */
    public static LogicalType fromText(String text) {
        dev.mallard.sql.tree.Expression e;
        try {
            e = dev.mallard.sql.parser.SqlParser.parseExpression("CAST(NULL AS " + text + ")");
        } catch (MallardException ex) {
            throw MallardException.Data.invalidArgument("'" + text + "' is not a type; use one of " + String.join(", ", KNOWN));
        }
        if (!(e instanceof dev.mallard.sql.tree.Cast c)) {
            throw MallardException.Data.invalidArgument("'" + text + "' is not a type; use one of " + String.join(", ", KNOWN));
        }
        return resolve(c.type());
    }

    public static LogicalType resolve(TypeName type) {
        if (type.arrayDepth() > 0) throw new MallardException.NotImplemented("array types are not supported yet: " + type);
        String name = type.name().toUpperCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
        List<Integer> p = type.parameters();
        return switch (name) {
            case "BOOLEAN", "BOOL", "LOGICAL" -> LogicalType.BOOLEAN;
            case "TINYINT", "INT1" -> LogicalType.TINYINT;
            case "SMALLINT", "INT2", "SHORT", "UTINYINT" -> LogicalType.SMALLINT;
            case "INTEGER", "INT", "INT4", "SIGNED", "USMALLINT" -> LogicalType.INTEGER;
            case "BIGINT", "INT8", "LONG", "UINTEGER" -> LogicalType.BIGINT;
            case "HUGEINT", "INT128" -> LogicalType.decimal(38, 0);
            case "UBIGINT" -> LogicalType.decimal(20, 0);
            case "REAL", "FLOAT4", "FLOAT" -> p.isEmpty() || p.get(0) <= 24 ? LogicalType.REAL : LogicalType.DOUBLE;
            case "DOUBLE", "FLOAT8", "DOUBLE PRECISION" -> LogicalType.DOUBLE;
            case "DECIMAL", "NUMERIC", "DEC" -> switch (p.size()) {
                case 0 -> LogicalType.decimal(18, 3);
                case 1 -> LogicalType.decimal(p.get(0), 0);
                default -> LogicalType.decimal(p.get(0), p.get(1));
            };
            case "VARCHAR", "TEXT", "STRING", "CHAR", "BPCHAR", "CHARACTER", "CHARACTER VARYING", "NVARCHAR", "NCHAR",
                 "CLOB" -> LogicalType.VARCHAR;
            case "DATE" -> LogicalType.DATE;
            case "TIMESTAMP", "DATETIME", "TIMESTAMP WITHOUT TIME ZONE" -> LogicalType.TIMESTAMP;
            case "INTERVAL" -> LogicalType.INTERVAL;
            default -> throw MallardException.Catalog.undefinedFunction("type \"" + type.name() + "\" does not exist"
                    + NameSuggestions.hint(type.name(), KNOWN)
                    + (type.position().isKnown() ? "" : ""));
        };
    }
}
