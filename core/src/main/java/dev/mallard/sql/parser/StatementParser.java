package dev.mallard.sql.parser;

import dev.mallard.sql.tree.AddColumn;
import dev.mallard.sql.tree.AlterColumnType;
import dev.mallard.sql.tree.AlterTable;
import dev.mallard.sql.tree.AlterTableAction;
import dev.mallard.sql.tree.Argument;
import dev.mallard.sql.tree.Assignment;
import dev.mallard.sql.tree.Call;
import dev.mallard.sql.tree.Checkpoint;
import dev.mallard.sql.tree.ColumnConstraint;
import dev.mallard.sql.tree.ColumnConstraintKind;
import dev.mallard.sql.tree.ColumnDefinition;
import dev.mallard.sql.tree.ColumnRef;
import dev.mallard.sql.tree.ConflictAction;
import dev.mallard.sql.tree.Copy;
import dev.mallard.sql.tree.CopyDirection;
import dev.mallard.sql.tree.CopyOption;
import dev.mallard.sql.tree.CreateIndex;
import dev.mallard.sql.tree.CreateSchema;
import dev.mallard.sql.tree.CreateTable;
import dev.mallard.sql.tree.CreateView;
import dev.mallard.sql.tree.DefaultExpression;
import dev.mallard.sql.tree.Delete;
import dev.mallard.sql.tree.Describe;
import dev.mallard.sql.tree.Drop;
import dev.mallard.sql.tree.DropColumn;
import dev.mallard.sql.tree.DropColumnDefault;
import dev.mallard.sql.tree.DropColumnNotNull;
import dev.mallard.sql.tree.Explain;
import dev.mallard.sql.tree.Expression;
import dev.mallard.sql.tree.FileRelation;
import dev.mallard.sql.tree.ForeignKeyReference;
import dev.mallard.sql.tree.Identifier;
import dev.mallard.sql.tree.Insert;
import dev.mallard.sql.tree.ObjectType;
import dev.mallard.sql.tree.OnConflict;
import dev.mallard.sql.tree.Position;
import dev.mallard.sql.tree.Pragma;
import dev.mallard.sql.tree.QualifiedName;
import dev.mallard.sql.tree.Query;
import dev.mallard.sql.tree.Relation;
import dev.mallard.sql.tree.RenameColumn;
import dev.mallard.sql.tree.RenameTable;
import dev.mallard.sql.tree.ResetVariable;
import dev.mallard.sql.tree.RowConstructor;
import dev.mallard.sql.tree.SelectItem;
import dev.mallard.sql.tree.SetColumnDefault;
import dev.mallard.sql.tree.SetColumnNotNull;
import dev.mallard.sql.tree.SetScope;
import dev.mallard.sql.tree.SetVariable;
import dev.mallard.sql.tree.ShowTables;
import dev.mallard.sql.tree.SortItem;
import dev.mallard.sql.tree.Statement;
import dev.mallard.sql.tree.StringLiteral;
import dev.mallard.sql.tree.Summarize;
import dev.mallard.sql.tree.TableConstraint;
import dev.mallard.sql.tree.TableConstraintKind;
import dev.mallard.sql.tree.TransactionKind;
import dev.mallard.sql.tree.TransactionStatement;
import dev.mallard.sql.tree.Truncate;
import dev.mallard.sql.tree.TypeName;
import dev.mallard.sql.tree.Update;
import dev.mallard.sql.tree.With;
import java.util.ArrayList;
import java.util.List;

/** Statements: DML, DDL and the utility commands. Entry point is {@link #statements()}. */
final class StatementParser extends QueryParser {

    StatementParser(String sql) {
        super(sql);
    }

    /** All {@code ;}-separated statements; empty statements are skipped. */
    List<Statement> statements() {
        return statements(new ArrayList<>());
    }

    /** As {@link #statements()}, also collecting each statement's source text into {@code texts}. */
    List<Statement> statements(List<String> texts) {
        List<Statement> out = new ArrayList<>();
        while (true) {
            while (matchSymbol(";")) {
                // empty statement
            }
            if (atEnd()) {
                return out;
            }
            int start = peek().offset();
            out.add(statement());
            texts.add(sql.substring(start, previous().end()));
            if (!atStatementEnd()) {
                throw error(peek(), null);
            }
        }
    }

