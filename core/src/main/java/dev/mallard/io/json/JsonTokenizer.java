package dev.mallard.io.json;

import dev.mallard.MallardException;
import dev.mallard.io.FileInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming JSON parser over a file's (decompressed) bytes. It hands out one top-level value at
 * a time, so a file of any size is read in constant memory per record. Objects at the top level
 * become {@link JsonRecord}s; inside a record, scalars become Java values (see {@link JsonRecord})
 * and nested objects and arrays become {@link JsonNested} holding their compact JSON text,
 * because Mallard has no STRUCT or LIST type to put them in yet.
 *
 * <p>Line and column (1-based, columns in bytes) are tracked so malformed input fails with the
 * position a user can go to.
 */
final class JsonTokenizer implements AutoCloseable {
    /** Deeper nesting than this is refused: the nested-text writer recurses, and the stack is finite. */
    static final int MAX_NESTING = 1000;

    private final InputStream in;
    private final FileInput file;
    private final JsonLayout layout;
    private final byte[] buf = new byte[1 << 16];
    private int pos, limit;
    /** Bytes of the file before {@code buf[0]}. */
    private long consumed;
    private long line = 1;
    /** Absolute offset of the first byte of the current line. */
    private long lineStart;
    /** Where the last value returned by {@link #next()} started, and where its line starts. */
    private long valueLine = 1, valueOffset, valueLineStart;
    /**
     * Lines before the first byte read, for a piece of a file read from its middle: counted only
     * when a position is reported (an error or a rejected row), since counting means reading
     * everything before the piece.
     */
    private final java.util.function.LongSupplier linesBefore;
    private long lineBase = -1;
    /** Whether a top-level value is being parsed (newline-delimited records may not span lines). */
    private boolean inValue;
    /** Scratch for string and number bytes. */
    private byte[] scratch = new byte[256];
    private int scratchLen;

    private enum State { START, ARRAY, AFTER_ARRAY, VALUES, DONE }

    private State state = State.START;
    private boolean firstInArray;

    /** Returned by {@link #next()} at the end of the input. */
    static final Object END = new Object();

    JsonTokenizer(FileInput file, InputStream in, JsonLayout layout) {
        this(file, in, layout, 0, () -> 0);
    }

    /**
     * Reads from byte {@code start} of the file, where {@code in} begins; a piece of a
     * newline-delimited file starting past 0 begins one byte early and skips to the first line
     * that starts in it (the line cut by {@code start} belongs to the piece before).
     */
    JsonTokenizer(FileInput file, InputStream in, JsonLayout layout, long start, java.util.function.LongSupplier linesBefore) {
        this.file = file;
        this.in = in;
        this.layout = layout;
        this.consumed = start;
        this.lineStart = start;
        this.linesBefore = linesBefore;
        if (start > 0) {
            state = State.VALUES;
            recover();
        }
    }

    /** Line (1-based, in the whole file) where the last value returned by {@link #next()} started. */
    long valueLine() {
        return valueLine + lineBase();
    }

    /** Offset of the first byte of the line where the last value returned by {@link #next()} started. */
    long valueLineStart() {
        return valueLineStart;
    }

    private long lineBase() {
        if (lineBase < 0) lineBase = linesBefore.getAsLong();
        return lineBase;
    }

    long valueOffset() {
        return valueOffset;
    }

    /**
     * The next top-level value: a {@link JsonRecord} for an object, or a scalar / {@link JsonNested}
     * for anything else; {@link #END} when the input is exhausted.
     */
    Object next() {
        while (true) {
            switch (state) {
                case START -> {
                    int c = skipWhitespace();
                    if (c < 0) {
                        state = State.DONE;
                        return END;
                    }
                    if (c == '[' && layout != JsonLayout.NEWLINE_DELIMITED && layout != JsonLayout.UNSTRUCTURED) {
                        pos++;
                        state = State.ARRAY;
                        firstInArray = true;
                    } else if (layout == JsonLayout.ARRAY) {
                        throw malformed("'[' (format 'array' reads one JSON array of records)");
                    } else {
                        state = State.VALUES;
                    }
                }
                case ARRAY -> {
                    int c = skipWhitespace();
                    if (c == ']') {
                        pos++;
                        state = State.AFTER_ARRAY;
                        continue;
                    }
                    if (!firstInArray) {
                        if (c != ',') throw malformed("',' or ']' after an array element");
                        pos++;
                        c = skipWhitespace();
                    }
                    firstInArray = false;
                    return topValue(c);
                }
                case AFTER_ARRAY -> {
                    int c = skipWhitespace();
                    if (c < 0) {
                        state = State.DONE;
                        return END;
                    }
                    // Arrays back to back (files concatenated) are read one after the other.
                    if (c != '[') throw malformed("the end of the file after the top-level array");
                    pos++;
                    state = State.ARRAY;
                    firstInArray = true;
                }
                case VALUES -> {
                    int c = skipWhitespace();
                    if (c < 0) {
                        state = State.DONE;
                        return END;
                    }
                    return topValue(c);
                }
                case DONE -> {
                    return END;
                }
            }
        }
    }

