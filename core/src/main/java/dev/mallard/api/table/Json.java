package dev.mallard.api.table;

import dev.mallard.MallardException;
import dev.mallard.io.json.JsonText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON for the lazy API: rows given as JSON object text are read into ordered maps, and map or list
 * values are written as JSON text. Small and strict on purpose (RFC 8259; a duplicate key is an
 * error, as it would silently drop a value otherwise); the engine's streaming reader serves files.
 */
final class Json {
    private Json() {}

    /** {@code text} as an ordered map; anything but one JSON object is an error naming the place. */
    static Map<String, Object> readObject(String text) {
        Reader r = new Reader(text);
        r.space();
        if (r.peek() != '{') throw r.error("a row given as text must be a JSON object ({...})");
        Map<String, Object> row = r.object();
        r.space();
        if (r.pos < text.length()) throw r.error("unexpected text after the JSON object");
        return row;
    }

    /** A map, list, array or plain value as JSON text (dates and times as ISO-8601 strings). */
    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object value) {
        switch (value) {
            case null -> sb.append("null");
            case Boolean b -> sb.append(b);
            case Double d when d.isNaN() || d.isInfinite() -> sb.append("null");
            case Float f when f.isNaN() || f.isInfinite() -> sb.append("null");
            case BigDecimal d -> sb.append(d.toPlainString());
            case Number n -> sb.append(n);
            case Map<?, ?> m -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) sb.append(',');
                    first = false;
                    JsonText.appendQuoted(sb, String.valueOf(e.getKey()));
                    sb.append(':');
                    write(sb, e.getValue());
                }
                sb.append('}');
            }
            case Collection<?> c -> writeAll(sb, c);
            case Object[] a -> writeAll(sb, List.of(a));
            default -> JsonText.appendQuoted(sb, value.toString());
        }
    }

    private static void writeAll(StringBuilder sb, Collection<?> values) {
        sb.append('[');
        boolean first = true;
        for (Object v : values) {
            if (!first) sb.append(',');
            first = false;
            write(sb, v);
        }
        sb.append(']');
    }

    /** A recursive-descent reader over one string. */
    private static final class Reader {
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        void space() {
            while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) pos++;
        }

        void expect(char c) {
            space();
            if (peek() != c) throw error("expected '" + c + "'");
            pos++;
        }

        Map<String, Object> object() {
            expect('{');
            Map<String, Object> map = new LinkedHashMap<>();
            space();
            if (peek() == '}') {
                pos++;
                return map;
            }
            while (true) {
                space();
                if (peek() != '"') throw error("expected a quoted key");
                String key = string();
                expect(':');
                if (map.containsKey(key)) throw error("the key \"" + key + "\" appears twice");
                map.put(key, value());
                space();
                if (peek() == ',') {
                    pos++;
                } else if (peek() == '}') {
                    pos++;
                    return map;
                } else {
                    throw error("expected ',' or '}'");
                }
            }
        }

        List<Object> array() {
            expect('[');
            List<Object> list = new ArrayList<>();
            space();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                list.add(value());
                space();
                if (peek() == ',') {
                    pos++;
                } else if (peek() == ']') {
                    pos++;
                    return list;
                } else {
                    throw error("expected ',' or ']'");
                }
            }
        }

        Object value() {
            space();
            char c = peek();
            if (c == '{') return object();
            if (c == '[') return array();
            if (c == '"') return string();
            if (s.startsWith("true", pos)) return literal("true", Boolean.TRUE);
            if (s.startsWith("false", pos)) return literal("false", Boolean.FALSE);
            if (s.startsWith("null", pos)) return literal("null", null);
            if (c == '-' || (c >= '0' && c <= '9')) return number();
            throw error("expected a JSON value");
        }

        private Object literal(String word, Object value) {
            pos += word.length();
            return value;
        }

        /** Integers as Long (BigInteger past 64 bits), other numbers as BigDecimal so no digit is lost. */
        private Object number() {
            int start = pos;
            if (peek() == '-') pos++;
            boolean integral = true;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c >= '0' && c <= '9') {
                    pos++;
                } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || (c == '-' && pos > start)) {
                    integral = false;
                    pos++;
                } else {
                    break;
                }
            }
            String text = s.substring(start, pos);
            try {
                if (integral) {
                    BigInteger b = new BigInteger(text);
                    return b.bitLength() < 64 ? (Object) b.longValue() : b;
                }
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                pos = start;
                throw error("invalid number " + text);
            }
        }

        private String string() {
            pos++; // the opening quote
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos >= s.length()) throw error("unterminated string");
                char c = s.charAt(pos++);
                if (c == '"') return sb.toString();
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                if (pos >= s.length()) throw error("unterminated string");
                char e = s.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (pos + 4 > s.length()) throw error("incomplete \\u escape");
                        try {
                            sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException x) {
                            throw error("invalid \\u escape");
                        }
                        pos += 4;
                    }
                    default -> throw error("invalid escape \\" + e);
                }
            }
        }

        MallardException error(String what) {
            return MallardException.Data.invalidText("invalid JSON row at character " + (pos + 1) + ": " + what);
        }
    }
}
