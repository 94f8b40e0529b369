package dev.mallard.bench;

import java.time.LocalDate;

/**
 * A TPC-H lineitem row as a Java program would hold it: money and quantities as double, dates as
 * LocalDate, flags as String. Components are named as TPC-H's columns (not in camel case), as the
 * columns of a pandas frame would be, so the SQL reads the same on the list and on DuckDB's table.
 */
record Lineitem(long l_orderkey, long l_partkey, long l_suppkey, int l_linenumber, double l_quantity,
        double l_extendedprice, double l_discount, double l_tax, String l_returnflag, String l_linestatus,
        LocalDate l_shipdate, LocalDate l_commitdate, LocalDate l_receiptdate, String l_shipinstruct,
        String l_shipmode, String l_comment) {}
