package dev.mallard.storage.file;

/** Where a checkpoint puts segment bytes, and learns which earlier segments it keeps. */
public interface SegmentSink {
    /** Stores a segment's bytes; returns where they went. */
    SegmentPointer write(byte[] bytes);

    /**
     * Keeps an unchanged segment where it is. Returns false when the pointer is not part of the
     * checkpoint in force (so its blocks may be reused): the segment must then be written anew.
     */
    boolean keep(SegmentPointer pointer);
}