    /**
     * After a malformed value of newline-delimited input, skips to the next line so the values
     * after it can still be read (ignore_errors). False when the input cannot be resynchronized
     * (inside a top-level array, where a line break says nothing).
     */
    boolean recover() {
        if (state != State.VALUES && state != State.START) return false;
        state = State.VALUES;
        inValue = false;
        while (true) {
            int c = peek();
            if (c < 0) return true;
            pos++;
            if (c == '\n') {
                newLine();
                return true;
            }
        }
    }

    private Object topValue(int c) {
        valueLine = line;
        valueOffset = consumed + pos;
        valueLineStart = lineStart;
        inValue = true;
        Object v = c == '{' ? record() : value(0);
        inValue = false;
        return v;
    }

    private JsonRecord record() {
        pos++; // '{'
        List<String> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        int c = skipWhitespace();
        if (c == '}') {
            pos++;
            return new JsonRecord(keys, values);
        }
        while (true) {
            if (c != '"') throw malformed("a string key or '}' in an object");
            keys.add(string());
            if (skipWhitespace() != ':') throw malformed("':' after an object key");
            pos++;
            skipWhitespace();
            values.add(value(1));
            c = skipWhitespace();
            if (c == '}') {
                pos++;
                return new JsonRecord(keys, values);
            }
            if (c != ',') throw malformed("',' or '}' after an object member");
            pos++;
            c = skipWhitespace();
        }
    }

