package dev.mallard.execution;

/**
 * State of a streaming operator shared by every thread and every pipeline it appears in during
 * one query (e.g. LIMIT's row counter when a UNION ALL feeds it from two pipelines). Thread-safe.
 */
public class GlobalOperatorState {
}
