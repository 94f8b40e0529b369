package dev.mallard.sql.tree;

import java.util.List;
import java.util.Locale;


/**
 * Turns a tree back into SQL text. Every operator expression is fully parenthesized
 * ({@code (a + (b * c))}), so the output shows exactly how the parser grouped things, and
 * re-parsing the output gives the same tree (modulo positions). Names are quoted only when needed.
 * Used by tests, EXPLAIN output and as the default name of unaliased select expressions.
 */
public final class SqlFormatter {
    private final StringBuilder out = new StringBuilder();

    private SqlFormatter() {
    }

    public static String format(Node node) {
        SqlFormatter f = new SqlFormatter();
        f.node(node);
        return f.out.toString();
    }

    private void node(Node node) {
        switch (node) {
            case Statement s -> statement(s);
            case QueryBody b -> body(b);
            case Expression e -> expression(e);
            case Relation r -> relation(r);
            case SelectItem i -> selectItem(i);
            case TypeName t -> out.append(t);
            case Identifier i -> name(i);
            case QualifiedName q -> name(q);
            default -> out.append(node);
        }
    }

    // ------------------------------------------------------------------ statements

    private void statement(Statement statement) {
        switch (statement) {
            case Query q -> query(q);
            case Insert s -> insert(s);
            case Update s -> {
                with(s.with());
                out.append("UPDATE ");
                name(s.table());
                if (s.alias() != null) {
                    out.append(" AS ");
                    name(s.alias());
                }
                out.append(" SET ");
                assignments(s.assignments());
                if (s.from() != null) {
                    out.append(" FROM ");
                    relation(s.from());
                }
                where(s.where());
                returning(s.returning());
            }
            case Delete s -> {
                with(s.with());
                out.append("DELETE FROM ");
                name(s.table());
                if (s.alias() != null) {
                    out.append(" AS ");
                    name(s.alias());
                }
                if (s.using() != null) {
                    out.append(" USING ");
                    relation(s.using());
                }
                where(s.where());
                returning(s.returning());
            }
            case Truncate s -> {
                out.append("TRUNCATE ");
                name(s.table());
            }
            case CreateTable s -> createTable(s);
            case CreateView s -> {
                out.append("CREATE ");
                if (s.orReplace()) out.append("OR REPLACE ");
                if (s.temporary()) out.append("TEMPORARY ");
                out.append("VIEW ");
                if (s.ifNotExists()) out.append("IF NOT EXISTS ");
                name(s.name());
                if (!s.columns().isEmpty()) {
                    out.append(" (");
                    list(s.columns(), this::name);
                    out.append(')');
                }
                out.append(" AS ");
                query(s.query());
            }
            case CreateSchema s -> {
                out.append("CREATE SCHEMA ");
                if (s.ifNotExists()) out.append("IF NOT EXISTS ");
                name(s.name());
            }
            case CreateIndex s -> {
                out.append("CREATE ");
                if (s.unique()) out.append("UNIQUE ");
                out.append("INDEX ");
                if (s.ifNotExists()) out.append("IF NOT EXISTS ");
                name(s.name());
                out.append(" ON ");
                name(s.table());
                out.append(" (");
                list(s.columns(), this::sortItem);
                out.append(')');
            }
            case Drop s -> {
                out.append("DROP ").append(s.objectType()).append(' ');
                if (s.ifExists()) out.append("IF EXISTS ");
                list(s.names(), this::name);
                if (s.cascade()) out.append(" CASCADE");
            }
            case AlterTable s -> {
                out.append("ALTER TABLE ");
                if (s.ifExists()) out.append("IF EXISTS ");
                name(s.table());
                out.append(' ');
                alterAction(s.action());
            }
            case Explain s -> {
                out.append("EXPLAIN ");
                if (s.analyze()) out.append("ANALYZE ");
                statement(s.statement());
            }
            case Describe s -> {
                out.append("DESCRIBE ");
                if (s.table() != null) name(s.table());
                else query(s.query());
            }
            case ShowTables s -> {
                out.append(s.all() ? "SHOW ALL TABLES" : "SHOW TABLES");
                if (s.schema() != null) {
                    out.append(" FROM ");
                    name(s.schema());
                }
            }
            case Summarize s -> {
                out.append("SUMMARIZE ");
                query(s.query());
            }
            case SetVariable s -> {
                out.append("SET ");
                if (s.scope() != SetScope.DEFAULT) out.append(s.scope()).append(' ');
                name(s.name());
                out.append(" = ");
                expression(s.value());
            }
            case ResetVariable s -> {
                out.append("RESET ");
                if (s.scope() != SetScope.DEFAULT) out.append(s.scope()).append(' ');
                name(s.name());
            }
            case Pragma s -> {
                out.append("PRAGMA ");
                name(s.name());
                if (s.assignment()) {
                    out.append(" = ");
                    expression(s.arguments().get(0));
                } else if (!s.arguments().isEmpty()) {
                    out.append('(');
                    list(s.arguments(), this::expression);
                    out.append(')');
                }
            }
            case TransactionStatement s -> out.append(s.kind());
            case Checkpoint s -> out.append(s.force() ? "FORCE CHECKPOINT" : "CHECKPOINT");
            case Copy s -> copy(s);
            case Call s -> {
                out.append("CALL ");
                name(s.name());
                arguments(s.arguments());
            }
        }
    }