    /** A value at {@code depth}: scalars as Java values, objects and arrays as their JSON text. */
    private Object value(int depth) {
        int c = peek();
        return switch (c) {
            case '"' -> string();
            case '{', '[' -> {
                StringBuilder sb = new StringBuilder();
                nested(sb, depth);
                yield new JsonNested(sb.toString());
            }
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || c >= '0' && c <= '9') yield number();
                throw malformed(c < 0 ? "a value before the end of the file" : "a value");
            }
        };
    }

    /** Writes the object or array at the cursor as compact JSON (no whitespace outside strings). */
    private void nested(StringBuilder sb, int depth) {
        if (depth >= MAX_NESTING) throw malformed("at most " + MAX_NESTING + " levels of nesting");
        int open = peek();
        int close = open == '{' ? '}' : ']';
        pos++;
        sb.append((char) open);
        int c = skipWhitespace();
        if (c == close) {
            pos++;
            sb.append((char) close);
            return;
        }
        while (true) {
            if (open == '{') {
                if (c != '"') throw malformed("a string key or '}' in an object");
                JsonText.appendQuoted(sb, string());
                if (skipWhitespace() != ':') throw malformed("':' after an object key");
                pos++;
                sb.append(':');
                c = skipWhitespace();
            }
            switch (c) {
                case '{', '[' -> nested(sb, depth + 1);
                case '"' -> JsonText.appendQuoted(sb, string());
                default -> {
                    Object v = value(depth + 1);
                    sb.append(v == null ? "null" : v instanceof JsonNumber n ? n.text() : v.toString());
                }
            }
            c = skipWhitespace();
            if (c == close) {
                pos++;
                sb.append((char) close);
                return;
            }
            if (c != ',') throw malformed(open == '{' ? "',' or '}' after an object member" : "',' or ']' after an array element");
            pos++;
            sb.append(',');
            c = skipWhitespace();
        }
    }

    private Object literal(String word, Object value) {
        for (int i = 0; i < word.length(); i++) {
            if (peek() != word.charAt(i)) throw malformed("'" + word + "'");
            pos++;
        }
        return value;
    }

    /**
     * A number. Integers that fit a long become Long (the common case, parsed without a String);
     * fractions, exponents and huge integers keep their text next to their double value, so a
     * DECIMAL column can read them exactly.
     */
    private Object number() {
        scratchLen = 0;
        boolean integral = true;
        int c = peek();
        if (c == '-') {
            put(c);
            pos++;
            c = peek();
        }
        if (c == '0') {
            put(c);
            pos++;
            c = peek();
        } else if (c >= '1' && c <= '9') {
            while (c >= '0' && c <= '9') {
                put(c);
                pos++;
                c = peek();
            }
        } else {
            throw malformed("a digit in a number");
        }
        if (c == '.') {
            integral = false;
            put(c);
            pos++;
            c = peek();
            if (c < '0' || c > '9') throw malformed("a digit after the decimal point");
            while (c >= '0' && c <= '9') {
                put(c);
                pos++;
                c = peek();
            }
        }
        if (c == 'e' || c == 'E') {
            integral = false;
            put(c);
            pos++;
            c = peek();
            if (c == '+' || c == '-') {
                put(c);
                pos++;
                c = peek();
            }
            if (c < '0' || c > '9') throw malformed("a digit in the exponent");
            while (c >= '0' && c <= '9') {
                put(c);
                pos++;
                c = peek();
            }
        }
        int digits = scratch[0] == '-' ? scratchLen - 1 : scratchLen;
        if (integral && digits <= 18) {
            long v = 0;
            for (int i = scratch[0] == '-' ? 1 : 0; i < scratchLen; i++) v = v * 10 + (scratch[i] - '0');
            return scratch[0] == '-' ? -v : v;
        }
        String text = new String(scratch, 0, scratchLen, StandardCharsets.US_ASCII);
        if (integral) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException tooBig) {
                // falls through: kept as text and double
            }
        }
        return new JsonNumber(text, Double.parseDouble(text), integral);
    }

    /** A string at the cursor ('"' not yet consumed), unescaped. */
    private String string() {
        pos++; // '"'
        scratchLen = 0;
        // Fast path: most strings end in the buffer without escapes, and decode straight from it.
        int high = 0; // negative when a byte >= 0x80 was seen: only then is UTF-8 checked
        for (int i = pos; i < limit; i++) {
            int c = buf[i];
            high |= c;
            if (c == '"') {
                if (high < 0) {
                    int bad = invalidUtf8(buf, pos, i);
                    if (bad >= 0) throw invalidUnicode(consumed + bad - lineStart + 1);
                }
                String fast = new String(buf, pos, i - pos, StandardCharsets.UTF_8);
                pos = i + 1;
                return fast;
            }
            if (c == '\\' || c >= 0 && c < 0x20) break;
        }
        StringBuilder sb = null; // only when there are escapes
        while (true) {
            if (pos >= limit && !fill()) throw malformed("'\"' to close a string before the end of the file");
            int c = buf[pos++] & 0xff;
            if (c == '"') break;
            if (c == '\\') {
                if (sb == null) sb = new StringBuilder();
                flushScratch(sb);
                escape(sb);
            } else if (c < 0x20) {
                pos--;
                throw malformed("'\"' to close a string (control characters must be escaped)");
            } else {
                put(c);
            }
        }
        if (sb == null) {
            if (invalidUtf8(scratch, 0, scratchLen) >= 0) throw invalidUnicode(consumed + pos - lineStart);
            return new String(scratch, 0, scratchLen, StandardCharsets.UTF_8);
        }
        flushScratch(sb);
        return sb.toString();
    }

    private void flushScratch(StringBuilder sb) {
        // The scratch ends at an escape or the closing quote, never inside a character, so it is checked alone.
        if (invalidUtf8(scratch, 0, scratchLen) >= 0) throw invalidUnicode(consumed + pos - lineStart);
        if (scratchLen > 0) {
            sb.append(new String(scratch, 0, scratchLen, StandardCharsets.UTF_8));
            scratchLen = 0;
        }
    }

    private void escape(StringBuilder sb) {
        int c = peek();
        pos++;
        switch (c) {
            case '"' -> sb.append('"');
            case '\\' -> sb.append('\\');
            case '/' -> sb.append('/');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            // A surrogate pair arrives as two escapes; appending both UTF-16 halves to the builder
            // rejoins them into the one code point (é is \u00e9, 😀 is \ud83d\ude00).
            case 'u' -> sb.append((char) hex4());
            default -> {
                pos--;
                throw malformed("an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)");
            }
        }
    }

    private int hex4() {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int c = peek();
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) throw malformed("four hex digits after \\u");
            pos++;
            v = v * 16 + d;
        }
        return v;
    }

    private void put(int b) {
        if (scratchLen == scratch.length) scratch = java.util.Arrays.copyOf(scratch, scratchLen * 2);
        scratch[scratchLen++] = (byte) b;
    }

    /** Skips whitespace (counting lines) and returns the next byte without consuming it, or -1. */
    private int skipWhitespace() {
        while (true) {
            if (pos >= limit && !fill()) return -1;
            int c = buf[pos] & 0xff;
            if (c == '\n') {
                if (inValue && layout == JsonLayout.NEWLINE_DELIMITED) {
                    throw malformed("the record to end on its line (format 'newline_delimited' reads one record per line; "
                            + "format 'unstructured' reads records across lines)");
                }
                pos++;
                newLine();
            } else if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == 0xEF && consumed + pos == 0) {
                skipByteOrderMark();
            } else {
                return c;
            }
        }
    }

    /** A UTF-8 byte order mark some editors write at the start of a file; not part of the JSON. */
    private void skipByteOrderMark() {
        if (limit - pos < 3) fill();
        if (limit - pos >= 3 && (buf[pos + 1] & 0xff) == 0xBB && (buf[pos + 2] & 0xff) == 0xBF) {
            pos += 3;
            lineStart = 3;
        } else {
            throw malformed("a JSON value");
        }
    }

    private void newLine() {
        line++;
        lineStart = consumed + pos;
    }

    private int peek() {
        if (pos >= limit && !fill()) return -1;
        return buf[pos] & 0xff;
    }

    private boolean fill() {
        consumed += limit;
        pos = 0;
        limit = 0;
        try {
            int n;
            do {
                n = in.read(buf, 0, buf.length);
            } while (n == 0);
            if (n < 0) return false;
            limit = n;
            return true;
        } catch (IOException e) {
            throw file.error("cannot read", e);
        }
    }

    /**
     * The index of the first byte in {@code b[from, to)} that does not belong to a well-formed
     * UTF-8 character (overlong forms, surrogates and values past U+10FFFF included), or -1.
     * Java would quietly decode such bytes as U+FFFD; the text would then differ from the file.
     */
    static int invalidUtf8(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n, min = 0x80, max = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                if (c == 0xE0) min = 0xA0;
                if (c == 0xED) max = 0x9F;
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                if (c == 0xF0) min = 0x90;
                if (c == 0xF4) max = 0x8F;
            } else {
                return i;
            }
            if (i + n >= to) return i; // cut short
            int second = b[i + 1] & 0xff;
            if (second < min || second > max) return i;
            for (int k = 2; k <= n; k++) {
                int cont = b[i + k] & 0xff;
                if (cont < 0x80 || cont > 0xBF) return i;
            }
            i += n + 1;
        }
        return -1;
    }

    private MallardException invalidUnicode(long column) {
        return MallardException.Data.invalidText("malformed JSON in " + file.name() + " at line " + (line + lineBase()) + ", column "
                + column + ": invalid UTF-8 in a string");
    }

    /** An error naming the file, the position, what was expected and what was found. */
    MallardException malformed(String expected) {
        int c = peek();
        long column = consumed + pos - lineStart + 1;
        String found = c < 0 ? "the end of the file" : c == '\n' || c == '\r' ? "the end of the line" : c >= 0x20 && c < 0x7f ? "'" + (char) c + "'" : String.format("byte 0x%02x", c);
        return MallardException.Data.invalidText("malformed JSON in " + file.name() + " at line " + (line + lineBase()) + ", column "
                + column
                + ": expected " + expected + ", found " + found);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw file.error("cannot close", e);
        }
    }
}
