package dev.mallard.sql.parser;

/** Token kinds. Keywords are not a kind of their own: they are unquoted words (see {@link Token#keyword()}). */
enum TokenType {
    /** An unquoted word: identifier or keyword. */
    WORD,
    /** A {@code "double quoted"} identifier; never a keyword. */
    QUOTED_IDENTIFIER,
    /** A {@code 'string'} or {@code E'string'} constant; {@link Token#value()} has escapes resolved. */
    STRING,
    /** Digits only. */
    INTEGER,
    /** Digits with a decimal point, no exponent. */
    DECIMAL,
    /** A number with an exponent. */
    DOUBLE,
    /** {@code ?} (value null) or {@code $n} (value "n"). */
    PARAMETER,
    /** Punctuation and operators; {@link Token#text()} is the symbol. */
    SYMBOL,
    /** End of input; always the last token. */
    EOF
}