    private void with(With with) {
        if (with == null) {
            return;
        }
        out.append("WITH ");
        if (with.recursive()) out.append("RECURSIVE ");
        list(with.ctes(), cte -> {
            name(cte.name());
            if (!cte.columns().isEmpty()) {
                out.append('(');
                list(cte.columns(), this::name);
                out.append(')');
            }
            out.append(" AS (");
            query(cte.query());
            out.append(')');
        });
        out.append(' ');
    }

    private void insert(Insert s) {
        with(s.with());
        out.append("INSERT ");
        OnConflict c = s.onConflict();
        boolean orForm = c != null && c.targetColumns().isEmpty() && c.assignments().isEmpty()
                && (c.action() == ConflictAction.REPLACE);
        if (orForm) {
            out.append("OR REPLACE ");
        }
        out.append("INTO ");
        name(s.table());
        if (s.alias() != null) {
            out.append(" AS ");
            name(s.alias());
        }
        if (s.byName()) {
            out.append(" BY NAME");
        }
        if (!s.columns().isEmpty()) {
            out.append(" (");
            list(s.columns(), this::name);
            out.append(')');
        }
        if (s.source() == null) {
            out.append(" DEFAULT VALUES");
        } else {
            out.append(' ');
            query(s.source());
        }
        if (c != null && !orForm) {
            out.append(" ON CONFLICT");
            if (!c.targetColumns().isEmpty()) {
                out.append(" (");
                list(c.targetColumns(), this::name);
                out.append(')');
            }
            if (c.action() == ConflictAction.UPDATE) {
                out.append(" DO UPDATE SET ");
                assignments(c.assignments());
                where(c.where());
            } else {
                out.append(" DO NOTHING");
            }
        }
        returning(s.returning());
    }

    private void createTable(CreateTable s) {
        out.append("CREATE ");
        if (s.orReplace()) out.append("OR REPLACE ");
        if (s.temporary()) out.append("TEMPORARY ");
        out.append("TABLE ");
        if (s.ifNotExists()) out.append("IF NOT EXISTS ");
        name(s.name());
        if (s.asQuery() != null) {
            out.append(" AS ");
            query(s.asQuery());
            return;
        }
        out.append(" (");
        boolean first = true;
        for (ColumnDefinition column : s.columns()) {
            if (!first) out.append(", ");
            first = false;
            columnDefinition(column);
        }
        for (TableConstraint constraint : s.constraints()) {
            if (!first) out.append(", ");
            first = false;
            if (constraint.name() != null) {
                out.append("CONSTRAINT ");
                name(constraint.name());
                out.append(' ');
            }
            switch (constraint.kind()) {
                case PRIMARY_KEY -> out.append("PRIMARY KEY (");
                case UNIQUE -> out.append("UNIQUE (");
                case FOREIGN_KEY -> out.append("FOREIGN KEY (");
                case CHECK -> {
                    out.append("CHECK (");
                    expression(constraint.check());
                }
            }
            list(constraint.columns(), this::name);
            out.append(')');
            if (constraint.references() != null) {
                references(constraint.references());
            }
        }
        out.append(')');
    }

