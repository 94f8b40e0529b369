package dev.mallard.sql.tree;

public enum Quantifier {
    ANY, ALL
}
