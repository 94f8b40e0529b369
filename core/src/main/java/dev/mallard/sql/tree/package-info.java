/**
 * The SQL syntax tree: immutable records behind sealed interfaces, produced by
 * {@code dev.mallard.sql.parser.SqlParser} and consumed by the binder. Nothing here knows the
 * catalog or types; names are as written and resolved later.
 *
 * <h2>Shape</h2>
 * <pre>
 * Statement (sealed)
 *   Query ─ with: With? ─ body: QueryBody ─ orderBy: OrderBy? ─ limit: Expression? ─ offset: Expression?
 *   Insert, Update, Delete, Truncate
 *   CreateTable, CreateView, CreateSchema, CreateIndex, Drop, AlterTable(action: AlterTableAction)
 *   Explain, Describe, ShowTables, Summarize, SetVariable, ResetVariable, Pragma,
 *   TransactionStatement, Checkpoint, Copy, Call
 *
 * QueryBody (sealed): Select | SetOperation(left, right: QueryBody) | Values | Query (parenthesized, with modifiers)
 *
 * Select ─ distinct/distinctOn ─ items: SelectItem* ─ from: Relation? ─ where ─ groupBy: GroupBy?
 *        ─ having ─ windows: WindowDefinition* ─ qualify
 * SelectItem (sealed): SelectExpression(expr, alias?) | SelectStar(qualifier?, exclude, replace)
 * GroupBy (sealed):    GroupByExpressions | GroupByAll | GroupingSets (ROLLUP/CUBE expanded)
 * OrderBy (sealed):    OrderByItems(SortItem*) | OrderByAll
 *
 * Relation (sealed): TableRef | SubqueryRelation | TableFunction | FileRelation | Join
 *   (comma lists are CROSS Joins, left-deep; each non-join relation has an optional Alias)
 *
 * Expression (sealed):
 *   literals     IntegerLiteral, DecimalLiteral, DoubleLiteral (all as text), StringLiteral,
 *                BooleanLiteral, NullLiteral, TypedLiteral (DATE '...'), IntervalExpression
 *   references   ColumnRef (1-4 part QualifiedName), Parameter (1-based index)
 *   operators    Logical (flattened AND/OR), Not, Comparison (incl. IS [NOT] DISTINCT FROM),
 *                BinaryOperation (arithmetic, ||, bitwise), UnaryOperation, IsNull, IsBoolean,
 *                Between, Like (LIKE/ILIKE/SIMILAR TO/GLOB), InList, Subscript, RowConstructor
 *   calls        FunctionCall (aggregates, windows via WindowSpec; SUBSTRING/POSITION/TRIM/OVERLAY
 *                are desugared to plain calls), Cast (CAST, TRY_CAST, ::), CaseExpression, Extract
 *   subqueries   Exists, ScalarSubquery, InSubquery, QuantifiedComparison (op ANY/ALL)
 *   other        DefaultExpression (the DEFAULT keyword as a value)
 * </pre>
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Every node has a {@link dev.mallard.sql.tree.Position} (offset, 1-based line and column);
 *       {@link dev.mallard.sql.tree.Position#excerpt(String)} renders the "line/column + source
 *       line + caret" text used in errors. Most nodes start at their first token; operator nodes
 *       (Comparison, BinaryOperation, Logical, Like, Between, InList, InSubquery, IsNull,
 *       IsBoolean, QuantifiedComparison, Subscript and {@code ::} casts) carry the position of the
 *       operator token, which is where a type error should point (as in PostgreSQL). Joins carry
 *       the position of the JOIN keyword (or comma); set operations of UNION/INTERSECT/EXCEPT.</li>
 *   <li>Optional single children are {@code null} when absent (documented per record); lists are
 *       never null, only empty, and are unmodifiable copies.</li>
 *   <li>Identifiers keep their spelling and a {@code quoted} flag; comparisons are
 *       case-insensitive (DuckDB semantics).</li>
 *   <li>Numbers stay text so the binder picks INTEGER/BIGINT/HUGEINT/DECIMAL/DOUBLE.</li>
 *   <li>Types are generic {@link dev.mallard.sql.tree.TypeName}s (upper-case name + integer
 *       parameters); the binder maps them.</li>
 * </ul>
 */
package dev.mallard.sql.tree;
