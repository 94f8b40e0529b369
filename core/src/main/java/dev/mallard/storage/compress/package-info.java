/**
 * Lightweight compression of column segments on disk, in the manner of DuckDB's: each segment's
 * values are analysed when it is written and stored in whichever encoding is smallest for them.
 *
 * <ul>
 *   <li>Integers ({@link dev.mallard.storage.compress.IntegerCodec}): constant, frame-of-reference
 *       bit packing at any width 0..64 ({@link dev.mallard.storage.compress.BitPacking}), the same
 *       with a common factor taken out, deltas (sorted keys), or runs. Dictionary codes, string
 *       lengths, NULL positions, decimal digits and the parts of wide integers and intervals are
 *       integers too and take the same path.</li>
 *   <li>Strings ({@link dev.mallard.storage.compress.StringCodec}): a dictionary of the distinct
 *       values with a code per row, or every value; either set of strings raw or compressed with
 *       FSST ({@link dev.mallard.storage.compress.FsstSymbolTable}), whichever is smaller.</li>
 *   <li>Doubles ({@link dev.mallard.storage.compress.DoubleCodec}): raw, or as decimal digits with
 *       the values that do not round-trip kept as exceptions.</li>
 *   <li>NULLs ({@link dev.mallard.storage.compress.NullMask}): nothing, a bitmap, or positions.</li>
 * </ul>
 *
 * Sizes are computed exactly (integers) or by encoding (FSST) before choosing; every encoding opens
 * with a tag, and an unknown tag, a value out of range or a payload cut short is reported as damage
 * ({@code MallardException.Storage.corrupted}), never decoded into other values. Decoders are
 * loops over primitive arrays that write the arrays segments keep in memory, a chunk at a time.
 * The classes work on arrays only; {@code storage.SegmentCodec} maps column segments onto them.
 */
package dev.mallard.storage.compress;
