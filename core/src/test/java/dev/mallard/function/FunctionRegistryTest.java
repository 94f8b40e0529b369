package dev.mallard.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.MallardException;
import dev.mallard.types.LogicalType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionRegistryTest {
    private static final LogicalType I = LogicalType.INTEGER, B = LogicalType.BIGINT, D = LogicalType.DOUBLE, V = LogicalType.VARCHAR;

    private static ScalarFunction resolve(String name, LogicalType... args) {
        return FunctionRegistry.scalar(name, List.of(args));
    }

    @Test
    void exactMatchKeepsTheArgumentTypes() {
        ScalarFunction f = resolve("+", I, I);
        assertThat(f.argTypes()).containsExactly(I, I);
        assertThat(f.returnType()).isEqualTo(I);
        assertThat(f.deterministic()).isTrue();
    }

    @Test
    void cheapestImplicitCastWins() {
        assertThat(resolve("+", LogicalType.TINYINT, LogicalType.SMALLINT).returnType()).isEqualTo(LogicalType.SMALLINT);
        assertThat(resolve("+", I, B).argTypes()).containsExactly(B, B);
        assertThat(resolve("/", I, I).argTypes()).containsExactly(D, D);
        assertThat(resolve("+", LogicalType.REAL, I).returnType()).isEqualTo(LogicalType.REAL);
        assertThat(resolve("+", LogicalType.decimal(5, 2), D).returnType()).isEqualTo(D);
        assertThat(resolve("sqrt", I).argTypes()).containsExactly(D);
        assertThat(resolve("-", LogicalType.DATE, LogicalType.DATE).returnType()).isEqualTo(B);
        assertThat(resolve("-", LogicalType.TIMESTAMP, LogicalType.DATE).returnType()).isEqualTo(LogicalType.INTERVAL);
        assertThat(resolve("+", LogicalType.DATE, LogicalType.INTERVAL).returnType()).isEqualTo(LogicalType.TIMESTAMP);
    }

    @Test
    void nullArgumentsPreferBigintThenInteger() {
        assertThat(resolve("+", LogicalType.NULL, LogicalType.NULL).returnType()).isEqualTo(B);
        assertThat(resolve("+", LogicalType.NULL, I).returnType()).isEqualTo(I);
        assertThat(resolve("lower", LogicalType.NULL).argTypes()).containsExactly(V);
    }

    @Test
    void decimalResultTypesFollowDuckDb() {
        LogicalType d102 = LogicalType.decimal(10, 2), d53 = LogicalType.decimal(5, 3);
        ScalarFunction plus = resolve("+", d102, d53);
        assertThat(plus.returnType()).isEqualTo(LogicalType.decimal(12, 3));
        assertThat(plus.argTypes()).containsExactly(LogicalType.decimal(11, 3), LogicalType.decimal(5, 3));
        assertThat(resolve("*", d102, d53).returnType()).isEqualTo(LogicalType.decimal(15, 5));
        assertThat(resolve("*", d102, I).returnType()).isEqualTo(LogicalType.decimal(18, 2));
        assertThat(resolve("+", I, LogicalType.decimal(2, 1)).returnType()).isEqualTo(LogicalType.decimal(12, 1));
        assertThat(resolve("/", d102, d53).returnType()).isEqualTo(D);
        assertThat(resolve("-", d102).returnType()).isEqualTo(d102);
        assertThat(resolve("*", LogicalType.decimal(30, 2), d102).returnType()).isEqualTo(LogicalType.decimal(38, 4));
    }

    @Test
    void comparisonsAcceptEveryTypeAndUnifyDecimals() {
        for (LogicalType t : List.of(LogicalType.BOOLEAN, I, B, D, LogicalType.REAL, V, LogicalType.DATE, LogicalType.TIMESTAMP,
                LogicalType.INTERVAL, LogicalType.decimal(10, 2), LogicalType.decimal(30, 5))) {
            for (String op : List.of("=", "<>", "<", "<=", ">", ">=", "is_distinct_from", "is_not_distinct_from")) {
                assertThat(resolve(op, t, t).returnType()).as(op + " " + t).isEqualTo(LogicalType.BOOLEAN);
            }
        }
        assertThat(resolve("=", LogicalType.decimal(3, 2), LogicalType.decimal(2, 1)).argTypes())
                .containsExactly(LogicalType.decimal(3, 2), LogicalType.decimal(3, 2));
    }

    @Test
    void variadicFunctionsGetOneTypePerArgument() {
        assertThat(resolve("concat", V, I, LogicalType.DATE).argTypes()).containsExactly(V, V, V);
        assertThat(resolve("greatest", I, I, I).argTypes()).hasSize(3);
        assertThat(resolve("concat_ws", V, V, V, V).argTypes()).hasSize(4);
    }

    @Test
    void namesAreCaseInsensitiveAndAliasesResolve() {
        assertThat(resolve("LOWER", V).name()).isEqualTo("lower");
        assertThat(resolve("SubStr", V, B).returnType()).isEqualTo(V);
        assertThat(resolve("char_length", V).returnType()).isEqualTo(B);
        assertThat(FunctionRegistry.isAggregate("SUM")).isTrue();
        assertThat(FunctionRegistry.isAggregate("lower")).isFalse();
        assertThat(FunctionRegistry.isScalar("lower")).isTrue();
    }

    @Test
    void noMatchingOverloadListsTheCandidates() {
        assertThatThrownBy(() -> resolve("lower", I))
                .isInstanceOf(MallardException.Catalog.class)
                .hasMessage("No function matches 'lower(INTEGER)'. Candidates: lower(VARCHAR). You may need an explicit cast.")
                .extracting(e -> ((MallardException) e).sqlState()).isEqualTo("42883");
        assertThatThrownBy(() -> resolve("+", LogicalType.DATE, B)).hasMessageContaining("+(DATE, INTEGER)");
        assertThatThrownBy(() -> resolve("length", V, V)).hasMessageContaining("length(VARCHAR)");
    }

    @Test
    void unknownNamesSuggestTheClosest() {
        assertThatThrownBy(() -> resolve("lowr", V)).isInstanceOf(MallardException.Catalog.class)
                .hasMessage("function lowr does not exist. Did you mean \"lower\"?");
        assertThatThrownBy(() -> resolve("zzzzzzzz", V)).hasMessage("function zzzzzzzz does not exist");
        assertThatThrownBy(() -> FunctionRegistry.aggregate("summ", List.of(I))).hasMessageContaining("Did you mean \"sum\"?");
    }

    @Test
    void aggregatesAndScalarsAreKeptApart() {
        assertThatThrownBy(() -> resolve("sum", I)).hasMessageContaining("aggregate");
        assertThatThrownBy(() -> FunctionRegistry.aggregate("lower", List.of(V))).hasMessageContaining("not an aggregate");
    }

    @Test
    void nonDeterministicFunctionsAreMarked() {
        assertThat(resolve("random").deterministic()).isFalse();
        assertThat(resolve("now").deterministic()).isFalse();
        assertThat(resolve("current_date").returnType()).isEqualTo(LogicalType.DATE);
        assertThat(resolve("pi").deterministic()).isTrue();
    }

    @Test
    void constantArgumentsRefineResultTypes() {
        List<LogicalType> types = List.of(V, LogicalType.TIMESTAMP);
        assertThat(FunctionRegistry.scalar("date_part", types).returnType()).isEqualTo(B);
        assertThat(FunctionRegistry.scalar("date_part", types, Arrays.asList("epoch", null)).returnType()).isEqualTo(D);
        assertThat(FunctionRegistry.scalar("date_part", types, Arrays.asList("year", null)).returnType()).isEqualTo(B);
        List<LogicalType> round = List.of(LogicalType.decimal(5, 4), I);
        assertThat(FunctionRegistry.scalar("round", round).returnType()).isEqualTo(D);
        assertThat(FunctionRegistry.scalar("round", round, Arrays.asList(null, 2)).returnType()).isEqualTo(LogicalType.decimal(5, 2));
    }

    @Test
    void aggregateTypes() {
        assertThat(FunctionRegistry.aggregate("count_star", List.of()).returnType()).isEqualTo(B);
        assertThat(FunctionRegistry.aggregate("sum", List.of(I)).returnType()).isEqualTo(B);
        assertThat(FunctionRegistry.aggregate("sum", List.of(B)).returnType()).isEqualTo(LogicalType.decimal(38, 0));
        assertThat(FunctionRegistry.aggregate("sum", List.of(LogicalType.decimal(10, 2))).returnType()).isEqualTo(LogicalType.decimal(38, 2));
        assertThat(FunctionRegistry.aggregate("sum", List.of(LogicalType.REAL)).returnType()).isEqualTo(D);
        assertThat(FunctionRegistry.aggregate("avg", List.of(LogicalType.decimal(10, 2))).returnType()).isEqualTo(D);
        assertThat(FunctionRegistry.aggregate("min", List.of(LogicalType.DATE)).returnType()).isEqualTo(LogicalType.DATE);
        assertThat(FunctionRegistry.aggregate("arg_max", List.of(V, I)).returnType()).isEqualTo(V);
        assertThat(FunctionRegistry.aggregate("median", List.of(I)).returnType()).isEqualTo(D);
        assertThat(FunctionRegistry.aggregate("median", List.of(LogicalType.decimal(4, 2))).returnType()).isEqualTo(LogicalType.decimal(4, 2));
        assertThat(FunctionRegistry.aggregate("string_agg", List.of(V)).returnType()).isEqualTo(V);
    }
}
