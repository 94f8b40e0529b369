package dev.mallard.storage.file;

/** Reads the bytes of segments that stay in the database file until a query needs them. */
public interface SegmentSource {
    byte[] read(SegmentPointer pointer);

    /** Names the file, for error messages. */
    String name();
}
