package dev.mallard.function.aggregate;

import static dev.mallard.function.Signature.ANY;
import static dev.mallard.types.TypeId.BIGINT;
import static dev.mallard.types.TypeId.BOOLEAN;
import static dev.mallard.types.TypeId.DECIMAL;
import static dev.mallard.types.TypeId.DOUBLE;
import static dev.mallard.types.TypeId.INTEGER;
import static dev.mallard.types.TypeId.SMALLINT;
import static dev.mallard.types.TypeId.TINYINT;
import static dev.mallard.types.TypeId.VARCHAR;

import dev.mallard.function.AggregateFunction;
import dev.mallard.function.AggregateState;
import dev.mallard.function.DecimalMath;
import dev.mallard.function.FunctionCatalog;
import dev.mallard.function.Signature;
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import java.util.List;
import java.util.function.Supplier;

/**
 * The aggregate functions, with DuckDB's result types except where noted:
 * <ul>
 *   <li>count_star (count(*)), count(x), count_if(x) → BIGINT (DuckDB: count_if HUGEINT).</li>
 *   <li>sum: TINYINT/SMALLINT/INTEGER/BOOLEAN → BIGINT (DuckDB: HUGEINT), BIGINT → DECIMAL(38,0)
 *       (DuckDB: HUGEINT), DECIMAL(p,s) → DECIMAL(38,s), REAL/DOUBLE → DOUBLE.</li>
 *   <li>avg of integers, decimals and doubles → DOUBLE, computed from an exact sum.</li>
 *   <li>min, max, first/arbitrary, last, any_value, mode, arg_min/arg_max (min_by/max_by) → the
 *       value's type; bool_and, bool_or → BOOLEAN.</li>
 *   <li>stddev/stddev_samp, stddev_pop, variance/var_samp, var_pop, sem, skewness, kurtosis,
 *       covar_samp, covar_pop, corr, product, fsum/kahan_sum, favg, entropy → DOUBLE.</li>
 *   <li>bit_and, bit_or, bit_xor → the integer type; mad → DOUBLE (DECIMAL keeps its type).</li>
 *   <li>string_agg / group_concat / listagg → VARCHAR; approx_count_distinct (exact) → BIGINT.</li>
 *   <li>median, quantile_cont, quantile_disc / quantile: see {@link QuantileState}.</li>
 * </ul>
 */
public final class AggregateFunctions {
    private AggregateFunctions() {}

    private static final LogicalType D = LogicalType.DOUBLE;

