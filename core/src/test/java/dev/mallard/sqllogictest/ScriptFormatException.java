package dev.mallard.sqllogictest;

/** A script that does not follow the sqllogictest format; the message names file and line. */
public final class ScriptFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScriptFormatException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
    }
}
