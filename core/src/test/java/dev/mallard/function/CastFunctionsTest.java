package dev.mallard.function;

import static dev.mallard.function.FunctionTester.cast;
import static dev.mallard.function.FunctionTester.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.MallardException;
import dev.mallard.function.cast.CastFunctions;
import dev.mallard.types.Interval;
import dev.mallard.types.LogicalType;
import dev.mallard.types.Values;
import dev.mallard.vector.Vector;
import org.junit.jupiter.api.Test;

class CastFunctionsTest {
    private static final LogicalType I = LogicalType.INTEGER, B = LogicalType.BIGINT, D = LogicalType.DOUBLE,
            V = LogicalType.VARCHAR, R = LogicalType.REAL;

    private static LogicalType dec(int p, int s) {
        return LogicalType.decimal(p, s);
    }

    @Test
    void implicitCastsFollowDuckDb() {
        assertThat(CastFunctions.implicitCastCost(I, I)).isZero();
        assertThat(CastFunctions.implicitCastCost(LogicalType.TINYINT, I)).isPositive();
        assertThat(CastFunctions.implicitCastCost(I, B)).isLessThan(CastFunctions.implicitCastCost(LogicalType.TINYINT, B));
        assertThat(CastFunctions.implicitCastCost(I, dec(10, 0))).isPositive();
        assertThat(CastFunctions.implicitCastCost(I, dec(5, 0))).isEqualTo(-1);
        assertThat(CastFunctions.implicitCastCost(I, D)).isLessThan(CastFunctions.implicitCastCost(I, R));
        assertThat(CastFunctions.implicitCastCost(dec(10, 2), D)).isPositive();
        assertThat(CastFunctions.implicitCastCost(R, D)).isPositive();
        assertThat(CastFunctions.implicitCastCost(LogicalType.DATE, LogicalType.TIMESTAMP)).isPositive();
        assertThat(CastFunctions.implicitCastCost(LogicalType.NULL, LogicalType.INTERVAL)).isPositive();
        for (LogicalType none : new LogicalType[] {V, LogicalType.BOOLEAN, LogicalType.INTERVAL}) {
            assertThat(CastFunctions.implicitCastCost(none, I)).isEqualTo(-1);
            assertThat(CastFunctions.implicitCastCost(I, none)).isEqualTo(-1);
        }
        assertThat(CastFunctions.implicitCastCost(B, I)).isEqualTo(-1);
        assertThat(CastFunctions.implicitCastCost(D, dec(18, 3))).isEqualTo(-1);
        assertThat(CastFunctions.implicitCastCost(LogicalType.TIMESTAMP, LogicalType.DATE)).isEqualTo(-1);
    }

    @Test
    void commonSuperTypesMatchDuckDbCoalesce() {
        assertThat(CastFunctions.commonSuperType(LogicalType.DATE, LogicalType.TIMESTAMP)).isEqualTo(LogicalType.TIMESTAMP);
        assertThat(CastFunctions.commonSuperType(dec(5, 2), D)).isEqualTo(D);
        assertThat(CastFunctions.commonSuperType(dec(5, 2), I)).isEqualTo(dec(12, 2));
        assertThat(CastFunctions.commonSuperType(dec(5, 2), B)).isEqualTo(dec(21, 2));
        assertThat(CastFunctions.commonSuperType(I, dec(2, 1))).isEqualTo(dec(11, 1));
        assertThat(CastFunctions.commonSuperType(R, B)).isEqualTo(R);
        assertThat(CastFunctions.commonSuperType(R, dec(5, 2))).isEqualTo(R);
        assertThat(CastFunctions.commonSuperType(LogicalType.BOOLEAN, I)).isEqualTo(I);
        assertThat(CastFunctions.commonSuperType(dec(5, 2), dec(4, 3))).isEqualTo(dec(6, 3));
        assertThat(CastFunctions.commonSuperType(dec(38, 1), B)).isEqualTo(dec(38, 1));
        assertThat(CastFunctions.commonSuperType(dec(38, 10), B)).isEqualTo(dec(38, 10));
        assertThat(CastFunctions.commonSuperType(dec(30, 10), dec(30, 1))).isEqualTo(dec(38, 9));
        assertThat(CastFunctions.commonSuperType(LogicalType.NULL, V)).isEqualTo(V);
        assertThat(CastFunctions.commonSuperType(I, B)).isEqualTo(B);
        assertThat(CastFunctions.commonSuperType(V, I)).isNull();
        assertThat(CastFunctions.commonSuperType(LogicalType.INTERVAL, LogicalType.DATE)).isNull();
        assertThat(CastFunctions.comparisonType(V, I)).isEqualTo(I);
        assertThat(CastFunctions.comparisonType(LogicalType.DATE, V)).isEqualTo(LogicalType.DATE);
    }

