package dev.mallard.storage.compress;

/** Little-endian ints in byte arrays, for tests that damage encoded segments on purpose. */
public final class PayloadWriterAccess {
    private PayloadWriterAccess() {}

    public static int intAt(byte[] a, int at) {
        return (int) PayloadWriter.INT.get(a, at);
    }

    public static void setIntAt(byte[] a, int at, int v) {
        PayloadWriter.INT.set(a, at, v);
    }
}
