package dev.mallard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One engine's database file in the benchmark's directory, together with the files the engine
 * keeps beside it under the same name ({@code tpch.db.wal}, {@code tpch.duckdb.wal}, ...): all of
 * them count towards the size on disk, since a reopen needs all of them.
 */
record DatabaseFiles(Path database) {

    /** The size on disk: the database file and whatever else bears its name (a WAL left behind). */
    record Size(long databaseBytes, long otherBytes) {
        long total() {
            return databaseBytes + otherBytes;
        }
    }

    static DatabaseFiles in(Path dir, Engine engine) throws IOException {
        Path engineDir = Files.createDirectories(dir.resolve(engine.name().toLowerCase(java.util.Locale.ROOT)));
        return new DatabaseFiles(engineDir.resolve("tpch" + engine.fileExtension));
    }

    /** Deletes the database and its companions, so the load starts from a fresh file. */
    void delete() throws IOException {
        for (Path p : all()) Files.delete(p);
    }

    Size size() throws IOException {
        long db = 0, other = 0;
        for (Path p : all()) {
            if (p.equals(database)) db = Files.size(p);
            else other += Files.size(p);
        }
        return new Size(db, other);
    }

    private List<Path> all() throws IOException {
        String name = database.getFileName().toString();
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(database.getParent())) {
            files.filter(p -> p.getFileName().toString().startsWith(name) && Files.isRegularFile(p)).forEach(out::add);
        }
        return out;
    }
}