    private void columnDefinition(ColumnDefinition column) {
        name(column.name());
        if (column.type() != null) {
            out.append(' ').append(column.type());
        }
        for (ColumnConstraint c : column.constraints()) {
            out.append(' ');
            if (c.name() != null) {
                out.append("CONSTRAINT ");
                name(c.name());
                out.append(' ');
            }
            switch (c.kind()) {
                case NOT_NULL -> out.append("NOT NULL");
                case NULL -> out.append("NULL");
                case PRIMARY_KEY -> out.append("PRIMARY KEY");
                case UNIQUE -> out.append("UNIQUE");
                case DEFAULT -> {
                    out.append("DEFAULT ");
                    expression(c.expression());
                }
                case CHECK -> {
                    out.append("CHECK (");
                    expression(c.expression());
                    out.append(')');
                }
                case REFERENCES -> references(c.references());
            }
        }
    }

    private void references(ForeignKeyReference r) {
        out.append(" REFERENCES ");
        name(r.table());
        if (!r.columns().isEmpty()) {
            out.append(" (");
            list(r.columns(), this::name);
            out.append(')');
        }
    }

    private void alterAction(AlterTableAction action) {
        switch (action) {
            case AddColumn a -> {
                out.append("ADD COLUMN ");
                if (a.ifNotExists()) out.append("IF NOT EXISTS ");
                columnDefinition(a.column());
            }
            case DropColumn a -> {
                out.append("DROP COLUMN ");
                if (a.ifExists()) out.append("IF EXISTS ");
                name(a.column());
                if (a.cascade()) out.append(" CASCADE");
            }
            case RenameColumn a -> {
                out.append("RENAME COLUMN ");
                name(a.from());
                out.append(" TO ");
                name(a.to());
            }
            case RenameTable a -> {
                out.append("RENAME TO ");
                name(a.newName());
            }
            case AlterColumnType a -> {
                out.append("ALTER COLUMN ");
                name(a.column());
                out.append(" TYPE ").append(a.type());
                if (a.using() != null) {
                    out.append(" USING ");
                    expression(a.using());
                }
            }
            case SetColumnDefault a -> {
                out.append("ALTER COLUMN ");
                name(a.column());
                out.append(" SET DEFAULT ");
                expression(a.defaultValue());
            }
            case DropColumnDefault a -> {
                out.append("ALTER COLUMN ");
                name(a.column());
                out.append(" DROP DEFAULT");
            }
            case SetColumnNotNull a -> {
                out.append("ALTER COLUMN ");
                name(a.column());
                out.append(" SET NOT NULL");
            }
            case DropColumnNotNull a -> {
                out.append("ALTER COLUMN ");
                name(a.column());
                out.append(" DROP NOT NULL");
            }
        }
    }

    private void copy(Copy s) {
        out.append("COPY ");
        if (s.table() != null) {
            name(s.table());
            if (!s.columns().isEmpty()) {
                out.append(" (");
                list(s.columns(), this::name);
                out.append(')');
            }
        } else {
            out.append('(');
            query(s.query());
            out.append(')');
        }
        out.append(' ').append(s.direction()).append(' ');
        string(s.path());
        if (!s.options().isEmpty()) {
            out.append(" (");
            list(s.options(), o -> {
                name(o.name());
                if (o.value() != null) {
                    out.append(' ');
                    expression(o.value());
                }
            });
            out.append(')');
        }
    }

    private void assignments(List<Assignment> assignments) {
        list(assignments, a -> {
            name(a.column());
            out.append(" = ");
            expression(a.value());
        });
    }

    private void where(Expression where) {
        if (where != null) {
            out.append(" WHERE ");
            expression(where);
        }
    }

    private void returning(List<SelectItem> returning) {
        if (!returning.isEmpty()) {
            out.append(" RETURNING ");
            list(returning, this::selectItem);
        }
    }

    // ------------------------------------------------------------------ queries

    private void query(Query q) {
        with(q.with());
        body(q.body());
        if (q.orderBy() != null) {
            out.append(" ORDER BY ");
            switch (q.orderBy()) {
                case OrderByAll all -> {
                    out.append("ALL");
                    direction(all.direction(), all.nulls());
                }
                case OrderByItems items -> list(items.items(), this::sortItem);
            }
        }
        if (q.limit() != null) {
            out.append(" LIMIT ");
            expression(q.limit());
        }
        if (q.offset() != null) {
            out.append(" OFFSET ");
            expression(q.offset());
        }
    }

