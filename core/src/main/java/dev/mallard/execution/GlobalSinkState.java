package dev.mallard.execution;

/**
 * What a sink accumulates for all threads; thread-local states are folded in by
 * {@code combine} (which must be thread-safe) and finished once by {@code finalizeSink}. After
 * that it is read-only and serves as the data of the operator's source or probe role.
 */
public class GlobalSinkState {
}