    /** One statement, leaving the cursor at {@code ;} or the end. */
    Statement statement() {
        parameterCount = 0;
        Token t = peek();
        String k = t.keyword();
        if (k == null) {
            if (atQueryStart()) {
                return query();
            }
            throw error(t, "a statement");
        }
        return switch (k) {
            case "SELECT", "VALUES", "FROM", "TABLE" -> query();
            case "WITH" -> {
                With with = with();
                if (atKeyword("INSERT")) {
                    yield insert(t.position(), with);
                } else if (atKeyword("UPDATE")) {
                    yield update(t.position(), with);
                } else if (atKeyword("DELETE")) {
                    yield delete(t.position(), with);
                }
                yield queryAfterWith(t.position(), with);
            }
            case "INSERT" -> insert(t.position(), null);
            case "UPDATE" -> update(t.position(), null);
            case "DELETE" -> delete(t.position(), null);
            case "TRUNCATE" -> truncate();
            case "CREATE" -> create();
            case "DROP" -> drop();
            case "ALTER" -> alter();
            case "EXPLAIN" -> explain();
            case "DESCRIBE", "DESC" -> {
                advance();
                yield describeTarget(t.position());
            }
            case "SHOW" -> show();
            case "SUMMARIZE" -> {
                advance();
                yield new Summarize(t.position(), queryTarget(t.position()));
            }
            case "SET" -> set();
            case "RESET" -> reset();
            case "PRAGMA" -> pragma();
            case "BEGIN", "START" -> begin();
            case "COMMIT", "END" -> {
                advance();
                if (!matchKeyword("TRANSACTION")) {
                    matchKeyword("WORK");
                }
                yield new TransactionStatement(t.position(), TransactionKind.COMMIT);
            }
            case "ROLLBACK", "ABORT" -> {
                advance();
                if (!matchKeyword("TRANSACTION")) {
                    matchKeyword("WORK");
                }
                yield new TransactionStatement(t.position(), TransactionKind.ROLLBACK);
            }
            case "CHECKPOINT", "FORCE" -> checkpoint();
            case "COPY" -> copy();
            case "CALL" -> {
                advance();
                QualifiedName name = qualifiedName();
                yield new Call(t.position(), name, arguments());
            }
            default -> throw error(t, "a statement");
        };
    }

    // ------------------------------------------------------------------ DML

    private Insert insert(Position position, With with) {
        advance();
        ConflictAction orAction = null;
        if (matchKeyword("OR")) {
            if (matchKeyword("REPLACE")) {
                orAction = ConflictAction.REPLACE;
            } else if (matchKeyword("IGNORE")) {
                orAction = ConflictAction.NOTHING;
            } else {
                throw error(peek(), "REPLACE or IGNORE");
            }
        }
        Position orPosition = previous().position();
        expectKeyword("INTO");
        QualifiedName table = qualifiedName();
        Identifier alias = matchKeyword("AS") ? identifier() : null;
        boolean byName = false;
        if (atKeyword("BY") && atKeyword(1, "NAME")) {
            index += 2;
            byName = true;
        } else if (atKeyword("BY") && atKeyword(1, "POSITION")) {
            index += 2;
        }
        List<Identifier> columns = List.of();
        if (atSymbol("(") && !parenStartsQuery()) {
            columns = parenthesizedIdentifiers();
        }
        Query source;
        if (atKeyword("DEFAULT") && atKeyword(1, "VALUES")) {
            index += 2;
            source = null;
        } else if (atQueryStart()) {
            source = query();
        } else {
            throw error(peek(), "VALUES, SELECT or DEFAULT VALUES");
        }
        OnConflict onConflict = null;
        if (atKeyword("ON") && atKeyword(1, "CONFLICT")) {
            if (orAction != null) {
                throw errorAt(peek().position(), "INSERT OR " + (orAction == ConflictAction.REPLACE ? "REPLACE" : "IGNORE")
                        + " cannot be combined with ON CONFLICT");
            }
            onConflict = onConflict();
        } else if (orAction != null) {
            onConflict = new OnConflict(orPosition, List.of(), orAction, List.of(), null);
        }
        List<SelectItem> returning = returning();
        return new Insert(position, table, alias, columns, byName, source, onConflict, returning, with);
    }

