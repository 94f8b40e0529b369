package dev.mallard.engine;

/** @param count rows inserted, updated or deleted; 0 for DDL and other statements */
public record UpdateResult(long count) implements StatementResult {}
