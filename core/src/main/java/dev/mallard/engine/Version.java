package dev.mallard.engine;

/** Mallard's version, as DatabaseMetaData and PRAGMA version report it. */
public final class Version {
    public static final String VERSION = "0.1.0";
    public static final int MAJOR = 0;
    public static final int MINOR = 1;

    private Version() {}
}