    private OnConflict onConflict() {
        Token t = advance();
        advance(); // CONFLICT
        List<Identifier> target = atSymbol("(") ? parenthesizedIdentifiers() : List.of();
        expectKeyword("DO");
        if (matchKeyword("NOTHING")) {
            return new OnConflict(t.position(), target, ConflictAction.NOTHING, List.of(), null);
        }
        expectKeyword("UPDATE");
        expectKeyword("SET");
        List<Assignment> assignments = assignments();
        Expression where = matchKeyword("WHERE") ? expression() : null;
        return new OnConflict(t.position(), target, ConflictAction.UPDATE, assignments, where);
    }

    private List<Assignment> assignments() {
        List<Assignment> assignments = new ArrayList<>();
        do {
            Token t = peek();
            Identifier column = identifier();
            // Accept a qualified target (t.c) and keep the column name, as PostgreSQL users write it.
            while (matchSymbol(".")) {
                column = anyIdentifier();
            }
            expectSymbol("=");
            assignments.add(new Assignment(t.position(), column, expression()));
        } while (matchSymbol(","));
        return assignments;
    }

    private List<SelectItem> returning() {
        if (matchKeyword("RETURNING")) {
            return selectList();
        }
        return List.of();
    }

    private Update update(Position position, With with) {
        advance();
        QualifiedName table = qualifiedName();
        Identifier alias = null;
        if (matchKeyword("AS")) {
            alias = identifier();
        } else if (!atKeyword("SET") && canBeImplicitAlias(peek())) {
            noteImplicitAlias(peek());
            alias = identifier();
        }
        expectKeyword("SET");
        List<Assignment> assignments = assignments();
        Relation from = matchKeyword("FROM") ? fromClause() : null;
        Expression where = matchKeyword("WHERE") ? expression() : null;
        return new Update(position, table, alias, assignments, from, where, returning(), with);
    }

    private Delete delete(Position position, With with) {
        advance();
        expectKeyword("FROM");
        QualifiedName table = qualifiedName();
        Identifier alias = null;
        if (matchKeyword("AS")) {
            alias = identifier();
        } else if (canBeImplicitAlias(peek())) {
            noteImplicitAlias(peek());
            alias = identifier();
        }
        Relation using = matchKeyword("USING") ? fromClause() : null;
        Expression where = matchKeyword("WHERE") ? expression() : null;
        return new Delete(position, table, alias, using, where, returning(), with);
    }

    private Truncate truncate() {
        Token t = advance();
        matchKeyword("TABLE");
        return new Truncate(t.position(), qualifiedName());
    }

    // ------------------------------------------------------------------ DDL

    private Statement create() {
        Token t = advance();
        boolean orReplace = false;
        if (atKeyword("OR") && atKeyword(1, "REPLACE")) {
            index += 2;
            orReplace = true;
        }
        boolean temporary = matchKeyword("TEMP") || matchKeyword("TEMPORARY");
        if (matchKeyword("TABLE")) {
            return createTable(t.position(), orReplace, temporary);
        }
        if (matchKeyword("VIEW")) {
            return createView(t.position(), orReplace, temporary);
        }
        if (!orReplace && !temporary && matchKeyword("SCHEMA")) {
            boolean ifNotExists = matchIfNotExists();
            return new CreateSchema(t.position(), qualifiedName(), ifNotExists);
        }
        if (!temporary && (atKeyword("INDEX") || (atKeyword("UNIQUE") && atKeyword(1, "INDEX")))) {
            return createIndex(t.position());
        }
        throw error(peek(), "TABLE, VIEW, SCHEMA or INDEX");
    }

    private CreateTable createTable(Position position, boolean orReplace, boolean temporary) {
        boolean ifNotExists = matchIfNotExists();
        QualifiedName name = qualifiedName();
        if (matchKeyword("AS")) {
            return new CreateTable(position, name, orReplace, temporary, ifNotExists, List.of(), List.of(), query());
        }
        expectSymbol("(");
        List<ColumnDefinition> columns = new ArrayList<>();
        List<TableConstraint> constraints = new ArrayList<>();
        do {
            if (atAnyKeyword("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN")) {
                constraints.add(tableConstraint());
            } else {
                columns.add(columnDefinition());
            }
        } while (matchSymbol(","));
        expectSymbol(")");
        return new CreateTable(position, name, orReplace, temporary, ifNotExists, columns, constraints, null);
    }

