package dev.mallard.io.csv;

import dev.mallard.types.LogicalType;
import java.util.List;

/**
 * What sniff_csv shows: the dialect, the columns and the formats found, and {@code prompt}, the
 * read_csv call that reads the file the same way without sniffing.
 *
 * @param delimiter       e.g. ",", "\t" (a real tab)
 * @param quote           "" when fields are not quoted
 * @param escape          "" when there is none
 * @param newLine         "\n", "\r\n" or "\r"
 * @param skipRows        lines skipped before the header or data
 * @param hasHeader       whether the first row names the columns
 * @param names           column names
 * @param types           column types
 * @param dateFormat      the format DATE columns are read with, or null when ISO / no such column
 * @param timestampFormat likewise for TIMESTAMP columns
 * @param prompt          e.g. {@code FROM read_csv('f.csv', auto_detect=false, delim=',', ...);}
 */
public record CsvSniffResult(String delimiter, String quote, String escape, String newLine, int skipRows, boolean hasHeader,
                             List<String> names, List<LogicalType> types, String dateFormat, String timestampFormat,
                             String prompt) {}
