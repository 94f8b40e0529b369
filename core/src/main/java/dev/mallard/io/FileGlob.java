package dev.mallard.io;

import dev.mallard.MallardException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Turns the file names a query gives into the files it reads: a plain path, a glob ({@code *},
 * {@code ?}, {@code [abc]}, {@code **} across folders), a zip archive holding one file, or a
 * member named inside an archive ({@code stops.zip/2019/stops.csv}). Matches come sorted by path,
 * so a scan reads files in a stable order.
 */
public final class FileGlob {
    private FileGlob() {}

    /** The files {@code patterns} name, in order; an error when one names nothing. */
    public static List<FileInput> expand(List<String> patterns) {
        List<FileInput> out = new ArrayList<>();
        for (String p : patterns) out.addAll(expand(p));
        return out;
    }

    public static List<FileInput> expand(String pattern) {
        if (pattern.isBlank()) throw MallardException.Data.invalidArgument("a file name must not be empty");
        int zip = zipEnd(pattern);
        if (zip > 0 && zip < pattern.length()) return List.of(member(pattern, pattern.substring(0, zip), pattern.substring(zip + 1)));
        if (!isGlob(pattern)) return List.of(single(pattern));
        List<FileInput> out = new ArrayList<>();
        for (Path p : glob(pattern)) out.add(plain(p.toString(), p));
        if (out.isEmpty()) throw new MallardException.Catalog("58P01", "no files match \"" + pattern + "\"");
        return out;
    }

    public static boolean isGlob(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
    }

    /** Index just past ".zip" when the name has an archive in it, else -1. */
    private static int zipEnd(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int at = lower.indexOf(".zip/");
        if (at >= 0) return at + 4;
        return lower.endsWith(".zip") ? name.length() : -1;
    }

    private static FileInput single(String name) {
        Path path = Path.of(name);
        if (!Files.isRegularFile(path)) {
            throw new MallardException.Catalog("58P01", "file " + name + " does not exist"
                    + (Files.isDirectory(path) ? " (it is a folder; name its files, e.g. '" + name.replaceAll("/+$", "") + "/*.csv')" : ""));
        }
        if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) return onlyMember(name, path);
        return plain(name, path);
    }

    private static FileInput plain(String name, Path path) {
        return new FileInput(name, path, null, FileInput.compressionOf(name));
    }

    /** A zip named without a member: read its one file. */
    private static FileInput onlyMember(String name, Path path) {
        List<String> members = new ArrayList<>();
        try (ZipFile z = new ZipFile(path.toFile())) {
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String m = entry.getName();
                // macOS archives carry resource forks beside the real files
                if (!entry.isDirectory() && !m.startsWith("__MACOSX/") && !m.contains("/._")) members.add(m);
            }
        } catch (IOException e) {
            throw MallardException.Storage.io("cannot read zip archive " + name + ": " + e.getMessage(), e);
        }
        if (members.size() == 1) return new FileInput(name, path, members.get(0), FileInput.Compression.ZIP);
        if (members.isEmpty()) throw MallardException.Data.invalidArgument("zip archive " + name + " holds no files");
        Collections.sort(members);
        throw MallardException.Data.invalidArgument("zip archive " + name + " holds " + members.size() + " files ("
                + String.join(", ", members.subList(0, Math.min(5, members.size()))) + (members.size() > 5 ? ", ..." : "")
                + "); name the one to read, as '" + name + "/" + members.get(0) + "'");
    }

    private static FileInput member(String name, String archive, String member) {
        Path path = Path.of(archive);
        if (!Files.isRegularFile(path)) throw new MallardException.Catalog("58P01", "zip archive " + archive + " does not exist");
        try (ZipFile z = new ZipFile(path.toFile())) {
            if (z.getEntry(member) == null) {
                throw new MallardException.Catalog("58P01", "zip archive " + archive + " has no member \"" + member + "\"");
            }
        } catch (IOException e) {
            throw MallardException.Storage.io("cannot read zip archive " + archive + ": " + e.getMessage(), e);
        }
        return new FileInput(name, path, member, FileInput.Compression.ZIP);
    }

    /** Files matching a glob, walking from the deepest folder without wildcards. */
    private static List<Path> glob(String pattern) {
        String normalized = pattern.replace('\\', '/');
        String[] parts = normalized.split("/", -1);
        StringBuilder base = new StringBuilder();
        int first = 0;
        while (first < parts.length - 1 && !isGlob(parts[first])) {
            base.append(parts[first]).append('/');
            first++;
        }
        Path root = base.isEmpty() ? Path.of(".") : Path.of(base.toString());
        if (!Files.isDirectory(root)) return List.of();
        boolean recursive = normalized.contains("**");
        int depth = recursive ? Integer.MAX_VALUE : parts.length - first;
        String rest = String.join("/", java.util.Arrays.copyOfRange(parts, first, parts.length));
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        // "a/**/b" also matches "a/b": the JDK's ** needs at least one folder between
        PathMatcher direct = rest.startsWith("**/") ? FileSystems.getDefault().getPathMatcher("glob:" + rest.substring(3)) : null;
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, depth)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                Path rel = root.relativize(p);
                if (matcher.matches(rel) || direct != null && direct.matches(rel)) out.add(base.isEmpty() ? rel : p);
            });
        } catch (IOException e) {
            throw MallardException.Storage.io("cannot list the files of " + root + ": " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }
}
