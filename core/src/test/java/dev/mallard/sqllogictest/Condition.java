package dev.mallard.sqllogictest;

import java.util.Locale;
import java.util.Set;

/**
 * A {@code skipif ENGINE} or {@code onlyif ENGINE} line in front of a record.
 *
 * @param onlyIf true for {@code onlyif}, false for {@code skipif}
 * @param engine the engine name, lower case ({@code sqlite}, {@code mysql}, {@code mallard}, ...)
 */
public record Condition(boolean onlyIf, String engine) {

    public Condition {
        engine = engine.toLowerCase(Locale.ROOT);
    }

    /** Whether the guarded record is skipped by a runner that answers to {@code ourNames}. */
    public boolean skips(Set<String> ourNames) {
        boolean ours = ourNames.contains(engine);
        // onlyif <someone else> skips, and so does skipif <us>.
        return onlyIf != ours;
    }

    @Override
    public String toString() {
        return (onlyIf ? "onlyif " : "skipif ") + engine;
    }
}