    private ColumnDefinition columnDefinition() {
        Token t = peek();
        Identifier name = identifier();
        TypeName type = typeName();
        List<ColumnConstraint> constraints = new ArrayList<>();
        while (true) {
            Token c = peek();
            Identifier constraintName = null;
            if (matchKeyword("CONSTRAINT")) {
                constraintName = identifier();
            }
            ColumnConstraint constraint = columnConstraint(c.position(), constraintName);
            if (constraint == null) {
                if (constraintName != null) {
                    throw error(peek(), "a constraint");
                }
                return new ColumnDefinition(t.position(), name, type, constraints);
            }
            constraints.add(constraint);
        }
    }

    private ColumnConstraint columnConstraint(Position position, Identifier name) {
        if (atKeyword("NOT") && atKeyword(1, "NULL")) {
            index += 2;
            return new ColumnConstraint(position, name, ColumnConstraintKind.NOT_NULL, null, null);
        }
        if (matchKeyword("NULL")) {
            return new ColumnConstraint(position, name, ColumnConstraintKind.NULL, null, null);
        }
        if (matchKeyword("PRIMARY")) {
            expectKeyword("KEY");
            return new ColumnConstraint(position, name, ColumnConstraintKind.PRIMARY_KEY, null, null);
        }
        if (matchKeyword("UNIQUE")) {
            return new ColumnConstraint(position, name, ColumnConstraintKind.UNIQUE, null, null);
        }
        if (matchKeyword("DEFAULT")) {
            return new ColumnConstraint(position, name, ColumnConstraintKind.DEFAULT, other(), null);
        }
        if (matchKeyword("CHECK")) {
            expectSymbol("(");
            Expression check = expression();
            expectSymbol(")");
            return new ColumnConstraint(position, name, ColumnConstraintKind.CHECK, check, null);
        }
        if (atKeyword("REFERENCES")) {
            return new ColumnConstraint(position, name, ColumnConstraintKind.REFERENCES, null, references());
        }
        return null;
    }

    private TableConstraint tableConstraint() {
        Token t = peek();
        Identifier name = matchKeyword("CONSTRAINT") ? identifier() : null;
        if (matchKeyword("PRIMARY")) {
            expectKeyword("KEY");
            return new TableConstraint(t.position(), name, TableConstraintKind.PRIMARY_KEY,
                    parenthesizedIdentifiers(), null, null);
        }
        if (matchKeyword("UNIQUE")) {
            return new TableConstraint(t.position(), name, TableConstraintKind.UNIQUE, parenthesizedIdentifiers(),
                    null, null);
        }
        if (matchKeyword("CHECK")) {
            expectSymbol("(");
            Expression check = expression();
            expectSymbol(")");
            return new TableConstraint(t.position(), name, TableConstraintKind.CHECK, List.of(), check, null);
        }
        if (matchKeyword("FOREIGN")) {
            expectKeyword("KEY");
            List<Identifier> columns = parenthesizedIdentifiers();
            return new TableConstraint(t.position(), name, TableConstraintKind.FOREIGN_KEY, columns, null,
                    references());
        }
        throw error(peek(), "PRIMARY KEY, UNIQUE, CHECK or FOREIGN KEY");
    }

    /** {@code REFERENCES t [(cols)] [ON DELETE|UPDATE action ...]}; referential actions are parsed and dropped. */
    private ForeignKeyReference references() {
        Token t = expectKeyword("REFERENCES");
        QualifiedName table = qualifiedName();
        List<Identifier> columns = atSymbol("(") ? parenthesizedIdentifiers() : List.of();
        while (atKeyword("ON") && (atKeyword(1, "DELETE") || atKeyword(1, "UPDATE"))) {
            index += 2;
            if (matchKeyword("CASCADE") || matchKeyword("RESTRICT")) {
                continue;
            }
            if (matchKeyword("NO")) {
                expectKeyword("ACTION");
            } else if (matchKeyword("SET")) {
                if (!matchKeyword("NULL")) {
                    expectKeyword("DEFAULT");
                }
            } else {
                throw error(peek(), "CASCADE, RESTRICT, NO ACTION, SET NULL or SET DEFAULT");
            }
        }
        return new ForeignKeyReference(t.position(), table, columns);
    }

