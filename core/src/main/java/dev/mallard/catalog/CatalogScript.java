package dev.mallard.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CREATE statements that rebuild the catalog's schemas, tables and views: the shell's
 * {@code .schema}, and how a database file keeps its catalog (as SQLite keeps sqlite_schema).
 * Tables come before views because views read tables; each group keeps creation order.
 */
public final class CatalogScript {
    /** Words that must be quoted to be used as names (the common reserved words of the dialect). */
    private static final Set<String> RESERVED = Set.of("ALL", "ANALYSE", "ANALYZE", "AND", "ANY", "ARRAY", "AS", "ASC", "ASYMMETRIC",
            "BOTH", "CASE", "CAST", "CHECK", "COLLATE", "COLUMN", "CONSTRAINT", "CREATE", "DEFAULT", "DEFERRABLE", "DESC",
            "DISTINCT", "DO", "ELSE", "END", "EXCEPT", "FALSE", "FETCH", "FOR", "FOREIGN", "FROM", "GRANT", "GROUP", "HAVING",
            "IN", "INITIALLY", "INTERSECT", "INTO", "JOIN", "LATERAL", "LEADING", "LIMIT", "NOT", "NULL", "OFFSET", "ON",
            "ONLY", "OR", "ORDER", "PLACING", "PRIMARY", "QUALIFY", "REFERENCES", "RETURNING", "SELECT", "SOME", "SYMMETRIC",
            "TABLE", "THEN", "TO", "TRAILING", "TRUE", "UNION", "UNIQUE", "USING", "VARIADIC", "WHEN", "WHERE", "WINDOW", "WITH");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private CatalogScript() {}

    /** @param tablePattern a LIKE pattern (% and _) on table/view names, or null for everything */
    public static List<String> statements(CatalogReader catalog, String tablePattern) {
        Pattern filter = tablePattern == null ? null : like(tablePattern);
        List<String> out = new ArrayList<>();
        if (filter == null) {
            for (String schema : catalog.schemaNames()) {
                if (!schema.equalsIgnoreCase(Catalog.DEFAULT_SCHEMA)) out.add("CREATE SCHEMA " + quote(schema) + ";");
            }
        }
        List<CatalogEntry> entries = catalog.entries().stream()
                .filter(e -> filter == null || filter.matcher(e.name()).matches()).toList();
        for (CatalogEntry e : entries) if (e instanceof TableEntry t) out.add(createTable(t));
        for (CatalogEntry e : entries) if (e instanceof ViewEntry v) out.add(createView(v));
        return out;
    }

    public static String createTable(TableEntry t) {
        List<String> parts = new ArrayList<>();
        UniqueConstraint pk = t.primaryKey();
        for (int i = 0; i < t.columns().size(); i++) {
            ColumnDefinition c = t.columns().get(i);
            StringBuilder sb = new StringBuilder(quote(c.name())).append(' ').append(c.type());
            // PRIMARY KEY implies NOT NULL (the catalog records both); say it once.
            if (c.notNull() && (pk == null || !pk.columns().contains(i))) sb.append(" NOT NULL");
            if (c.defaultSql() != null) sb.append(" DEFAULT ").append(c.defaultSql());
            parts.add(sb.toString());
        }
        for (UniqueConstraint u : t.uniques()) {
            List<String> cols = u.columns().stream().map(i -> quote(t.columns().get(i).name())).toList();
            parts.add((u.primaryKey() ? "PRIMARY KEY(" : "UNIQUE(") + String.join(", ", cols) + ")");
        }
        for (String check : t.checks()) parts.add("CHECK(" + check + ")");
        return "CREATE TABLE " + qualified(t) + "(" + String.join(", ", parts) + ");";
    }

    public static String createView(ViewEntry v) {
        String aliases = v.columnAliases().isEmpty() ? ""
                : "(" + String.join(", ", v.columnAliases().stream().map(CatalogScript::quote).toList()) + ")";
        String query = v.sql().strip();
        while (query.endsWith(";")) query = query.substring(0, query.length() - 1).strip();
        return "CREATE VIEW " + qualified(v) + aliases + " AS " + query + ";";
    }

    private static String qualified(CatalogEntry e) {
        return e.schema().equalsIgnoreCase(Catalog.DEFAULT_SCHEMA) ? quote(e.name()) : quote(e.schema()) + "." + quote(e.name());
    }

    /** Quotes a name only when it needs it, so the usual script reads like hand-written SQL. */
    public static String quote(String name) {
        if (PLAIN.matcher(name).matches() && !RESERVED.contains(name.toUpperCase(Locale.ROOT))) return name;
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A case-insensitive LIKE pattern as a regex. */
    public static Pattern like(String pattern) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            re.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }
}
