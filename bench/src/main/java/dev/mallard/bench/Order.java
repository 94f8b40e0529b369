package dev.mallard.bench;

import java.time.LocalDate;

/** A TPC-H orders row as Java data, typed and named as {@link Lineitem} is. */
record Order(long o_orderkey, long o_custkey, String o_orderstatus, double o_totalprice, LocalDate o_orderdate,
        String o_orderpriority, String o_clerk, int o_shippriority, String o_comment) {}
