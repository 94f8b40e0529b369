package dev.mallard.storage.compress;

/** Test data of the compress package for tests elsewhere. */
public final class FsstTestSupport {
    private FsstTestSupport() {}

    /** Comment-like text: words of a small vocabulary, as TPC-H generates them. */
    public static String[] comments(int n, long seed) {
        return FsstTest.comments(n, seed);
    }
}
