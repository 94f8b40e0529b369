package dev.mallard.io;

import dev.mallard.MallardException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * A file COPY writes: its path and how its bytes are compressed (gzip by option or by a
 * {@code .gz} name). Text formats write through {@link #open()}; Parquet compresses its pages
 * itself and writes the file plain.
 */
public record OutputFile(Path path, Compression compression) {
    public enum Compression { NONE, GZIP }

    /**
     * The compression a COPY option asks for ({@code none}, {@code gzip}, {@code auto}: from the
     * name); codecs that only Parquet pages use are the format's business and mean NONE here.
     */
    public static Compression textCompression(String option, Path path) {
        String o = option == null ? "auto" : option.toLowerCase(Locale.ROOT);
        return switch (o) {
            case "auto" -> path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? Compression.GZIP : Compression.NONE;
            case "gzip", "gz" -> Compression.GZIP;
            case "none", "uncompressed" -> Compression.NONE;
            default -> throw MallardException.Data.invalidArgument("compression '" + option + "' is not supported for text files;"
                    + " use gzip or none");
        };
    }

    /** Creates (or replaces) the file; its folder is created when missing. The caller closes the stream. */
    public OutputStream open() {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            OutputStream out = Files.newOutputStream(path);
            return compression == Compression.GZIP ? new GZIPOutputStream(out, 1 << 16) : new BufferedOutputStream(out, 1 << 16);
        } catch (IOException e) {
            throw MallardException.Storage.io("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** An I/O failure while writing this file, as a clear error. */
    public MallardException error(IOException e) {
        return MallardException.Storage.io("cannot write " + path + ": " + e.getMessage(), e);
    }
}
