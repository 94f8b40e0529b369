package dev.mallard.sql.tree;

public enum ConflictAction {
    /** DO NOTHING / INSERT OR IGNORE. */
    NOTHING,
    /** DO UPDATE SET ... */
    UPDATE,
    /** INSERT OR REPLACE: update every inserted column from the new row. */
    REPLACE
}
