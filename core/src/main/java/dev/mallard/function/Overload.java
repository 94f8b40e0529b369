package dev.mallard.function;

/** One signature of a function name and what completes it ({@link ScalarBinding} or {@link AggregateBinding}). */
public record Overload<B>(Signature signature, B binding) {}
