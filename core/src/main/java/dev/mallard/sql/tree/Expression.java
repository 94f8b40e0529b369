package dev.mallard.sql.tree;

/** A scalar expression. */
public sealed interface Expression extends Node
        permits IntegerLiteral, DecimalLiteral, DoubleLiteral, StringLiteral, BooleanLiteral, NullLiteral,
                TypedLiteral, IntervalExpression, ColumnRef, Parameter, FunctionCall, Cast, CaseExpression,
                Exists, ScalarSubquery, InSubquery, InList, QuantifiedComparison, Extract,
                Logical, Not, Comparison, BinaryOperation, UnaryOperation, IsNull, IsBoolean,
                Between, Like, Subscript, RowConstructor, DefaultExpression, ListLiteral, StructLiteral {
}