    private CreateView createView(Position position, boolean orReplace, boolean temporary) {
        boolean ifNotExists = matchIfNotExists();
        QualifiedName name = qualifiedName();
        List<Identifier> columns = atSymbol("(") ? parenthesizedIdentifiers() : List.of();
        expectKeyword("AS");
        int start = peek().offset();
        Query q = query();
        String text = sql.substring(start, previous().end());
        return new CreateView(position, name, orReplace, temporary, ifNotExists, columns, q, text);
    }

    private CreateIndex createIndex(Position position) {
        boolean unique = matchKeyword("UNIQUE");
        expectKeyword("INDEX");
        boolean ifNotExists = matchIfNotExists();
        Identifier name = identifier();
        expectKeyword("ON");
        QualifiedName table = qualifiedName();
        if (matchKeyword("USING")) {
            anyIdentifier();
        }
        expectSymbol("(");
        List<SortItem> columns = sortItems();
        expectSymbol(")");
        return new CreateIndex(position, name, table, unique, ifNotExists, columns);
    }

    private Drop drop() {
        Token t = advance();
        ObjectType type;
        if (matchKeyword("TABLE")) {
            type = ObjectType.TABLE;
        } else if (matchKeyword("VIEW")) {
            type = ObjectType.VIEW;
        } else if (matchKeyword("SCHEMA")) {
            type = ObjectType.SCHEMA;
        } else if (matchKeyword("INDEX")) {
            type = ObjectType.INDEX;
        } else {
            throw error(peek(), "TABLE, VIEW, SCHEMA or INDEX");
        }
        boolean ifExists = matchIfExists();
        List<QualifiedName> names = new ArrayList<>();
        do {
            names.add(qualifiedName());
        } while (matchSymbol(","));
        boolean cascade = matchKeyword("CASCADE");
        if (!cascade) {
            matchKeyword("RESTRICT");
        }
        return new Drop(t.position(), type, ifExists, names, cascade);
    }

    private AlterTable alter() {
        Token t = advance();
        expectKeyword("TABLE");
        boolean ifExists = matchIfExists();
        QualifiedName table = qualifiedName();
        return new AlterTable(t.position(), table, ifExists, alterAction());
    }

    private AlterTableAction alterAction() {
        Token t = peek();
        if (matchKeyword("ADD")) {
            matchKeyword("COLUMN");
            boolean ifNotExists = matchIfNotExists();
            return new AddColumn(t.position(), columnDefinition(), ifNotExists);
        }
        if (matchKeyword("DROP")) {
            matchKeyword("COLUMN");
            boolean ifExists = matchIfExists();
            Identifier column = identifier();
            boolean cascade = matchKeyword("CASCADE");
            if (!cascade) {
                matchKeyword("RESTRICT");
            }
            return new DropColumn(t.position(), column, ifExists, cascade);
        }
        if (matchKeyword("RENAME")) {
            if (matchKeyword("TO")) {
                return new RenameTable(t.position(), identifier());
            }
            matchKeyword("COLUMN");
            Identifier from = identifier();
            expectKeyword("TO");
            return new RenameColumn(t.position(), from, identifier());
        }
        if (matchKeyword("ALTER")) {
            matchKeyword("COLUMN");
            Identifier column = identifier();
            if (atKeyword("SET") && atKeyword(1, "DATA")) {
                index += 2;
                expectKeyword("TYPE");
                return alterType(t.position(), column);
            }
            if (matchKeyword("TYPE")) {
                return alterType(t.position(), column);
            }
            if (matchKeyword("SET")) {
                if (matchKeyword("DEFAULT")) {
                    return new SetColumnDefault(t.position(), column, expression());
                }
                expectKeyword("NOT");
                expectKeyword("NULL");
                return new SetColumnNotNull(t.position(), column);
            }
            if (matchKeyword("DROP")) {
                if (matchKeyword("DEFAULT")) {
                    return new DropColumnDefault(t.position(), column);
                }
                expectKeyword("NOT");
                expectKeyword("NULL");
                return new DropColumnNotNull(t.position(), column);
            }
            throw error(peek(), "TYPE, SET or DROP");
        }
        throw error(t, "ADD, DROP, RENAME or ALTER");
    }

