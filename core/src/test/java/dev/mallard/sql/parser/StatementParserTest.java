package dev.mallard.sql.parser;

import static dev.mallard.sql.parser.ParserTestSupport.sql;
import static dev.mallard.sql.parser.ParserTestSupport.statement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.MallardException;
import dev.mallard.sql.tree.AddColumn;
import dev.mallard.sql.tree.AlterColumnType;
import dev.mallard.sql.tree.AlterTable;
import dev.mallard.sql.tree.Call;
import dev.mallard.sql.tree.Checkpoint;
import dev.mallard.sql.tree.ColumnConstraintKind;
import dev.mallard.sql.tree.ColumnDefinition;
import dev.mallard.sql.tree.ConflictAction;
import dev.mallard.sql.tree.Copy;
import dev.mallard.sql.tree.CopyDirection;
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
import dev.mallard.sql.tree.Insert;
import dev.mallard.sql.tree.ObjectType;
import dev.mallard.sql.tree.Pragma;
import dev.mallard.sql.tree.Query;
import dev.mallard.sql.tree.RenameColumn;
import dev.mallard.sql.tree.RenameTable;
import dev.mallard.sql.tree.ResetVariable;
import dev.mallard.sql.tree.RowConstructor;
import dev.mallard.sql.tree.SetColumnDefault;
import dev.mallard.sql.tree.SetColumnNotNull;
import dev.mallard.sql.tree.SetScope;
import dev.mallard.sql.tree.SetVariable;
import dev.mallard.sql.tree.ShowTables;
import dev.mallard.sql.tree.Statement;
import dev.mallard.sql.tree.StringLiteral;
import dev.mallard.sql.tree.Summarize;
import dev.mallard.sql.tree.TableConstraintKind;
import dev.mallard.sql.tree.TransactionKind;
import dev.mallard.sql.tree.TransactionStatement;
import dev.mallard.sql.tree.Truncate;
import dev.mallard.sql.tree.Update;
import dev.mallard.sql.tree.Values;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementParserTest {

    // ---------------------------------------------------------------- multiple statements

    @Test
    void statementsAreSeparatedBySemicolonsAndEmptyOnesSkipped() {
        List<Statement> statements = SqlParser.parse(";; SELECT 1; ; CREATE TABLE t (a INT);\n-- done\n");
        assertThat(statements).hasSize(2);
        assertThat(statements.get(1)).isInstanceOf(CreateTable.class);
        assertThat(SqlParser.parse("  -- only a comment\n")).isEmpty();
    }

    @Test
    void parseOneRejectsZeroOrSeveralStatements() {
        assertThatThrownBy(() -> SqlParser.parseOne("SELECT 1; SELECT 2"))
                .isInstanceOf(MallardException.Parse.class).hasMessageContaining("found 2");
        assertThatThrownBy(() -> SqlParser.parseOne(" ; ")).isInstanceOf(MallardException.Parse.class);
        assertThat(SqlParser.parseOne("SELECT 1;")).isInstanceOf(Query.class);
    }

    @Test
    void parameterNumberingRestartsForEachStatement() {
        assertThat(SqlParser.parse("SELECT ?, ?; SELECT ?").stream().map(s -> dev.mallard.sql.tree.SqlFormatter.format(s)))
                .containsExactly("SELECT $1, $2", "SELECT $1");
    }

    // ---------------------------------------------------------------- INSERT

    @Test
    void insertValues() {
        Insert i = statement("INSERT INTO s.t (a, b) VALUES (1, DEFAULT), (2, 'x')", Insert.class);
        assertThat(i.table().toString()).isEqualTo("s.t");
        assertThat(i.columns()).extracting(c -> c.value()).containsExactly("a", "b");
        Values v = (Values) i.source().body();
        assertThat(v.rows().get(0).get(1)).isInstanceOf(DefaultExpression.class);
        assertThat(i.onConflict()).isNull();
        assertThat(i.returning()).isEmpty();
    }

    @Test
    void insertQueryForms() {
        assertThat(sql("INSERT INTO t SELECT * FROM u")).isEqualTo("INSERT INTO t SELECT * FROM u");
        assertThat(sql("INSERT INTO t (SELECT 1)")).isEqualTo("INSERT INTO t SELECT 1");
        assertThat(sql("INSERT INTO t (a) (SELECT 1)")).isEqualTo("INSERT INTO t (a) SELECT 1");
        assertThat(sql("INSERT INTO t WITH x AS (SELECT 1) SELECT * FROM x"))
                .isEqualTo("INSERT INTO t WITH x AS (SELECT 1) SELECT * FROM x");
        assertThat(sql("INSERT INTO t FROM u")).isEqualTo("INSERT INTO t SELECT * FROM u");
        assertThat(statement("INSERT INTO t BY NAME SELECT 1 AS a", Insert.class).byName()).isTrue();
    }

    @Test
    void insertDefaultValues() {
        Insert i = statement("INSERT INTO t DEFAULT VALUES", Insert.class);
        assertThat(i.defaultValues()).isTrue();
        assertThat(i.source()).isNull();
    }

    @Test
    void onConflictClauses() {
        Insert nothing = statement("INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING", Insert.class);
        assertThat(nothing.onConflict().action()).isEqualTo(ConflictAction.NOTHING);
        assertThat(nothing.onConflict().targetColumns()).isEmpty();
        Insert update = statement("INSERT INTO t AS x VALUES (1, 2) ON CONFLICT (a) DO UPDATE SET b = EXCLUDED.b, "
                + "c = x.c + 1 WHERE x.b <> EXCLUDED.b RETURNING a, b AS bee", Insert.class);
        assertThat(update.alias().value()).isEqualTo("x");
        assertThat(update.onConflict().action()).isEqualTo(ConflictAction.UPDATE);
        assertThat(update.onConflict().targetColumns()).extracting(c -> c.value()).containsExactly("a");
        assertThat(update.onConflict().assignments()).hasSize(2);
        assertThat(update.onConflict().where()).isNotNull();
        assertThat(update.returning()).hasSize(2);
        assertThat(sql("INSERT INTO t VALUES (1) ON CONFLICT (a) DO UPDATE SET b = EXCLUDED.b"))
                .isEqualTo("INSERT INTO t VALUES (1) ON CONFLICT (a) DO UPDATE SET b = EXCLUDED.b");
    }

    @Test
    void insertOrReplaceAndOrIgnore() {
        Insert replace = statement("INSERT OR REPLACE INTO t VALUES (1)", Insert.class);
        assertThat(replace.onConflict().action()).isEqualTo(ConflictAction.REPLACE);
        Insert ignore = statement("INSERT OR IGNORE INTO t VALUES (1)", Insert.class);
        assertThat(ignore.onConflict().action()).isEqualTo(ConflictAction.NOTHING);
        assertThatThrownBy(() -> SqlParser.parseOne("INSERT OR IGNORE INTO t VALUES (1) ON CONFLICT DO NOTHING"))
                .hasMessageStartingWith("INSERT OR IGNORE cannot be combined with ON CONFLICT");
    }

    @Test
    void insertReturningStar() {
        assertThat(sql("INSERT INTO t VALUES (1) RETURNING *")).isEqualTo("INSERT INTO t VALUES (1) RETURNING *");
    }

    // ---------------------------------------------------------------- UPDATE / DELETE / TRUNCATE

    @Test
    void update() {
        Update u = statement("UPDATE t AS x SET a = 1, b = DEFAULT FROM u WHERE x.id = u.id RETURNING a", Update.class);
        assertThat(u.alias().value()).isEqualTo("x");
        assertThat(u.assignments()).extracting(a -> a.column().value()).containsExactly("a", "b");
        assertThat(u.assignments().get(1).value()).isInstanceOf(DefaultExpression.class);
        assertThat(u.from()).isNotNull();
        assertThat(u.where()).isNotNull();
        assertThat(u.returning()).hasSize(1);
        assertThat(statement("UPDATE t x SET a = 1", Update.class).alias().value()).isEqualTo("x");
        assertThat(statement("UPDATE t SET a = 1", Update.class).alias()).isNull();
        assertThat(sql("UPDATE t SET t.a = 1")).isEqualTo("UPDATE t SET a = 1");
    }

    @Test
    void delete() {
        Delete d = statement("DELETE FROM t WHERE a IS NULL", Delete.class);
        assertThat(d.table().toString()).isEqualTo("t");
        assertThat(d.where()).isNotNull();
        assertThat(statement("DELETE FROM t", Delete.class).where()).isNull();
        assertThat(sql("DELETE FROM t AS x USING u WHERE x.id = u.id RETURNING *"))
                .isEqualTo("DELETE FROM t AS x USING u WHERE (x.id = u.id) RETURNING *");
    }

    @Test
    void withClauseBeforeDataModification() {
        Delete d = statement("WITH gone AS (SELECT 1 AS id) DELETE FROM t WHERE id IN (SELECT id FROM gone)", Delete.class);
        assertThat(d.with().ctes()).hasSize(1);
        Update u = statement("WITH v AS (SELECT 1 AS x) UPDATE t SET a = v.x FROM v", Update.class);
        assertThat(u.with()).isNotNull();
        Insert i = statement("WITH v(x) AS (VALUES (42)) INSERT INTO a (SELECT * FROM v)", Insert.class);
        assertThat(i.with().ctes().get(0).name().value()).isEqualTo("v");
        assertThat(i.source().with()).isNull();
        assertThat(statement("INSERT INTO t VALUES (1)", Insert.class).with()).isNull();
        assertThat(sql("WITH v AS (SELECT 1) DELETE FROM t")).isEqualTo("WITH v AS (SELECT 1) DELETE FROM t");
    }

    @Test
    void truncate() {
        assertThat(statement("TRUNCATE TABLE s.t", Truncate.class).table().toString()).isEqualTo("s.t");
        assertThat(statement("TRUNCATE t", Truncate.class).table().toString()).isEqualTo("t");
    }

    // ---------------------------------------------------------------- CREATE / DROP / ALTER

    @Test
    void createTableWithColumnsAndConstraints() {
        CreateTable c = statement("""
                CREATE OR REPLACE TEMP TABLE IF NOT EXISTS s.t (
                  id INTEGER PRIMARY KEY,
                  name VARCHAR(20) NOT NULL DEFAULT 'x',
                  price DECIMAL(10, 2) CHECK (price > 0) NULL,
                  code CHAR(3) UNIQUE,
                  parent INT REFERENCES other (id) ON DELETE CASCADE,
                  CONSTRAINT pk PRIMARY KEY (id, name),
                  UNIQUE (code),
                  CHECK (price < 1000),
                  FOREIGN KEY (parent) REFERENCES other (id)
                )""", CreateTable.class);
        assertThat(c.orReplace()).isTrue();
        assertThat(c.temporary()).isTrue();
        assertThat(c.ifNotExists()).isTrue();
        assertThat(c.asQuery()).isNull();
        assertThat(c.columns()).extracting(col -> col.name().value()).containsExactly("id", "name", "price", "code", "parent");
        ColumnDefinition name = c.columns().get(1);
        assertThat(name.type().name()).isEqualTo("VARCHAR");
        assertThat(name.type().parameters()).containsExactly(20);
        assertThat(name.constraints()).extracting(k -> k.kind())
                .containsExactly(ColumnConstraintKind.NOT_NULL, ColumnConstraintKind.DEFAULT);
        assertThat(name.constraints().get(1).expression()).isInstanceOf(StringLiteral.class);
        assertThat(c.columns().get(2).constraints()).extracting(k -> k.kind())
                .containsExactly(ColumnConstraintKind.CHECK, ColumnConstraintKind.NULL);
        assertThat(c.columns().get(4).constraints().get(0).references().table().toString()).isEqualTo("other");
        assertThat(c.constraints()).extracting(k -> k.kind()).containsExactly(TableConstraintKind.PRIMARY_KEY,
                TableConstraintKind.UNIQUE, TableConstraintKind.CHECK, TableConstraintKind.FOREIGN_KEY);
        assertThat(c.constraints().get(0).name().value()).isEqualTo("pk");
        assertThat(c.constraints().get(0).columns()).hasSize(2);
    }

    @Test
    void columnNamesMayBeUnreservedKeywords() {
        CreateTable c = statement("CREATE TABLE t (year INT, date DATE, name TEXT, value DOUBLE, type VARCHAR, key BIGINT)",
                CreateTable.class);
        assertThat(c.columns()).extracting(col -> col.name().value())
                .containsExactly("year", "date", "name", "value", "type", "key");
    }

    @Test
    void columnTypes() {
        CreateTable c = statement("CREATE TABLE t (a BOOL, b INT1, c SMALLINT, d INT4, e BIGINT, f FLOAT4, "
                + "g DOUBLE PRECISION, h NUMERIC(18), i STRING, j CHARACTER VARYING(10), k TIMESTAMP WITHOUT TIME ZONE, "
                + "l DATETIME, m INTERVAL, n HUGEINT, o UBIGINT, p INTEGER[])", CreateTable.class);
        assertThat(c.columns()).extracting(col -> col.type().toString()).containsExactly("BOOL", "INT1", "SMALLINT",
                "INT4", "BIGINT", "FLOAT4", "DOUBLE", "NUMERIC(18)", "STRING", "VARCHAR(10)", "TIMESTAMP",
                "DATETIME", "INTERVAL", "HUGEINT", "UBIGINT", "INTEGER[]");
        assertThat(c.columns().get(15).type().arrayDepth()).isEqualTo(1);
    }

    @Test
    void createTableAs() {
        CreateTable c = statement("CREATE TABLE t AS SELECT 1 AS a", CreateTable.class);
        assertThat(c.asQuery()).isNotNull();
        assertThat(c.columns()).isEmpty();
        assertThat(sql("CREATE OR REPLACE TABLE t AS FROM 'f.csv'")).isEqualTo("CREATE OR REPLACE TABLE t AS SELECT * FROM 'f.csv'");
    }

    @Test
    void createView() {
        CreateView v = statement("CREATE OR REPLACE VIEW v (a, b) AS SELECT 1, 2 -- trailing\n;", CreateView.class);
        assertThat(v.orReplace()).isTrue();
        assertThat(v.columns()).hasSize(2);
        assertThat(v.queryText()).isEqualTo("SELECT 1, 2");
        assertThat(statement("CREATE TEMPORARY VIEW IF NOT EXISTS v AS\n  SELECT *\n  FROM t", CreateView.class).queryText())
                .isEqualTo("SELECT *\n  FROM t");
    }

    @Test
    void createSchemaAndIndex() {
        CreateSchema s = statement("CREATE SCHEMA IF NOT EXISTS analytics", CreateSchema.class);
        assertThat(s.ifNotExists()).isTrue();
        assertThat(s.name().toString()).isEqualTo("analytics");
        CreateIndex i = statement("CREATE UNIQUE INDEX IF NOT EXISTS idx ON s.t USING art (a, b DESC)", CreateIndex.class);
        assertThat(i.unique()).isTrue();
        assertThat(i.name().value()).isEqualTo("idx");
        assertThat(i.columns()).hasSize(2);
    }

    @Test
    void drop() {
        Drop d = statement("DROP TABLE IF EXISTS a, s.b CASCADE", Drop.class);
        assertThat(d.objectType()).isEqualTo(ObjectType.TABLE);
        assertThat(d.ifExists()).isTrue();
        assertThat(d.names()).hasSize(2);
        assertThat(d.cascade()).isTrue();
        assertThat(statement("DROP VIEW v RESTRICT", Drop.class).cascade()).isFalse();
        assertThat(statement("DROP SCHEMA s", Drop.class).objectType()).isEqualTo(ObjectType.SCHEMA);
        assertThat(statement("DROP INDEX i", Drop.class).objectType()).isEqualTo(ObjectType.INDEX);
    }

    @Test
    void alterTableActions() {
        AddColumn add = (AddColumn) statement("ALTER TABLE t ADD COLUMN IF NOT EXISTS c INT NOT NULL DEFAULT 0",
                AlterTable.class).action();
        assertThat(add.ifNotExists()).isTrue();
        assertThat(add.column().constraints()).hasSize(2);
        assertThat(statement("ALTER TABLE t ADD c INT", AlterTable.class).action()).isInstanceOf(AddColumn.class);
        DropColumn drop = (DropColumn) statement("ALTER TABLE IF EXISTS t DROP COLUMN IF EXISTS c CASCADE",
                AlterTable.class).action();
        assertThat(drop.ifExists()).isTrue();
        assertThat(drop.cascade()).isTrue();
        assertThat(statement("ALTER TABLE t DROP c", AlterTable.class).action()).isInstanceOf(DropColumn.class);
        RenameColumn rename = (RenameColumn) statement("ALTER TABLE t RENAME COLUMN a TO b", AlterTable.class).action();
        assertThat(rename.from().value()).isEqualTo("a");
        assertThat(rename.to().value()).isEqualTo("b");
        assertThat(statement("ALTER TABLE t RENAME a TO b", AlterTable.class).action()).isInstanceOf(RenameColumn.class);
        assertThat(((RenameTable) statement("ALTER TABLE t RENAME TO u", AlterTable.class).action()).newName().value())
                .isEqualTo("u");
        AlterColumnType type = (AlterColumnType) statement("ALTER TABLE t ALTER COLUMN c SET DATA TYPE BIGINT USING c * 2",
                AlterTable.class).action();
        assertThat(type.type().name()).isEqualTo("BIGINT");
        assertThat(type.using()).isNotNull();
        assertThat(statement("ALTER TABLE t ALTER c TYPE VARCHAR", AlterTable.class).action())
                .isInstanceOf(AlterColumnType.class);
        assertThat(statement("ALTER TABLE t ALTER COLUMN c SET DEFAULT 1", AlterTable.class).action())
                .isInstanceOf(SetColumnDefault.class);
        assertThat(statement("ALTER TABLE t ALTER COLUMN c DROP DEFAULT", AlterTable.class).action())
                .isInstanceOf(DropColumnDefault.class);
        assertThat(statement("ALTER TABLE t ALTER COLUMN c SET NOT NULL", AlterTable.class).action())
                .isInstanceOf(SetColumnNotNull.class);
        assertThat(statement("ALTER TABLE t ALTER COLUMN c DROP NOT NULL", AlterTable.class).action())
                .isInstanceOf(DropColumnNotNull.class);
    }

    // ---------------------------------------------------------------- utility statements

    @Test
    void explain() {
        Explain e = statement("EXPLAIN ANALYZE SELECT 1", Explain.class);
        assertThat(e.analyze()).isTrue();
        assertThat(e.statement()).isInstanceOf(Query.class);
        assertThat(statement("EXPLAIN INSERT INTO t VALUES (1)", Explain.class).statement()).isInstanceOf(Insert.class);
    }

    @Test
    void describeAndShow() {
        Describe table = statement("DESCRIBE s.t", Describe.class);
        assertThat(table.table().toString()).isEqualTo("s.t");
        assertThat(table.query()).isNull();
        Describe query = statement("DESCRIBE SELECT 1 AS a", Describe.class);
        assertThat(query.table()).isNull();
        assertThat(query.query()).isNotNull();
        assertThat(sql("DESC 'f.csv'")).isEqualTo("DESCRIBE SELECT * FROM 'f.csv'");
        assertThat(sql("DESCRIBE range(3)")).isEqualTo("DESCRIBE SELECT * FROM range(3)");
        assertThat(statement("SHOW t", Describe.class).table().toString()).isEqualTo("t");
        assertThat(statement("DESCRIBE TABLE t", Describe.class).table().toString()).isEqualTo("t");
        ShowTables tables = statement("SHOW TABLES", ShowTables.class);
        assertThat(tables.all()).isFalse();
        assertThat(statement("SHOW ALL TABLES", ShowTables.class).all()).isTrue();
        assertThat(statement("SHOW TABLES FROM s", ShowTables.class).schema().toString()).isEqualTo("s");
    }

    @Test
    void summarize() {
        assertThat(sql("SUMMARIZE t")).isEqualTo("SUMMARIZE SELECT * FROM t");
        assertThat(sql("SUMMARIZE TABLE t")).isEqualTo("SUMMARIZE SELECT * FROM t");
        assertThat(sql("SUMMARIZE 'stops.csv.zip'")).isEqualTo("SUMMARIZE SELECT * FROM 'stops.csv.zip'");
        assertThat(statement("SUMMARIZE SELECT a FROM t", Summarize.class).query()).isNotNull();
    }

    @Test
    void setAndReset() {
        SetVariable s = statement("SET threads = 4", SetVariable.class);
        assertThat(s.name().toString()).isEqualTo("threads");
        assertThat(s.scope()).isEqualTo(SetScope.DEFAULT);
        assertThat(sql("SET SESSION search_path TO main")).isEqualTo("SET SESSION search_path = 'main'");
        assertThat(sql("SET GLOBAL memory_limit = '1GB'")).isEqualTo("SET GLOBAL memory_limit = '1GB'");
        assertThat(sql("SET enable_progress_bar = false")).isEqualTo("SET enable_progress_bar = FALSE");
        assertThat(sql("SET x TO DEFAULT")).isEqualTo("SET x = DEFAULT");
        assertThat(sql("SET TIME ZONE 'UTC'")).isEqualTo("SET timezone = 'UTC'");
        ResetVariable r = statement("RESET threads", ResetVariable.class);
        assertThat(r.name().toString()).isEqualTo("threads");
        assertThat(statement("RESET ALL", ResetVariable.class).name().toString()).isEqualTo("all");
    }

    @Test
    void pragma() {
        Pragma p = statement("PRAGMA table_info('t')", Pragma.class);
        assertThat(p.name().value()).isEqualTo("table_info");
        assertThat(p.arguments()).hasSize(1);
        assertThat(p.assignment()).isFalse();
        assertThat(sql("PRAGMA table_info(t)")).isEqualTo("PRAGMA table_info('t')");
        Pragma set = statement("PRAGMA threads = 2", Pragma.class);
        assertThat(set.assignment()).isTrue();
        assertThat(statement("PRAGMA version", Pragma.class).arguments()).isEmpty();
    }

    @Test
    void transactions() {
        assertThat(statement("BEGIN", TransactionStatement.class).kind()).isEqualTo(TransactionKind.BEGIN);
        assertThat(statement("BEGIN TRANSACTION", TransactionStatement.class).kind()).isEqualTo(TransactionKind.BEGIN);
        assertThat(statement("START TRANSACTION", TransactionStatement.class).kind()).isEqualTo(TransactionKind.BEGIN);
        assertThat(statement("COMMIT", TransactionStatement.class).kind()).isEqualTo(TransactionKind.COMMIT);
        assertThat(statement("END TRANSACTION", TransactionStatement.class).kind()).isEqualTo(TransactionKind.COMMIT);
        assertThat(statement("ROLLBACK", TransactionStatement.class).kind()).isEqualTo(TransactionKind.ROLLBACK);
        assertThat(statement("ABORT", TransactionStatement.class).kind()).isEqualTo(TransactionKind.ROLLBACK);
    }

    @Test
    void checkpoint() {
        assertThat(statement("CHECKPOINT", Checkpoint.class).force()).isFalse();
        assertThat(statement("FORCE CHECKPOINT", Checkpoint.class).force()).isTrue();
    }

    @Test
    void copy() {
        Copy to = statement("COPY t TO 'out.csv' (FORMAT csv, HEADER true, DELIMITER ',')", Copy.class);
        assertThat(to.direction()).isEqualTo(CopyDirection.TO);
        assertThat(to.table().toString()).isEqualTo("t");
        assertThat(to.path()).isEqualTo("out.csv");
        assertThat(to.options()).extracting(o -> o.name().value()).containsExactly("FORMAT", "HEADER", "DELIMITER");
        assertThat(((StringLiteral) to.options().get(0).value()).value()).isEqualTo("csv");
        Copy from = statement("COPY t (a, b) FROM 'in.csv' (HEADER)", Copy.class);
        assertThat(from.direction()).isEqualTo(CopyDirection.FROM);
        assertThat(from.columns()).hasSize(2);
        assertThat(from.options().get(0).value()).isNull();
        Copy query = statement("COPY (SELECT * FROM t) TO 'out.parquet' WITH (FORMAT parquet, PARTITION_BY (a, b))",
                Copy.class);
        assertThat(query.query()).isNotNull();
        assertThat(query.table()).isNull();
        assertThat(query.options().get(1).value()).isInstanceOf(RowConstructor.class);
        assertThat(sql("COPY t FROM 'f.csv' (DELIMITER '|', NULL 'NA', QUOTE '\"')"))
                .isEqualTo("COPY t FROM 'f.csv' (DELIMITER '|', \"NULL\" 'NA', QUOTE '\"')");
        assertThat(statement("COPY t FROM 'f.csv' CSV HEADER", Copy.class).options()).hasSize(2);
    }

    @Test
    void call() {
        Call c = statement("CALL pragma_table_info('t')", Call.class);
        assertThat(c.name().toString()).isEqualTo("pragma_table_info");
        assertThat(c.arguments()).hasSize(1);
    }

    @Test
    void statementsCarryTheirStartPosition() {
        List<Statement> statements = SqlParser.parse("SELECT 1;\n  DROP TABLE t");
        assertThat(statements.get(1).position().line()).isEqualTo(2);
        assertThat(statements.get(1).position().column()).isEqualTo(3);
    }
}
