/**
 * The function library: scalar functions and operators, aggregates, casts and table functions.
 *
 * <p>Entry points: {@link dev.mallard.function.FunctionRegistry} (resolve a scalar function,
 * operator or aggregate by name and argument types), {@link dev.mallard.function.cast.CastFunctions}
 * (cast kernels, implicit-cast costs, common super types) and
 * {@link dev.mallard.function.table.TableFunctions} (range, generate_series). Values print and parse
 * through {@link dev.mallard.types.Values}, {@link dev.mallard.types.DateTimes} and
 * {@link dev.mallard.types.Intervals}.
 *
 * <p>How a function is written: its overloads are {@link dev.mallard.function.Signature}s of type
 * families registered in a {@link dev.mallard.function.FunctionCatalog} by the definition classes of
 * {@code function.scalar} and {@code function.aggregate}; {@link dev.mallard.function.OverloadResolver}
 * picks the overload with the cheapest implicit casts; its {@link dev.mallard.function.ScalarBinding}
 * fixes the argument and result types. The body is a per-row {@link dev.mallard.function.RowKernel}
 * lambda over the physical arrays; {@link dev.mallard.function.Kernels} supplies the loop over the
 * selection and the NULL handling, in a copy of the loop class per body class so the JIT inlines
 * the body ({@link dev.mallard.function.KernelSpecializer}). Aggregate states keep one slot per
 * group in primitive arrays.
 *
 * <p>Semantics follow DuckDB; the differences are listed where they occur and checked by the
 * DuckDB oracle tests ({@code function/duckdb_cases.txt}, {@code function/aggregate_cases.txt}).
 */
package dev.mallard.function;
