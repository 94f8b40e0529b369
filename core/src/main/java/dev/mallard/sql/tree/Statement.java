package dev.mallard.sql.tree;

/** A complete SQL statement: what {@code SqlParser.parse} returns, one per {@code ;}-separated part. */
public sealed interface Statement extends Node
        permits Query, Insert, Update, Delete, Truncate,
                CreateTable, CreateView, CreateSchema, CreateIndex, Drop, AlterTable,
                Explain, Describe, ShowTables, Summarize,
                SetVariable, ResetVariable, Pragma, TransactionStatement, Checkpoint, Copy, Call {
}
