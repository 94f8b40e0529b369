package dev.mallard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DatabaseMetaData answers built from the catalog, as a tool like DBeaver asks for them. */
class DatabaseMetaDataTest {
    private Connection conn;
    private DatabaseMetaData md;

    @BeforeEach
    void open() throws SQLException {
        conn = DriverManager.getConnection("jdbc:mallard:");
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name VARCHAR NOT NULL UNIQUE, score DECIMAL(5,2) DEFAULT 0)");
            s.execute("CREATE SCHEMA s2");
            s.execute("CREATE TABLE s2.orders (order_id BIGINT, placed DATE)");
            s.execute("CREATE VIEW top_people AS SELECT name, score * 2 AS doubled FROM people");
        }
        md = conn.getMetaData();
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    /** Rows of the given columns, each row joined with "|". */
    private static List<String> rows(ResultSet rs, String... columns) throws SQLException {
        List<String> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (String c : columns) sb.append(sb.isEmpty() ? "" : "|").append(rs.getString(c));
                out.add(sb.toString());
            }
        }
        return out;
    }

    @Test
    void tables() throws SQLException {
        assertThat(rows(md.getTables(null, null, "%", null), "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE"))
                .containsExactly("main|people|TABLE", "s2|orders|TABLE", "main|top_people|VIEW");
        assertThat(rows(md.getTables(null, null, null, new String[] {"VIEW"}), "TABLE_NAME")).containsExactly("top_people");
        assertThat(rows(md.getTables(null, "s_", "%", null), "TABLE_NAME")).containsExactly("orders");
        assertThat(rows(md.getTables(null, null, "PEO%", new String[] {"TABLE"}), "TABLE_NAME")).containsExactly("people");
        assertThat(rows(md.getTables(null, null, "top\\_people", null), "TABLE_NAME")).containsExactly("top_people");
        assertThat(rows(md.getTables("other_catalog", null, "%", null), "TABLE_NAME")).isEmpty();
        assertThat(rows(md.getTableTypes(), "TABLE_TYPE")).containsExactly("TABLE", "VIEW");
    }

    @Test
    void tableColumns() throws SQLException {
        assertThat(rows(md.getColumns(null, "main", "people", null), "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE",
                "DECIMAL_DIGITS", "NULLABLE", "IS_NULLABLE", "ORDINAL_POSITION"))
                .containsExactly("id|" + Types.INTEGER + "|INTEGER|10|0|0|NO|1",
                        "name|" + Types.VARCHAR + "|VARCHAR|" + Integer.MAX_VALUE + "|null|0|NO|2",
                        "score|" + Types.DECIMAL + "|DECIMAL(5,2)|5|2|1|YES|3");
        try (ResultSet rs = md.getColumns(null, null, "people", "score")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("COLUMN_DEF")).isNotNull();
            assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.DECIMAL);
            assertThat(rs.next()).isFalse();
        }
        assertThat(rows(md.getColumns(null, "s2", "%", "%"), "TABLE_NAME", "COLUMN_NAME", "TYPE_NAME"))
                .containsExactly("orders|order_id|BIGINT", "orders|placed|DATE");
    }

    @Test
    void viewColumnsAreBound() throws SQLException {
        assertThat(rows(md.getColumns(null, null, "top_people", null), "COLUMN_NAME", "DATA_TYPE", "NULLABLE"))
                .containsExactly("name|" + Types.VARCHAR + "|2", "doubled|" + Types.DECIMAL + "|2");
    }

    @Test
    void keysAndIndexes() throws SQLException {
        assertThat(rows(md.getPrimaryKeys(null, null, "people"), "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"))
                .containsExactly("people|id|1|people_pkey");
        assertThat(rows(md.getPrimaryKeys(null, null, "orders"), "COLUMN_NAME")).isEmpty();
        assertThat(rows(md.getIndexInfo(null, null, "people", false, true), "INDEX_NAME", "NON_UNIQUE", "COLUMN_NAME"))
                .containsExactlyInAnyOrder("people_pkey|false|id", "people_name_key|false|name");
        assertThat(rows(md.getBestRowIdentifier(null, null, "people", DatabaseMetaData.bestRowSession, false), "COLUMN_NAME"))
                .containsExactly("id");
        try (ResultSet rs = md.getImportedKeys(null, null, "people")) {
            assertThat(rs.getMetaData().getColumnCount()).isEqualTo(14);
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void schemasCatalogsAndTypes() throws SQLException {
        assertThat(rows(md.getSchemas(), "TABLE_SCHEM")).containsExactly("main", "s2");
        assertThat(rows(md.getSchemas(null, "s%"), "TABLE_SCHEM")).containsExactly("s2");
        assertThat(rows(md.getCatalogs(), "TABLE_CAT")).isEmpty();
        assertThat(rows(md.getTypeInfo(), "TYPE_NAME")).contains("BOOLEAN", "INTEGER", "BIGINT", "DECIMAL", "VARCHAR", "DATE", "TIMESTAMP");
        try (ResultSet rs = md.getTypeInfo()) {
            assertThat(rs.getMetaData().getColumnCount()).isEqualTo(18);
        }
    }

    @Test
    void productAndCapabilities() throws SQLException {
        assertThat(md.getDatabaseProductName()).isEqualTo("Mallard");
        assertThat(md.getDatabaseProductVersion()).isNotBlank();
        assertThat(md.getDriverName()).contains("Mallard");
        assertThat(md.getIdentifierQuoteString()).isEqualTo("\"");
        assertThat(md.getURL()).isEqualTo("jdbc:mallard:");
        assertThat(md.getConnection()).isSameAs(conn);
        assertThat(md.supportsTransactions()).isTrue();
        assertThat(md.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY)).isTrue();
        assertThat(md.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE)).isFalse();
        assertThat(md.supportsBatchUpdates()).isTrue();
        assertThat(md.storesMixedCaseIdentifiers()).isTrue();
    }
}
