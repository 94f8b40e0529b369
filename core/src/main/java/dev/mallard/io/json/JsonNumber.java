package dev.mallard.io.json;

/**
 * A number that is not an integer fitting a long: a fraction, an exponent, or a huge integer.
 * The text is kept so a DECIMAL column reads it exactly; the double serves DOUBLE columns.
 *
 * @param integral true for a huge integer written without fraction or exponent
 */
record JsonNumber(String text, double value, boolean integral) {
    @Override
    public String toString() {
        return text;
    }
}