    private void body(QueryBody body) {
        switch (body) {
            case Select s -> select(s);
            case Values v -> {
                out.append("VALUES ");
                list(v.rows(), row -> {
                    out.append('(');
                    list(row, this::expression);
                    out.append(')');
                });
            }
            case SetOperation s -> {
                operand(s.left());
                out.append(' ').append(s.operator());
                if (s.all()) out.append(" ALL");
                if (s.byName()) out.append(" BY NAME");
                out.append(' ');
                operand(s.right());
            }
            case Query q -> query(q);
        }
    }

    private void operand(QueryBody body) {
        if (body instanceof Select) {
            body(body);
        } else {
            out.append('(');
            body(body);
            out.append(')');
        }
    }

    private void select(Select s) {
        out.append("SELECT ");
        if (s.distinct()) {
            out.append("DISTINCT ");
            if (!s.distinctOn().isEmpty()) {
                out.append("ON (");
                list(s.distinctOn(), this::expression);
                out.append(") ");
            }
        }
        list(s.items(), this::selectItem);
        if (s.from() != null) {
            out.append(" FROM ");
            relation(s.from());
        }
        where(s.where());
        if (s.groupBy() != null) {
            out.append(" GROUP BY ");
            switch (s.groupBy()) {
                case GroupByAll g -> out.append("ALL");
                case GroupByExpressions g -> {
                    if (g.expressions().isEmpty()) out.append("()");
                    list(g.expressions(), this::expression);
                }
                case GroupingSets g -> {
                    out.append("GROUPING SETS (");
                    list(g.sets(), set -> {
                        out.append('(');
                        list(set, this::expression);
                        out.append(')');
                    });
                    out.append(')');
                }
            }
        }
        if (s.having() != null) {
            out.append(" HAVING ");
            expression(s.having());
        }
        if (!s.windows().isEmpty()) {
            out.append(" WINDOW ");
            list(s.windows(), w -> {
                name(w.name());
                out.append(" AS ");
                windowSpec(w.spec());
            });
        }
        if (s.qualify() != null) {
            out.append(" QUALIFY ");
            expression(s.qualify());
        }
    }

    private void selectItem(SelectItem item) {
        switch (item) {
            case SelectExpression e -> {
                expression(e.expression());
                if (e.alias() != null) {
                    out.append(" AS ");
                    name(e.alias());
                }
            }
            case SelectStar s -> {
                if (s.qualifier() != null) {
                    name(s.qualifier());
                    out.append('.');
                }
                out.append('*');
                if (!s.exclude().isEmpty()) {
                    out.append(" EXCLUDE (");
                    list(s.exclude(), this::name);
                    out.append(')');
                }
                if (!s.replace().isEmpty()) {
                    out.append(" REPLACE (");
                    list(s.replace(), r -> {
                        expression(r.expression());
                        out.append(" AS ");
                        name(r.column());
                    });
                    out.append(')');
                }
            }
        }
    }

    private void relation(Relation relation) {
        switch (relation) {
            case TableRef t -> {
                name(t.name());
                alias(t.alias());
            }
            case SubqueryRelation s -> {
                if (s.lateral()) out.append("LATERAL ");
                out.append('(');
                query(s.query());
                out.append(')');
                alias(s.alias());
            }
            case TableFunction f -> {
                if (f.lateral()) out.append("LATERAL ");
                name(f.name());
                arguments(f.arguments());
                alias(f.alias());
            }
            case FileRelation f -> {
                string(f.path());
                alias(f.alias());
            }
            case Join j -> {
                out.append('(');
                relation(j.left());
                out.append(' ');
                if (j.natural()) out.append("NATURAL ");
                out.append(j.type()).append(" JOIN ");
                relation(j.right());
                if (j.on() != null) {
                    out.append(" ON ");
                    expression(j.on());
                }
                if (!j.using().isEmpty()) {
                    out.append(" USING (");
                    list(j.using(), this::name);
                    out.append(')');
                }
                out.append(')');
            }
        }
    }

