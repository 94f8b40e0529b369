package dev.mallard.storage.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How storage opens files. Everything the database writes goes through one of these, so tests can
 * substitute a layer that fails (an I/O error, a full disk) at a chosen moment and check that the
 * database stays consistent.
 */
public interface FileLayer {
    FileChannel open(Path path, boolean write, boolean create) throws IOException;

    /** The operating system's files. */
    FileLayer LOCAL = (path, write, create) -> create
            ? FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)
            : write ? FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)
            : FileChannel.open(path, StandardOpenOption.READ);
}