    private AlterColumnType alterType(Position position, Identifier column) {
        TypeName type = typeName();
        Expression using = matchKeyword("USING") ? expression() : null;
        return new AlterColumnType(position, column, type, using);
    }

    // ------------------------------------------------------------------ utility statements

    private Explain explain() {
        Token t = advance();
        boolean analyze = matchKeyword("ANALYZE") || matchKeyword("ANALYSE");
        return new Explain(t.position(), statement(), analyze);
    }

    /** DESCRIBE/SHOW target: a plain name describes the table; anything else is a query. */
    private Describe describeTarget(Position position) {
        if (atKeyword("TABLE") && atName(1)) {
            advance();
        }
        if (atName(0)) {
            int mark = index;
            QualifiedName name = qualifiedName();
            if (atStatementEnd()) {
                return new Describe(position, name, null);
            }
            index = mark;
        }
        return new Describe(position, null, queryTarget(position));
    }

    /** A query, or a FROM item ({@code t}, {@code 'file.csv'}, {@code range(3)}) meaning {@code FROM item}. */
    private Query queryTarget(Position position) {
        if (atKeyword("TABLE") && atName(1) && (atStatementEnd(2) || atSymbol(2, "."))) {
            advance();
        }
        if (atQueryStart()) {
            return query();
        }
        Token t = peek();
        Relation from = fromClause();
        return Query.of(selectStarFrom(t.position(), from));
    }

    private Statement show() {
        Token t = advance();
        if (matchKeyword("TABLES")) {
            QualifiedName schema = null;
            if (matchKeyword("FROM") || matchKeyword("IN")) {
                schema = qualifiedName();
            }
            return new ShowTables(t.position(), false, schema);
        }
        if (atKeyword("ALL") && atKeyword(1, "TABLES")) {
            index += 2;
            return new ShowTables(t.position(), true, null);
        }
        return describeTarget(t.position());
    }

    private SetScope scope() {
        if (matchKeyword("SESSION")) {
            return SetScope.SESSION;
        }
        if (matchKeyword("LOCAL")) {
            return SetScope.LOCAL;
        }
        if (matchKeyword("GLOBAL")) {
            return SetScope.GLOBAL;
        }
        return SetScope.DEFAULT;
    }

    private SetVariable set() {
        Token t = advance();
        SetScope scope = scope();
        QualifiedName name;
        if (atKeyword("TIME") && atKeyword(1, "ZONE")) {
            Token timeToken = advance();
            advance();
            name = QualifiedName.of(new Identifier(timeToken.position(), "timezone", false));
        } else {
            name = qualifiedName();
            if (!matchSymbol("=")) {
                if (!matchKeyword("TO")) {
                    throw error(peek(), "\"=\" or TO");
                }
            }
        }
        return new SetVariable(t.position(), scope, name, settingValue());
    }

    /** A SET/PRAGMA value: DEFAULT, a bare word (as a string of its spelling), or an expression. */
    private Expression settingValue() {
        Token t = peek();
        if (t.isKeyword("DEFAULT")) {
            advance();
            return new DefaultExpression(t.position());
        }
        if ((t.is(TokenType.WORD) || t.is(TokenType.QUOTED_IDENTIFIER)) && !atAnyKeyword("TRUE", "FALSE", "NULL")
                && (peek(1).type() == TokenType.EOF || peek(1).isSymbol(";"))) {
            advance();
            return new StringLiteral(t.position(), t.value());
        }
        return expression();
    }

    private ResetVariable reset() {
        Token t = advance();
        SetScope scope = scope();
        if (atKeyword("ALL")) {
            Token all = advance();
            return new ResetVariable(t.position(), scope, QualifiedName.of(new Identifier(all.position(), "all", false)));
        }
        return new ResetVariable(t.position(), scope, qualifiedName());
    }

    private Pragma pragma() {
        Token t = advance();
        Identifier name = anyIdentifier();
        if (matchSymbol("=")) {
            return new Pragma(t.position(), name, List.of(settingValue()), true);
        }
        List<Expression> arguments = new ArrayList<>();
        if (matchSymbol("(")) {
            if (!atSymbol(")")) {
                for (Expression e : expressionList()) {
                    arguments.add(e instanceof ColumnRef ref ? new StringLiteral(ref.position(), ref.name().toString()) : e);
                }
            }
            expectSymbol(")");
        }
        return new Pragma(t.position(), name, arguments, false);
    }