    @Test
    void textFailuresAreConversionErrorsAndRangeFailuresOutOfRange() {
        assertThatThrownBy(() -> cast(lit("VARCHAR abc"), I, false))
                .isInstanceOf(MallardException.Data.class).hasMessage("Could not convert string 'abc' to INTEGER")
                .extracting(e -> ((MallardException) e).sqlState()).isEqualTo("22018");
        assertThatThrownBy(() -> cast(lit("BIGINT 3000000000"), I, false))
                .hasMessage("Type BIGINT with value 3000000000 can't be cast because the value is out of range for the destination type INTEGER")
                .extracting(e -> ((MallardException) e).sqlState()).isEqualTo("22003");
        assertThatThrownBy(() -> cast(lit("DECIMAL(5,1) 1000.0"), dec(4, 1), false)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> cast(lit("DATE 2020-01-01"), I, false)).isInstanceOf(MallardException.Binder.class);
    }

    @Test
    void tryCastGivesNull() {
        assertThat(cast(lit("VARCHAR abc"), I, true)).isNull();
        assertThat(cast(lit("INTEGER 300"), LogicalType.TINYINT, true)).isNull();
        assertThat(cast(lit("VARCHAR 2020-02-30"), LogicalType.DATE, true)).isNull();
        assertThat(cast(lit("VARCHAR 12"), I, true)).isEqualTo(12);
    }

    @Test
    void roundingFollowsDuckDb() {
        assertThat(cast(lit("DOUBLE 2.5"), I, false)).isEqualTo(2);
        assertThat(cast(lit("DOUBLE 3.5"), I, false)).isEqualTo(4);
        assertThat(cast(lit("DECIMAL(2,1) 2.5"), I, false)).isEqualTo(3);
        assertThat(cast(lit("DECIMAL(2,1) -2.5"), I, false)).isEqualTo(-3);
        assertThat(cast(lit("VARCHAR 2.5"), I, false)).isEqualTo(3);
        assertThat(cast(lit("DOUBLE 0.15"), dec(3, 1), false)).isEqualTo(2L);
        assertThat(cast(lit("DECIMAL(4,3) 1.005"), dec(4, 2), false)).isEqualTo(101L);
    }

    @Test
    void everyTypeRoundTripsThroughText() {
        String[] literals = {"BOOLEAN true", "TINYINT -128", "SMALLINT 32767", "INTEGER -2147483648", "BIGINT 9223372036854775807",
                "REAL 3.14159", "DOUBLE 0.1", "DOUBLE -1e+300", "DECIMAL(10,2) -12.34", "DECIMAL(38,10) 1234567890123456789012345678.0123456789",
                "VARCHAR héllo", "DATE 2020-02-29", "DATE 0044-03-15 (BC)", "TIMESTAMP 1969-12-31 23:59:59.999999",
                "INTERVAL 1 year 2 months 3 days 04:05:06.789", "INTERVAL -1 day 02:00:00"};
        for (String l : literals) {
            Values.Typed v = lit(l);
            Object text = cast(v, V, false);
            assertThat(cast(new Values.Typed(V, text), v.type(), false)).as(l).isEqualTo(v.value());
        }
    }

    @Test
    void kernelsHonourSelectionAndNulls() {
        Vector in = new Vector(V, 8);
        for (int i = 0; i < 8; i++) in.setObject(i, Integer.toString(i * 10));
        in.setNull(3);
        in.setObject(5, "not a number");
        Vector out = new Vector(I, 8);
        for (int i = 0; i < 8; i++) out.setObject(i, -1);
        CastFunctions.kernel(V, I, true).execute(new Vector[] {in}, new int[] {1, 3, 5, 6}, 4, out);
        assertThat(out.getObject(1)).isEqualTo(10);
        assertThat(out.isNull(3)).isTrue();
        assertThat(out.isNull(5)).isTrue();
        assertThat(out.getObject(6)).isEqualTo(60);
        // Positions outside the selection are left alone.
        assertThat(out.getObject(0)).isEqualTo(-1);
        assertThat(out.getObject(2)).isEqualTo(-1);
        assertThat(out.getObject(7)).isEqualTo(-1);
    }

    @Test
    void nullTypeCastsToAnything() {
        Vector in = new Vector(LogicalType.NULL, 4);
        Vector out = new Vector(LogicalType.INTERVAL, 4);
        out.setObject(0, new Interval(0, 1, 0));
        CastFunctions.kernel(LogicalType.NULL, LogicalType.INTERVAL, false).execute(new Vector[] {in}, null, 2, out);
        assertThat(out.isNull(0)).isTrue();
        assertThat(out.isNull(1)).isTrue();
    }

    @Test
    void canCastTellsWhichCastsExist() {
        assertThat(CastFunctions.canCast(V, LogicalType.INTERVAL)).isTrue();
        assertThat(CastFunctions.canCast(LogicalType.BOOLEAN, dec(5, 2))).isTrue();
        assertThat(CastFunctions.canCast(LogicalType.DATE, I)).isFalse();
        assertThat(CastFunctions.canCast(LogicalType.INTERVAL, LogicalType.DATE)).isFalse();
    }
}
