package dev.mallard.engine;

/** What executing one statement yields: rows, or a count of affected rows. */
public sealed interface StatementResult permits QueryResult, UpdateResult {}
