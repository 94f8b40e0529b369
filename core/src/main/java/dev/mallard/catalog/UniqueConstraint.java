package dev.mallard.catalog;

import java.util.List;

/** A PRIMARY KEY or UNIQUE constraint over column indexes of its table. */
public record UniqueConstraint(List<Integer> columns, boolean primaryKey) {}