    private void alias(Alias alias) {
        if (alias == null) {
            return;
        }
        out.append(" AS ");
        name(alias.name());
        if (!alias.columns().isEmpty()) {
            out.append('(');
            list(alias.columns(), this::name);
            out.append(')');
        }
    }

    private void arguments(List<Argument> arguments) {
        out.append('(');
        list(arguments, a -> {
            if (a.name() != null) {
                name(a.name());
                out.append(" := ");
            }
            expression(a.value());
        });
        out.append(')');
    }

    private void sortItem(SortItem item) {
        expression(item.expression());
        direction(item.direction(), item.nulls());
    }

    private void direction(SortDirection direction, NullOrdering nulls) {
        if (direction == SortDirection.DESC) out.append(" DESC");
        if (nulls != NullOrdering.DEFAULT) out.append(" NULLS ").append(nulls);
    }

    // ------------------------------------------------------------------ expressions

    private void expression(Expression e) {
        switch (e) {
            case IntegerLiteral l -> out.append(l.text());
            case DecimalLiteral l -> out.append(l.text());
            case DoubleLiteral l -> out.append(l.text());
            case StringLiteral l -> string(l.value());
            case BooleanLiteral l -> out.append(l.value() ? "TRUE" : "FALSE");
            case NullLiteral l -> out.append("NULL");
            case TypedLiteral l -> {
                out.append(l.type()).append(' ');
                string(l.value());
            }
            case IntervalExpression i -> {
                out.append("INTERVAL ");
                if (i.value() instanceof StringLiteral) {
                    expression(i.value());
                } else {
                    out.append('(');
                    expression(i.value());
                    out.append(')');
                }
                if (i.unit() != null) out.append(' ').append(i.unit().toUpperCase(Locale.ROOT));
                if (i.toUnit() != null) out.append(" TO ").append(i.toUnit().toUpperCase(Locale.ROOT));
            }
            case ColumnRef c -> name(c.name());
            case Parameter p -> out.append('$').append(p.index());
            case FunctionCall f -> functionCall(f);
            case Cast c -> {
                out.append(c.tryCast() ? "TRY_CAST(" : "CAST(");
                expression(c.expression());
                out.append(" AS ").append(c.type()).append(')');
            }
            case CaseExpression c -> {
                out.append("CASE");
                if (c.operand() != null) {
                    out.append(' ');
                    expression(c.operand());
                }
                for (WhenClause w : c.whens()) {
                    out.append(" WHEN ");
                    expression(w.condition());
                    out.append(" THEN ");
                    expression(w.result());
                }
                if (c.elseResult() != null) {
                    out.append(" ELSE ");
                    expression(c.elseResult());
                }
                out.append(" END");
            }
            case Exists x -> {
                out.append("EXISTS (");
                query(x.query());
                out.append(')');
            }
            case ScalarSubquery s -> {
                out.append('(');
                query(s.query());
                out.append(')');
            }
            case InSubquery i -> {
                out.append('(');
                expression(i.value());
                out.append(i.negated() ? " NOT IN (" : " IN (");
                query(i.query());
                out.append("))");
            }
            case InList i -> {
                out.append('(');
                expression(i.value());
                out.append(i.negated() ? " NOT IN (" : " IN (");
                list(i.list(), this::expression);
                out.append("))");
            }
            case QuantifiedComparison q -> {
                out.append('(');
                expression(q.left());
                out.append(' ').append(q.operator().symbol()).append(' ').append(q.quantifier()).append(" (");
                query(q.query());
                out.append("))");
            }
            case Extract x -> {
                out.append("EXTRACT(").append(x.field()).append(" FROM ");
                expression(x.source());
                out.append(')');
            }
            case Logical l -> {
                out.append('(');
                String separator = " " + l.operator() + " ";
                for (int i = 0; i < l.terms().size(); i++) {
                    if (i > 0) out.append(separator);
                    expression(l.terms().get(i));
                }
                out.append(')');
            }
            case Not n -> {
                out.append("(NOT ");
                expression(n.expression());
                out.append(')');
            }
            case Comparison c -> binary(c.left(), c.operator().symbol(), c.right());
            case BinaryOperation b -> binary(b.left(), b.operator().symbol(), b.right());
            case UnaryOperation u -> {
                out.append('(').append(u.operator().symbol());
                if (startsWithMinus(u.operand())) {
                    out.append(' '); // "--" would start a comment
                }
                expression(u.operand());
                out.append(')');
            }
            case IsNull i -> {
                out.append('(');
                expression(i.expression());
                out.append(i.negated() ? " IS NOT NULL)" : " IS NULL)");
            }
            case IsBoolean i -> {
                out.append('(');
                expression(i.expression());
                out.append(i.negated() ? " IS NOT " : " IS ").append(i.value() ? "TRUE)" : "FALSE)");
            }
            case Between b -> {
                out.append('(');
                expression(b.value());
                out.append(b.negated() ? " NOT BETWEEN " : " BETWEEN ");
                if (b.symmetric()) out.append("SYMMETRIC ");
                expression(b.low());
                out.append(" AND ");
                expression(b.high());
                out.append(')');
            }
            case Like l -> {
                out.append('(');
                expression(l.value());
                out.append(l.negated() ? " NOT " : " ").append(l.kind() == LikeKind.SIMILAR_TO ? "SIMILAR TO" : l.kind());
                out.append(' ');
                expression(l.pattern());
                if (l.escape() != null) {
                    out.append(" ESCAPE ");
                    expression(l.escape());
                }
                out.append(')');
            }
            case Subscript s -> {
                expression(s.base());
                out.append('[');
                expression(s.index());
                out.append(']');
            }
            case RowConstructor r -> {
                out.append("ROW(");
                list(r.items(), this::expression);
                out.append(')');
            }
            case DefaultExpression d -> out.append("DEFAULT");
            case ListLiteral l -> {
                out.append('[');
                list(l.items(), this::expression);
                out.append(']');
            }
            case StructLiteral s -> {
                out.append('{');
                list(s.fields(), f -> {
                    out.append('\'').append(f.name().replace("'", "''")).append("': ");
                    expression(f.value());
                });
                out.append('}');
            }
        }
    }

