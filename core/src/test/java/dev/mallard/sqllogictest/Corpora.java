package dev.mallard.sqllogictest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the script corpora the tests and the conformance report run. */
public final class Corpora {

    /** A resource every version of {@code net.hydromatic:sql-logic-test} carries. */
    private static final String SQLITE_PROBE = "test/select1.test";

    private Corpora() {}

    /**
     * SQLite's 622 scripts from the {@code net.hydromatic:sql-logic-test} jar, named by their path
     * under {@code test/} (for example {@code select1.test}, {@code index/in/10/slt_good_0.test}),
     * sorted by name.
     */
    public static List<ScriptSource> sqlite() {
        URL probe = Corpora.class.getClassLoader().getResource(SQLITE_PROBE);
        if (probe == null) {
            throw new IllegalStateException("SQLite's corpus (net.hydromatic:sql-logic-test) is not on the classpath");
        }
        try {
            URI uri = probe.toURI();
            Path root = pathOf(uri).getParent(); // .../test
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(p -> p.toString().endsWith(".test"))
                        .map(p -> {
                            String name = root.relativize(p).toString().replace('\\', '/');
                            String resource = "test/" + name;
                            return new ScriptSource(name, Dialect.SQLITE, null, p.toUri(),
                                    () -> readResource(resource));
                        })
                        .sorted((a, b) -> a.name().compareTo(b.name()))
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every {@code *.test} under {@code root}, in the DuckDB dialect, with {@code root/data} as data. */
    public static List<ScriptSource> directory(Path root) {
        Path data = root.resolve("data");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".test") && Files.isRegularFile(p))
                    .map(p -> new ScriptSource(root.relativize(p).toString().replace('\\', '/'), Dialect.DUCKDB,
                            data, p.toUri(), () -> Files.readString(p, StandardCharsets.UTF_8)))
                    .sorted((a, b) -> a.name().compareTo(b.name()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Mallard's own scripts: every {@code *.test} under the classpath directory {@code sql}
     * ({@code core/src/test/resources/sql}); {@code {DATA_DIR}} is {@code sql/data}.
     */
    public static List<ScriptSource> classpathDirectory(String directory) {
        URL url = Corpora.class.getClassLoader().getResource(directory);
        if (url == null) {
            return List.of();
        }
        try {
            return directory(pathOf(url.toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * DuckDB's public corpus, {@code shared/sqllogictest/duckdb} beside the repository: from the
     * system property {@code mallard.duckdb.corpus} if set, else the first ancestor of the working
     * directory that has {@code shared/sqllogictest/duckdb}.
     */
    public static Optional<Path> duckDbCorpusRoot() {
        String configured = System.getProperty("mallard.duckdb.corpus");
        if (configured != null && !configured.isBlank()) {
            Path p = Paths.get(configured).toAbsolutePath();
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("sqllogictest").resolve("duckdb");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String readResource(String resource) throws IOException {
        try (InputStream in = Corpora.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource not found: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A path for a file or jar URI, opening the jar's file system on first use. */
    private static synchronized Path pathOf(URI uri) throws IOException {
        if (!"jar".equals(uri.getScheme())) {
            return Paths.get(uri);
        }
        try {
            return Paths.get(uri);
        } catch (FileSystemNotFoundException e) {
            @SuppressWarnings("resource") // stays open: its paths are used for the whole run
            FileSystem fs = FileSystems.newFileSystem(uri, Map.of());
            return fs.provider().getPath(uri);
        }
    }
}