    private TransactionStatement begin() {
        Token t = advance();
        if (t.isKeyword("START")) {
            expectKeyword("TRANSACTION");
        } else if (!matchKeyword("TRANSACTION")) {
            matchKeyword("WORK");
        }
        return new TransactionStatement(t.position(), TransactionKind.BEGIN);
    }

    private Checkpoint checkpoint() {
        Token t = advance();
        boolean force = t.isKeyword("FORCE");
        if (force) {
            expectKeyword("CHECKPOINT");
        }
        if (atName(0)) {
            anyIdentifier(); // database name: there is only one database
        }
        return new Checkpoint(t.position(), force);
    }

    private Copy copy() {
        Token t = advance();
        QualifiedName table = null;
        List<Identifier> columns = List.of();
        Query q = null;
        if (atSymbol("(")) {
            q = parenthesizedQueryOrNull();
            if (q == null) {
                throw error(peek(1), "a query");
            }
        } else {
            table = qualifiedName();
            if (atSymbol("(")) {
                columns = parenthesizedIdentifiers();
            }
        }
        CopyDirection direction;
        if (q == null && matchKeyword("FROM")) {
            direction = CopyDirection.FROM;
        } else {
            expectKeyword("TO");
            direction = CopyDirection.TO;
        }
        Token path = peek();
        if (!path.is(TokenType.STRING)) {
            throw error(path, "a file name in quotes");
        }
        advance();
        matchKeyword("WITH");
        List<CopyOption> options = new ArrayList<>();
        if (matchSymbol("(")) {
            if (!atSymbol(")")) {
                do {
                    options.add(copyOption());
                } while (matchSymbol(","));
            }
            expectSymbol(")");
        } else {
            // PostgreSQL's older unparenthesized form: COPY t FROM 'f' CSV HEADER DELIMITER ','
            while (!atStatementEnd()) {
                Token name = peek();
                Identifier optionName = anyIdentifier();
                Expression value = null;
                Token v = peek();
                if (v.is(TokenType.STRING) || v.is(TokenType.INTEGER) || atAnyKeyword("TRUE", "FALSE")) {
                    value = unary();
                }
                options.add(new CopyOption(name.position(), optionName, value));
            }
        }
        return new Copy(t.position(), table, columns, q, direction, path.value(), options);
    }

    private CopyOption copyOption() {
        Token t = peek();
        Identifier name = anyIdentifier();
        if (atSymbol(",") || atSymbol(")")) {
            return new CopyOption(t.position(), name, null);
        }
        return new CopyOption(t.position(), name, optionValue());
    }

    /** A COPY option value: bare words become strings; {@code (a, b)} becomes a row of values. */
    private Expression optionValue() {
        Token t = peek();
        if (t.isSymbol("(")) {
            advance();
            List<Expression> items = new ArrayList<>();
            if (!atSymbol(")")) {
                do {
                    items.add(optionValue());
                } while (matchSymbol(","));
            }
            expectSymbol(")");
            return new RowConstructor(t.position(), items);
        }
        if ((t.is(TokenType.WORD) || t.is(TokenType.QUOTED_IDENTIFIER)) && !atAnyKeyword("TRUE", "FALSE", "NULL")
                && (atSymbol(1, ",") || atSymbol(1, ")"))) {
            advance();
            return new StringLiteral(t.position(), t.value());
        }
        return expression();
    }

    /** Used by {@link SqlParser#parseExpression}. */
    Expression standaloneExpression() {
        return wholeInput(expression());
    }

    /** Used by {@link SqlParser#parseSelectList}. */
    List<SelectItem> standaloneSelectList() {
        return wholeInput(selectList());
    }

    /** Used by {@link SqlParser#parseSortItems}. */
    List<SortItem> standaloneSortItems() {
        return wholeInput(sortItems());
    }

    /** Used by {@link SqlParser#parseExpressionList}. */
    List<Expression> standaloneExpressionList() {
        return wholeInput(expressionList());
    }

    /** {@code parsed}, if it took all of the input: a fragment with more after it is an error, never silently cut. */
    private <T> T wholeInput(T parsed) {
        if (!atEnd()) {
            throw error(peek(), null);
        }
        return parsed;
    }
}
