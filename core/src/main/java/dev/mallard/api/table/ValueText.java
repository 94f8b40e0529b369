package dev.mallard.api.table;

/** Values as error messages show them: the value and its Java type. */
final class ValueText {
    private ValueText() {}

    static String describe(Object value) {
        if (value == null) return "NULL";
        String text = String.valueOf(value);
        if (text.length() > 60) text = text.substring(0, 57) + "...";
        String shown = value instanceof CharSequence ? "\"" + text + "\"" : text;
        return shown + " (" + value.getClass().getSimpleName() + ")";
    }
}
