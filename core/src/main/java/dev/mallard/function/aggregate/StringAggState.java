package dev.mallard.function.aggregate;

import dev.mallard.function.AggregateState;
import dev.mallard.vector.Vector;

/**
 * string_agg(x[, separator]) / group_concat / listagg: the non-NULL values joined with the separator
 * (',' by default; the first separator a group sees is used, DuckDB requires a constant). NULL when
 * a group has no value.
 */
final class StringAggState implements AggregateState {
    private StringBuilder[] builders = new StringBuilder[0];
    private String[] separators = new String[0];

    @Override
    public void ensureGroups(int groups) {
        builders = Capacity.grow(builders, groups);
        separators = Capacity.grow(separators, groups);
    }

    @Override
    public void update(Vector[] args, int[] sel, int count, int[] groups) {
        Vector v = args[0];
        Vector sep = args.length > 1 ? args[1] : null;
        for (int k = 0; k < count; k++) {
            int i = sel == null ? k : sel[k];
            if (v.isNull(i)) continue;
            int g = groups[k];
            if (separators[g] == null) separators[g] = sep == null ? "," : sep.isNull(i) ? "" : sep.strings[i];
            append(g, v.strings[i]);
        }
    }

    private void append(int g, CharSequence s) {
        StringBuilder b = builders[g];
        if (b == null) {
            builders[g] = new StringBuilder(s);
        } else {
            b.append(separators[g]).append(s);
        }
    }

    @Override
    public void merge(AggregateState other, int[] sources, int[] targets, int count) {
        StringAggState o = (StringAggState) other;
        for (int i = 0; i < count; i++) {
            int g = sources == null ? i : sources[i];
            if (o.builders[g] == null) continue;
            int t = targets[i];
            if (separators[t] == null) separators[t] = o.separators[g];
            append(t, o.builders[g]);
        }
    }

    @Override
    public void finalize(int group, Vector out, int pos) {
        StringBuilder b = builders[group];
        if (b == null) {
            out.setNull(pos);
            return;
        }
        out.setNull(pos, false);
        out.strings[pos] = b.toString();
    }

    @Override
    public void clear(int group) {
        builders[group] = null;
        separators[group] = null;
    }
}
