package dev.mallard.storage.compress;

/**
 * How hard an encoder looks for a small encoding. A checkpoint writes each segment once and
 * reads it many times: it tries everything. The write-ahead log encodes every committed insert
 * and reads it back only at recovery: it skips what costs more than it saves there (building an
 * FSST symbol table costs about as much as writing the strings).
 */
public enum Effort {
    /** Cheap analyses only: integer encodings and dictionaries, strings without FSST. */
    QUICK,
    /** Every encoding, FSST included. */
    THOROUGH
}