    private static boolean startsWithMinus(Expression e) {
        return switch (e) {
            case IntegerLiteral l -> l.text().startsWith("-");
            case DecimalLiteral l -> l.text().startsWith("-");
            case DoubleLiteral l -> l.text().startsWith("-");
            default -> false;
        };
    }

    private void binary(Expression left, String operator, Expression right) {
        out.append('(');
        expression(left);
        out.append(' ').append(operator).append(' ');
        expression(right);
        out.append(')');
    }

    private void functionCall(FunctionCall f) {
        List<Identifier> parts = f.name().parts();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) out.append('.');
            String v = parts.get(i).value();
            String upper = v.toUpperCase(Locale.ROOT);
            boolean callable = !RESERVED.contains(upper) || upper.startsWith("CURRENT_") || upper.startsWith("LOCALTIME");
            if (isWord(v) && callable) {
                out.append(v); // left(...), right(...), current_date() need no quotes as calls
            } else {
                name(parts.get(i));
            }
        }
        out.append('(');
        if (f.star()) {
            out.append('*');
        } else {
            if (f.distinct()) out.append("DISTINCT ");
            list(f.arguments(), this::expression);
            if (!f.orderBy().isEmpty()) {
                out.append(" ORDER BY ");
                list(f.orderBy(), this::sortItem);
            }
        }
        out.append(')');
        if (f.ignoreNulls()) out.append(" IGNORE NULLS");
        if (f.filter() != null) {
            out.append(" FILTER (WHERE ");
            expression(f.filter());
            out.append(')');
        }
        if (f.over() != null) {
            out.append(" OVER ");
            WindowSpec w = f.over();
            if (w.partitionBy().isEmpty() && w.orderBy().isEmpty() && w.frame() == null && w.baseWindow() != null) {
                name(w.baseWindow());
            } else {
                windowSpec(w);
            }
        }
    }

    private void windowSpec(WindowSpec w) {
        out.append('(');
        String separator = "";
        if (w.baseWindow() != null) {
            name(w.baseWindow());
            separator = " ";
        }
        if (!w.partitionBy().isEmpty()) {
            out.append(separator).append("PARTITION BY ");
            list(w.partitionBy(), this::expression);
            separator = " ";
        }
        if (!w.orderBy().isEmpty()) {
            out.append(separator).append("ORDER BY ");
            list(w.orderBy(), this::sortItem);
            separator = " ";
        }
        if (w.frame() != null) {
            WindowFrame frame = w.frame();
            out.append(separator).append(frame.unit()).append(" BETWEEN ");
            frameBound(frame.start());
            out.append(" AND ");
            frameBound(frame.end());
            if (frame.exclusion() != FrameExclusion.NO_OTHERS) {
                out.append(" EXCLUDE ").append(frame.exclusion() == FrameExclusion.CURRENT_ROW
                        ? "CURRENT ROW" : frame.exclusion().toString());
            }
        }
        out.append(')');
    }

    private void frameBound(FrameBound bound) {
        switch (bound.type()) {
            case UNBOUNDED_PRECEDING -> out.append("UNBOUNDED PRECEDING");
            case UNBOUNDED_FOLLOWING -> out.append("UNBOUNDED FOLLOWING");
            case CURRENT_ROW -> out.append("CURRENT ROW");
            case PRECEDING -> {
                expression(bound.offset());
                out.append(" PRECEDING");
            }
            case FOLLOWING -> {
                expression(bound.offset());
                out.append(" FOLLOWING");
            }
        }
    }

    // ------------------------------------------------------------------ names and strings

    private void name(QualifiedName name) {
        list(name.parts(), this::name, ".");
    }

    private void name(Identifier id) {
        String v = id.value();
        if (isPlainName(v)) {
            out.append(v);
        } else {
            out.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
    }

    /** Word chars only and not a keyword-like word: safe to print unquoted anywhere. */
    private static boolean isPlainName(String v) {
        return isWord(v) && !RESERVED.contains(v.toUpperCase(Locale.ROOT))
                && !NOT_ALIAS.contains(v.toUpperCase(Locale.ROOT));
    }

    private static boolean isWord(String v) {
        if (v.isEmpty() || !(Character.isLetter(v.charAt(0)) || v.charAt(0) == '_')) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$')) {
                return false;
            }
        }
        return true;
    }

    /** The parser's reserved words (kept in sync by a test) so formatted names re-parse. */
    private static final java.util.Set<String> RESERVED = java.util.Set.of(
            "ALL", "AND", "ANY", "ARRAY", "AS", "ASC", "ASYMMETRIC", "BOTH", "CASE", "CAST", "CHECK",
            "COLLATE", "COLUMN", "CONSTRAINT", "CREATE", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP",
            "DEFAULT", "DEFERRABLE", "DESC", "DISTINCT", "DO", "ELSE", "END", "EXCEPT", "FALSE", "FETCH", "FOR",
            "FOREIGN", "FROM", "GRANT", "GROUP", "HAVING", "IN", "INITIALLY", "INTERSECT", "INTO", "LATERAL",
            "LEADING", "LIMIT", "LOCALTIME", "LOCALTIMESTAMP", "NOT", "NULL", "OFFSET", "ON", "ONLY", "OR",
            "ORDER", "PLACING", "PRIMARY", "QUALIFY", "REFERENCES", "RETURNING", "SELECT", "SOME", "SYMMETRIC",
            "TABLE", "THEN", "TO", "TRAILING", "TRUE", "UNION", "UNIQUE", "USING", "VARIADIC", "WHEN", "WHERE",
            "WINDOW", "WITH");

    /** Words the parser never takes as an implicit alias; quoted in output to stay unambiguous. */
    private static final java.util.Set<String> NOT_ALIAS = java.util.Set.of(
            "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "OUTER", "CROSS", "NATURAL", "POSITIONAL", "ASOF", "SEMI",
            "ANTI", "IS", "ISNULL", "NOTNULL", "LIKE", "ILIKE", "GLOB", "SIMILAR", "BETWEEN", "TABLESAMPLE");

    private void string(String value) {
        out.append('\'').append(value.replace("'", "''")).append('\'');
    }

    private <T> void list(List<T> items, java.util.function.Consumer<T> each) {
        list(items, each, ", ");
    }

    private <T> void list(List<T> items, java.util.function.Consumer<T> each, String separator) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) out.append(separator);
            each.accept(items.get(i));
        }
    }

}