    public static void register(FunctionCatalog c) {
        fixed(c, "count_star", Signature.of(), LogicalType.BIGINT, () -> new CountState(CountState.Mode.ROWS));
        fixed(c, "count", Signature.of(ANY), LogicalType.BIGINT, () -> new CountState(CountState.Mode.NON_NULL));
        fixed(c, "count_if", Signature.of(BOOLEAN), LogicalType.BIGINT, () -> new CountState(CountState.Mode.TRUE));
        c.alias("countif", "count_if");

        for (String name : List.of("sum", "avg")) {
            boolean avg = name.equals("avg");
            for (TypeId id : new TypeId[] {TINYINT, SMALLINT, INTEGER}) {
                fixed(c, name, Signature.of(id), avg ? D : LogicalType.BIGINT, () -> new LongSumState(avg, false));
            }
            fixed(c, name, Signature.of(BIGINT), avg ? D : LogicalType.decimal(38, 0), () -> new WideSumState(avg, false, 0));
            c.addAggregate(name, Signature.of(DECIMAL), (n, args) -> {
                LogicalType t = args.get(0);
                boolean wide = !DecimalMath.isNarrow(t);
                return new AggregateFunction(n, args, avg ? D : LogicalType.decimal(38, t.scale()),
                        () -> new WideSumState(avg, wide, t.scale()));
            });
            fixed(c, name, Signature.of(DOUBLE), D, () -> new DoubleSumState(avg ? DoubleSumState.Mode.AVG : DoubleSumState.Mode.SUM));
        }
        fixed(c, "sum", Signature.of(BOOLEAN), LogicalType.BIGINT, () -> new LongSumState(false, true));
        c.alias("mean", "avg");
        fixed(c, "product", Signature.of(DOUBLE), D, () -> new DoubleSumState(DoubleSumState.Mode.PRODUCT));

        c.addAggregate("min", Signature.of(ANY), (n, args) -> extreme(n, args, -1, false));
        c.addAggregate("max", Signature.of(ANY), (n, args) -> extreme(n, args, 1, false));
        c.addAggregate("arg_min", Signature.of(ANY, ANY), (n, args) -> extreme(n, args, -1, true));
        c.addAggregate("arg_max", Signature.of(ANY, ANY), (n, args) -> extreme(n, args, 1, true));
        for (String alias : List.of("min_by", "argmin")) c.alias(alias, "arg_min");
        for (String alias : List.of("max_by", "argmax")) c.alias(alias, "arg_max");
        c.addAggregate("bool_and", Signature.of(BOOLEAN), (n, args) -> extreme(n, args, -1, false));
        c.addAggregate("bool_or", Signature.of(BOOLEAN), (n, args) -> extreme(n, args, 1, false));
        c.alias("every", "bool_and");
        c.alias("logical_and", "bool_and");
        c.alias("logical_or", "bool_or");

        first(c, "first", FirstState.Mode.FIRST);
        first(c, "last", FirstState.Mode.LAST);
        first(c, "any_value", FirstState.Mode.ANY_VALUE);
        c.alias("arbitrary", "first");

        variance(c, "var_samp", VarianceState.Mode.VAR_SAMP);
        variance(c, "var_pop", VarianceState.Mode.VAR_POP);
        variance(c, "stddev_samp", VarianceState.Mode.STDDEV_SAMP);
        variance(c, "stddev_pop", VarianceState.Mode.STDDEV_POP);
        variance(c, "sem", VarianceState.Mode.SEM);
        c.alias("variance", "var_samp");
        fixed(c, "skewness", Signature.of(DOUBLE), D, () -> new MomentsState(MomentsState.Mode.SKEWNESS));
        fixed(c, "kurtosis", Signature.of(DOUBLE), D, () -> new MomentsState(MomentsState.Mode.KURTOSIS));
        fixed(c, "fsum", Signature.of(DOUBLE), D, () -> new KahanSumState(false));
        c.alias("kahan_sum", "fsum");
        c.alias("sumkahan", "fsum");
        fixed(c, "favg", Signature.of(DOUBLE), D, () -> new KahanSumState(true));
        for (TypeId id : new TypeId[] {TINYINT, SMALLINT, INTEGER, BIGINT}) {
            LogicalType t = LogicalType.of(id);
            fixed(c, "bit_and", Signature.of(id), t, () -> new BitState(BitState.Mode.AND, id == BIGINT));
            fixed(c, "bit_or", Signature.of(id), t, () -> new BitState(BitState.Mode.OR, id == BIGINT));
            fixed(c, "bit_xor", Signature.of(id), t, () -> new BitState(BitState.Mode.XOR, id == BIGINT));
        }
        c.alias("stddev", "stddev_samp");
        covariance(c, "covar_samp", CovarianceState.Mode.COVAR_SAMP);
        covariance(c, "covar_pop", CovarianceState.Mode.COVAR_POP);
        covariance(c, "corr", CovarianceState.Mode.CORR);

        fixed(c, "string_agg", Signature.of(VARCHAR), LogicalType.VARCHAR, StringAggState::new);
        fixed(c, "string_agg", Signature.of(VARCHAR, VARCHAR), LogicalType.VARCHAR, StringAggState::new);
        c.alias("group_concat", "string_agg");
        c.alias("listagg", "string_agg");

        c.addAggregate("median", Signature.of(ANY), (n, args) -> quantile(n, args, true, 0.5));
        c.addAggregate("quantile_cont", Signature.of(ANY, DOUBLE), (n, args) -> quantile(n, args, true, null));
        c.addAggregate("quantile_disc", Signature.of(ANY, DOUBLE), (n, args) -> quantile(n, args, false, null));
        c.alias("quantile", "quantile_disc");
        c.addAggregate("approx_quantile", Signature.of(ANY, DOUBLE), ApproxQuantileState::function);
        c.addAggregate("mode", Signature.of(ANY), (n, args) -> new AggregateFunction(n, args, args.get(0),
                () -> new HashedState(HashedState.Mode.MODE)));
        fixed(c, "entropy", Signature.of(ANY), D, () -> new HashedState(HashedState.Mode.ENTROPY));
        for (TypeId id : new TypeId[] {TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL, DOUBLE}) {
            c.addAggregate("mad", Signature.of(id), (n, args) -> new AggregateFunction(n, args,
                    args.get(0).isDecimal() ? args.get(0) : LogicalType.DOUBLE, () -> QuantileState.mad(args.get(0))));
        }
        fixed(c, "approx_count_distinct", Signature.of(ANY), LogicalType.BIGINT, () -> new HashedState(HashedState.Mode.COUNT_DISTINCT));
    }

    private static void fixed(FunctionCatalog c, String name, Signature sig, LogicalType result, Supplier<AggregateState> state) {
        c.addAggregate(name, sig, (n, args) -> new AggregateFunction(n, args, result, state));
    }

    private static AggregateFunction extreme(String name, List<LogicalType> args, int direction, boolean withArgument) {
        LogicalType result = args.get(0);
        LogicalType key = withArgument ? args.get(1) : result;
        return new AggregateFunction(name, args, result,
                () -> new ExtremeState(direction, key, withArgument ? result : null));
    }

    private static void first(FunctionCatalog c, String name, FirstState.Mode mode) {
        c.addAggregate(name, Signature.of(ANY), (n, args) -> new AggregateFunction(n, args, args.get(0),
                () -> new FirstState(mode, args.get(0))));
    }

    private static void variance(FunctionCatalog c, String name, VarianceState.Mode mode) {
        fixed(c, name, Signature.of(DOUBLE), D, () -> new VarianceState(mode));
    }

    private static void covariance(FunctionCatalog c, String name, CovarianceState.Mode mode) {
        fixed(c, name, Signature.of(DOUBLE, DOUBLE), D, () -> new CovarianceState(mode));
    }

    private static AggregateFunction quantile(String name, List<LogicalType> args, boolean continuous, Double fixed) {
        LogicalType t = args.get(0);
        return new AggregateFunction(name, args, QuantileState.resultType(t, continuous),
                () -> new QuantileState(continuous, fixed, t));
    }
}
