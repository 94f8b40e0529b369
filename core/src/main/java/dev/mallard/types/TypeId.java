package dev.mallard.types;

/** The logical type families. {@link PhysicalType} says how each is laid out in a vector. */
public enum TypeId {
    /** The type of an untyped NULL literal; it casts implicitly to every other type. */
    NULL,
    BOOLEAN,
    TINYINT,
    SMALLINT,
    INTEGER,
    BIGINT,
    REAL,
    DOUBLE,
    DECIMAL,
    VARCHAR,
    DATE,
    TIMESTAMP,
    INTERVAL
}
