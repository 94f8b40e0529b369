package dev.mallard.api.table;

import java.util.List;

/** Mallard's SQL: JSON is kept as VARCHAR text, keys are numbered by the API. */
record MallardDialect() implements Dialect {
    @Override
    public String typeName(ColumnType type) {
        return switch (type) {
            case BOOLEAN -> "BOOLEAN";
            case BIGINT -> "BIGINT";
            case DOUBLE -> "DOUBLE";
            case DECIMAL -> "DECIMAL(38, " + ColumnType.DECIMAL_SCALE + ")";
            case TEXT, JSON, OTHER -> "VARCHAR";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
        };
    }

    /**
     * Mallard's driver runs a JDBC batch of a one-row INSERT as one statement, binding the rows as
     * typed values: no SQL text of thousands of parameters to parse and plan per batch.
     */
    @Override
    public boolean batchesInserts() {
        return true;
    }

    @Override
    public String autoKeyDefinition(String quotedName) {
        return quotedName + " BIGINT PRIMARY KEY";
    }

    @Override
    public boolean generatesKeys() {
        // Mallard has no sequences yet: the API hands out keys under its write lock.
        return false;
    }

    /**
     * Mallard has no ALTER COLUMN ... TYPE yet: a new column takes the converted values and the old
     * one's name (the column moves to the end of the table). All of it runs in the call's transaction.
     */
    @Override
    public List<String> changeType(String table, String column, ColumnType to) {
        String t = quote(table);
        String temp = quote(column + "__retype");
        return List.of(
                "ALTER TABLE " + t + " ADD COLUMN " + temp + " " + typeName(to),
                "UPDATE " + t + " SET " + temp + " = CAST(" + quote(column) + " AS " + typeName(to) + ")",
                "ALTER TABLE " + t + " DROP COLUMN " + quote(column),
                "ALTER TABLE " + t + " RENAME COLUMN " + temp + " TO " + quote(column));
    }
}
