package dev.mallard.storage.compress;

/** Strings read by {@link StringCodec}: the form they were stored in, for the caller to keep or expand. */
public sealed interface DecodedStrings {
    /** Distinct values and a decoder of one code per row (checked to be below {@code values.length} when narrowed). */
    record Dictionary(String[] values, IntegerDecoder codes) implements DecodedStrings {}

    /** Every row's value as UTF-8. */
    record Direct(Utf8Strings values) implements DecodedStrings {}
}
