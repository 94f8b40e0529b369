/**
 * Page codecs for Parquet written from their specifications in pure Java, with no native code,
 * no sun.misc.Unsafe and no dependencies: {@link dev.mallard.io.compress.Snappy} (the raw block
 * format) and {@link dev.mallard.io.compress.Zstd} (RFC 8878). Corrupt input fails with
 * {@link dev.mallard.MallardException.Storage} saying what is wrong.
 */
package dev.mallard.io.compress;
