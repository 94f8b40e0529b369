package dev.mallard.function.scalar;

import dev.mallard.MallardException;
import dev.mallard.types.TypeId;
import dev.mallard.types.Values;
import dev.mallard.vector.Vector;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.IllegalFormatException;
import java.util.Locale;

/** The two formatting functions: {@code format} with {@code {}} placeholders and C-style {@code printf}. */
final class Formats {
    private Formats() {}

    /**
     * format('{} is {}', a, b): each {@code {}} takes the next argument (already text), {@code {n}}
     * takes argument n (0-based), and {@code {{ }}} are literal braces.
     */
    static String format(String fmt, Vector[] args, int row) {
        StringBuilder sb = new StringBuilder();
        int next = 1;
        for (int k = 0; k < fmt.length(); k++) {
            char ch = fmt.charAt(k);
            if (ch == '{') {
                if (k + 1 < fmt.length() && fmt.charAt(k + 1) == '{') {
                    sb.append('{');
                    k++;
                    continue;
                }
                int close = fmt.indexOf('}', k);
                if (close < 0) throw MallardException.Data.invalidArgument("Invalid format string: unmatched '{' in \"" + fmt + "\"");
                String spec = fmt.substring(k + 1, close);
                int index;
                if (spec.isEmpty() || spec.startsWith(":")) {
                    index = next++;
                } else {
                    try {
                        index = Integer.parseInt(spec.split(":")[0].trim()) + 1;
                    } catch (NumberFormatException e) {
                        throw MallardException.Data.invalidArgument("Invalid format specifier {" + spec + "}");
                    }
                }
                if (index >= args.length) {
                    throw MallardException.Data.invalidArgument("Format string \"" + fmt + "\" needs more arguments than given");
                }
                sb.append(args[index].strings[row]);
                k = close;
            } else if (ch == '}' && k + 1 < fmt.length() && fmt.charAt(k + 1) == '}') {
                sb.append('}');
                k++;
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /**
     * printf('%d-%s', 5, 'a'): C's format syntax — flags {@code -+ #0}, a width and precision
     * (numbers or {@code *}), length modifiers (hh, h, l, ll: accepted and ignored) and the
     * conversions d i u x X o b c (integers and booleans), e E f F g G a A (numbers), s (text) and
     * %%. Arguments must suit their conversion, as in DuckDB ({@code printf('%s', 42)} is an error);
     * surplus arguments are ignored.
     */
    static String printf(String fmt, Vector[] args, int row) {
        StringBuilder out = new StringBuilder();
        int next = 1;
        int k = 0;
        while (k < fmt.length()) {
            char ch = fmt.charAt(k++);
            if (ch != '%') {
                out.append(ch);
                continue;
            }
            if (k < fmt.length() && fmt.charAt(k) == '%') {
                out.append('%');
                k++;
                continue;
            }
            StringBuilder spec = new StringBuilder("%");
            while (k < fmt.length() && "-+ #0".indexOf(fmt.charAt(k)) >= 0) spec.append(fmt.charAt(k++));
            if (k < fmt.length() && fmt.charAt(k) == '*') {
                k++;
                spec.append(integerArgument(fmt, args, next++, row));
            } else {
                while (k < fmt.length() && Character.isDigit(fmt.charAt(k))) spec.append(fmt.charAt(k++));
            }
            if (k < fmt.length() && fmt.charAt(k) == '.') {
                spec.append(fmt.charAt(k++));
                if (k < fmt.length() && fmt.charAt(k) == '*') {
                    k++;
                    spec.append(integerArgument(fmt, args, next++, row));
                } else {
                    while (k < fmt.length() && Character.isDigit(fmt.charAt(k))) spec.append(fmt.charAt(k++));
                }
            }
            while (k < fmt.length() && "hlLqjzt".indexOf(fmt.charAt(k)) >= 0) k++;
            if (k >= fmt.length()) throw badPrintf(fmt, "the format ends inside a conversion");
            char conversion = fmt.charAt(k++);
            Vector arg = argument(fmt, args, next++);
            out.append(convert(fmt, spec.toString(), conversion, arg, row));
        }
        return out.toString();
    }

    private static Vector argument(String fmt, Vector[] args, int index) {
        if (index >= args.length) throw badPrintf(fmt, "not enough arguments");
        return args[index];
    }

    private static long integerArgument(String fmt, Vector[] args, int index, int row) {
        Object v = integral(fmt, argument(fmt, args, index), row);
        return ((Number) v).longValue();
    }

    /** The argument as a Long or BigInteger for integer conversions. */
    private static Object integral(String fmt, Vector arg, int row) {
        Object physical = arg.getObject(row);
        return switch (arg.type().id()) {
            case BOOLEAN -> (Boolean) physical ? 1L : 0L;
            case TINYINT, SMALLINT, INTEGER, BIGINT -> ((Number) physical).longValue();
            case DECIMAL -> {
                BigDecimal d = (BigDecimal) Values.toJava(arg.type(), physical);
                if (d.stripTrailingZeros().scale() > 0) throw badPrintf(fmt, "an integer conversion got " + d);
                yield d.toBigIntegerExact();
            }
            default -> throw badPrintf(fmt, "an integer conversion got a " + arg.type() + " argument");
        };
    }

    private static String convert(String fmt, String spec, char conversion, Vector arg, int row) {
        try {
            switch (conversion) {
                case 'd', 'i', 'u' -> {
                    return String.format(Locale.ROOT, spec + "d", integral(fmt, arg, row));
                }
                case 'x', 'X', 'o' -> {
                    Object v = integral(fmt, arg, row);
                    if (v instanceof BigInteger b && b.signum() < 0) v = b.add(BigInteger.ONE.shiftLeft(128));
                    return String.format(Locale.ROOT, spec + conversion, v);
                }
                case 'b' -> {
                    Object v = integral(fmt, arg, row);
                    String bits = v instanceof Long l ? Long.toBinaryString(l)
                            : ((BigInteger) v).signum() < 0
                                    ? ((BigInteger) v).add(BigInteger.ONE.shiftLeft(128)).toString(2)
                                    : ((BigInteger) v).toString(2);
                    return String.format(Locale.ROOT, spec.replace("#", "") + "s", bits);
                }
                case 'c' -> {
                    return String.format(Locale.ROOT, spec + "s", Character.toString((int) ((Number) integral(fmt, arg, row)).longValue()));
                }
                case 'e', 'E', 'f', 'F', 'g', 'G', 'a', 'A' -> {
                    Object v = switch (arg.type().id()) {
                        case REAL, DOUBLE -> arg.doubles[row];
                        case DECIMAL -> Values.toJava(arg.type(), arg.getObject(row));
                        case TINYINT, SMALLINT, INTEGER, BIGINT -> ((Number) arg.getObject(row)).doubleValue();
                        default -> throw badPrintf(fmt, "a floating-point conversion got a " + arg.type() + " argument");
                    };
                    char c = conversion == 'F' ? 'f' : conversion;
                    if ((c == 'a' || c == 'A') && v instanceof BigDecimal d) v = d.doubleValue();
                    return String.format(Locale.ROOT, spec + c, v);
                }
                case 's' -> {
                    if (arg.type().id() != TypeId.VARCHAR) {
                        throw badPrintf(fmt, "%s got a " + arg.type() + " argument");
                    }
                    return String.format(Locale.ROOT, spec + "s", arg.strings[row]);
                }
                default -> throw badPrintf(fmt, "unknown conversion %" + conversion);
            }
        } catch (IllegalFormatException e) {
            throw badPrintf(fmt, e.getMessage());
        }
    }

    private static MallardException badPrintf(String fmt, String why) {
        return MallardException.Data.invalidArgument("Invalid printf format \"" + fmt + "\": " + why);
    }
}
