package dev.mallard.function.scalar;

import dev.mallard.MallardException;
import dev.mallard.types.Values;
import dev.mallard.vector.Vector;
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

    /** printf('%d-%s', 5, 'a') through {@link String#format}, after mapping C-only conversions. */
    static String printf(String fmt, Vector[] args, int row) {
        Object[] values = new Object[args.length - 1];
        for (int k = 1; k < args.length; k++) {
            values[k - 1] = Values.toJava(args[k].type(), args[k].getObject(row));
        }
        String javaFmt = fmt.replace("%i", "%d").replace("%lld", "%d").replace("%ld", "%d").replace("%u", "%d");
        try {
            return String.format(Locale.ROOT, javaFmt, values);
        } catch (IllegalFormatException e) {
            throw MallardException.Data.invalidArgument("Invalid printf format \"" + fmt + "\": " + e.getMessage());
        }
    }
}
