package dev.mallard.function.scalar;

import java.util.function.Function;

/**
 * Remembers the last compiled form of a pattern (LIKE, regular expression, format string). A
 * constant pattern arrives as a vector holding the same String reference in every row, so a
 * reference comparison usually answers and each distinct pattern compiles once. Shared by the
 * threads that run one plan: the entry is immutable and published through a volatile field, so a
 * race at worst compiles a pattern twice.
 */
final class LastCompiled<T> {
    private record Entry<T>(String source, T compiled) {}

    private final Function<String, T> compiler;
    private volatile Entry<T> last;

    LastCompiled(Function<String, T> compiler) {
        this.compiler = compiler;
    }

    T get(String source) {
        Entry<T> e = last;
        if (e != null && (e.source == source || e.source.equals(source))) return e.compiled;
        T compiled = compiler.apply(source);
        last = new Entry<>(source, compiled);
        return compiled;
    }
}
