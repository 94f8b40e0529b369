package dev.mallard.storage.file;

/**
 * The root of a database file's contents at one checkpoint. Two header slots alternate: a
 * checkpoint writes its blocks, then the next iteration's header into the other slot, so a crash
 * at any moment leaves at least one complete header and the state it describes.
 *
 * @param iteration     counts checkpoints; the valid slot with the highest count wins at open
 * @param metaBlock     the first block of the catalog and table metadata, or -1 when empty
 * @param blockCount    blocks in use up to here (the file may be longer after a failed checkpoint)
 * @param freeListBlock the first block listing free blocks, or -1
 */
public record DatabaseHeader(long iteration, long metaBlock, long blockCount, long freeListBlock) {
    static final DatabaseHeader EMPTY = new DatabaseHeader(0, -1, 0, -1);
}
