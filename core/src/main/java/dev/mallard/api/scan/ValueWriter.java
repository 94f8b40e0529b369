package dev.mallard.api.scan;

import dev.mallard.MallardException;
import dev.mallard.types.DateTimes;
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import dev.mallard.vector.Vector;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Writes one non-null Java object into a vector slot, in the physical form of the vector's type.
 * Chosen once per column from the Java type (see {@link JavaTypeMapping}); values of primitive
 * columns never come here (their fillers write the arrays directly). A value of a class the
 * writer does not take fails with a {@link ClassCastException} that the caller turns into an
 * error naming the column and the row.
 */
enum ValueWriter {
    BOOLEAN {
        @Override
        void write(Vector out, int i, Object v) {
            out.bools[i] = (Boolean) v;
        }
    },
    /** Byte, Short, Integer into TINYINT / SMALLINT / INTEGER. */
    INT {
        @Override
        void write(Vector out, int i, Object v) {
            long l = exactInteger(v);
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) throw outOfRange(v, out.type());
            out.ints[i] = (int) l;
        }
    },
    /** Any integer class into BIGINT (a Map column may hold Integer in one row and Long in the next). */
    LONG {
        @Override
        void write(Vector out, int i, Object v) {
            out.longs[i] = exactInteger(v);
        }
    },
    /** Any Number into REAL or DOUBLE. */
    DOUBLE {
        @Override
        void write(Vector out, int i, Object v) {
            double d = ((Number) v).doubleValue();
            out.doubles[i] = out.type().id() == TypeId.REAL ? (float) d : d;
        }
    },
    STRING {
        @Override
        void write(Vector out, int i, Object v) {
            out.strings[i] = (String) v;
        }
    },
    /** Character, enum constants (by name) and UUIDs: as text. */
    TEXT {
        @Override
        void write(Vector out, int i, Object v) {
            out.strings[i] = v instanceof Enum<?> e ? e.name() : v.toString();
        }
    },
    DATE {
        @Override
        void write(Vector out, int i, Object v) {
            out.ints[i] = EpochDays.of((LocalDate) v);
        }
    },
    /** LocalDateTime as is; Instant as its UTC date and time. */
    TIMESTAMP {
        @Override
        void write(Vector out, int i, Object v) {
            long seconds;
            int nanos;
            if (v instanceof LocalDateTime l) {
                seconds = l.toEpochSecond(ZoneOffset.UTC);
                nanos = l.getNano();
            } else {
                Instant t = (Instant) v;
                seconds = t.getEpochSecond();
                nanos = t.getNano();
            }
            out.longs[i] = Math.addExact(Math.multiplyExact(seconds, DateTimes.MICROS_PER_SECOND), nanos / 1000);
        }
    },
    /** BigDecimal rounded half-up to the column's scale, as a cast to the column's type would. */
    DECIMAL {
        @Override
        void write(Vector out, int i, Object v) {
            LogicalType type = out.type();
            BigDecimal d = v instanceof BigDecimal b ? b : new BigDecimal(exactInteger(v));
            BigInteger unscaled = d.setScale(type.scale(), RoundingMode.HALF_UP).unscaledValue();
            if (unscaled.abs().compareTo(BigInteger.TEN.pow(type.precision())) >= 0) throw outOfRange(v, type);
            out.longs[i] = unscaled.longValue();
            if (out.highs != null) out.highs[i] = unscaled.shiftRight(64).longValue();
        }
    };

    abstract void write(Vector out, int i, Object v);

    /** The value of an integer class; a fraction or another class is not silently truncated. */
    private static long exactInteger(Object v) {
        return switch (v) {
            case Long l -> l;
            case Integer n -> n;
            case Short s -> s;
            case Byte b -> b;
            default -> throw new ClassCastException(v.getClass().getName() + " is not an integer class");
        };
    }

    private static MallardException outOfRange(Object v, LogicalType type) {
        return MallardException.Data.outOfRange("value " + v + " is out of the range of " + type);
    }
}
