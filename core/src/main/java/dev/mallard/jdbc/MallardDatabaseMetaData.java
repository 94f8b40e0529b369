package dev.mallard.jdbc;

import dev.mallard.catalog.CatalogEntry;
import dev.mallard.catalog.ColumnDefinition;
import dev.mallard.catalog.TableEntry;
import dev.mallard.catalog.UniqueConstraint;
import dev.mallard.catalog.ViewEntry;
import dev.mallard.engine.QueryResult;
import dev.mallard.engine.StatementResult;
import dev.mallard.engine.Version;
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a tool (DBeaver, IntelliJ, a reporting tool) asks about the database, answered from the
 * catalog. Mallard has schemas but no catalogs: {@code TABLE_CAT} is always null and a non-empty
 * catalog argument matches nothing. Result layouts follow the {@link DatabaseMetaData} javadoc
 * column for column.
 */
final class MallardDatabaseMetaData implements DatabaseMetaData {
    private static final String TABLE = "TABLE";
    private static final String VIEW = "VIEW";

    private final MallardConnection connection;

    MallardDatabaseMetaData(MallardConnection connection) {
        this.connection = connection;
    }

    private List<CatalogEntry> entries() throws SQLException {
        connection.checkOpen();
        return connection.context().catalog().entries();
    }

    /** Mallard has no catalogs: null ("do not filter") and "" ("without a catalog") match, names do not. */
    private static boolean catalogMatches(String catalog) {
        return catalog == null || catalog.isEmpty();
    }

    private static final Comparator<CatalogEntry> BY_SCHEMA_AND_NAME = Comparator
            .comparing((CatalogEntry e) -> e.schema().toLowerCase(Locale.ROOT))
            .thenComparing(e -> e.name().toLowerCase(Locale.ROOT));

    // ---- tables and columns ---------------------------------------------------------------------

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types) throws SQLException {
        MetadataTable t = MetadataTable.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS", "TYPE_CAT",
                "TYPE_SCHEM", "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION");
        Set<String> wanted = types == null ? null
                : Arrays.stream(types).filter(s -> s != null).map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        if (catalogMatches(catalog)) {
            NamePattern schemas = NamePattern.of(schemaPattern);
            NamePattern names = NamePattern.of(tableNamePattern);
            List<CatalogEntry> matching = new ArrayList<>();
            for (CatalogEntry e : entries()) {
                if (schemas.matches(e.schema()) && names.matches(e.name()) && (wanted == null || wanted.contains(tableType(e)))) {
                    matching.add(e);
                }
            }
            matching.sort(Comparator.comparing(MallardDatabaseMetaData::tableType).thenComparing(BY_SCHEMA_AND_NAME));
            for (CatalogEntry e : matching) t.row(null, e.schema(), e.name(), tableType(e), null, null, null, null, null, null);
        }
        return t.toResultSet();
    }

    private static String tableType(CatalogEntry e) {
        return switch (e) {
            case TableEntry t -> TABLE;
            case ViewEntry v -> VIEW;
        };
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        return MetadataTable.of("TABLE_TYPE").row(TABLE).row(VIEW).toResultSet();
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
            throws SQLException {
        MetadataTable t = MetadataTable.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE:INTEGER",
                "TYPE_NAME", "COLUMN_SIZE:INTEGER", "BUFFER_LENGTH:INTEGER", "DECIMAL_DIGITS:INTEGER", "NUM_PREC_RADIX:INTEGER",
                "NULLABLE:INTEGER", "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE:INTEGER", "SQL_DATETIME_SUB:INTEGER",
                "CHAR_OCTET_LENGTH:INTEGER", "ORDINAL_POSITION:INTEGER", "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA",
                "SCOPE_TABLE", "SOURCE_DATA_TYPE:SMALLINT", "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN");
        if (!catalogMatches(catalog)) return t.toResultSet();
        NamePattern schemas = NamePattern.of(schemaPattern);
        NamePattern tables = NamePattern.of(tableNamePattern);
        NamePattern columns = NamePattern.of(columnNamePattern);
        List<CatalogEntry> matching = new ArrayList<>(entries().stream()
                .filter(e -> schemas.matches(e.schema()) && tables.matches(e.name())).toList());
        matching.sort(BY_SCHEMA_AND_NAME);
        for (CatalogEntry e : matching) {
            List<ColumnInfo> cols = switch (e) {
                case TableEntry table -> tableColumns(table);
                case ViewEntry view -> viewColumns(view);
            };
            for (int i = 0; i < cols.size(); i++) {
                ColumnInfo c = cols.get(i);
                if (!columns.matches(c.name())) continue;
                LogicalType type = c.type();
                boolean known = type != null && type.id() != TypeId.NULL;
                int precision = known ? JdbcTypes.precision(type) : 0;
                t.row(null, e.schema(), e.name(), c.name(),
                        known ? JdbcTypes.sqlType(type) : Types.OTHER,
                        known ? type.toString() : "UNKNOWN",
                        precision == 0 ? null : precision,
                        null,
                        known && (type.isNumeric() || type.id() == TypeId.TIMESTAMP) ? JdbcTypes.scale(type) : null,
                        known ? JdbcTypes.radix(type) : null,
                        c.nullable(),
                        null,
                        c.defaultSql(),
                        null,
                        null,
                        known && type.id() == TypeId.VARCHAR ? JdbcTypes.UNBOUNDED : null,
                        i + 1,
                        switch (c.nullable()) {
                            case columnNoNulls -> "NO";
                            case columnNullable -> "YES";
                            default -> "";
                        },
                        null, null, null, null, "NO", "NO");
            }
        }
        return t.toResultSet();
    }

    /** A column as getColumns reports it; {@code type} null when unknown. */
    private record ColumnInfo(String name, LogicalType type, int nullable, String defaultSql) {}

    private static List<ColumnInfo> tableColumns(TableEntry table) {
        UniqueConstraint pk = table.primaryKey();
        List<ColumnInfo> out = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            ColumnDefinition c = table.columns().get(i);
            boolean notNull = c.notNull() || pk != null && pk.columns().contains(i);
            out.add(new ColumnInfo(c.name(), c.type(), notNull ? columnNoNulls : columnNullable, c.defaultSql()));
        }
        return out;
    }

    /**
     * A view's columns need binding its query; DESCRIBE does that without running it. A view that
     * no longer binds (a table it reads was dropped) reports its declared aliases with unknown types.
     */
    private List<ColumnInfo> viewColumns(ViewEntry view) throws SQLException {
        List<ColumnInfo> out = new ArrayList<>();
        try {
            StatementResult r = connection.runInternal("DESCRIBE " + quote(view.schema()) + "." + quote(view.name()));
            if (r instanceof QueryResult q) {
                try (MallardResultSet rows = new MallardResultSet(null, connection.lock(), q, 0, 0)) {
                    while (rows.next()) {
                        out.add(new ColumnInfo(rows.getString(1), JdbcTypes.parse(rows.getString(2)), columnNullableUnknown, null));
                    }
                }
                return out;
            }
        } catch (SQLException e) {
            if (connection.isClosed()) throw e;
        }
        for (String alias : view.columnAliases()) out.add(new ColumnInfo(alias, null, columnNullableUnknown, null));
        return out;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private List<TableEntry> tables(String catalog, String schema, String table) throws SQLException {
        List<TableEntry> out = new ArrayList<>();
        if (!catalogMatches(catalog)) return out;
        for (CatalogEntry e : entries()) {
            if (e instanceof TableEntry t && NamePattern.sameName(schema, t.schema()) && NamePattern.sameName(table, t.name())) out.add(t);
        }
        out.sort(BY_SCHEMA_AND_NAME);
        return out;
    }

    private static String constraintName(TableEntry t, UniqueConstraint u) {
        if (u.primaryKey()) return t.name() + "_pkey";
        StringBuilder sb = new StringBuilder(t.name());
        for (int c : u.columns()) sb.append('_').append(t.columns().get(c).name());
        return sb.append("_key").toString();
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        MetadataTable out = MetadataTable.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ:SMALLINT", "PK_NAME");
        record Row(TableEntry table, String column, int seq, String name) {}
        List<Row> rows = new ArrayList<>();
        for (TableEntry t : tables(catalog, schema, table)) {
            UniqueConstraint pk = t.primaryKey();
            if (pk == null) continue;
            for (int k = 0; k < pk.columns().size(); k++) {
                rows.add(new Row(t, t.columns().get(pk.columns().get(k)).name(), k + 1, constraintName(t, pk)));
            }
        }
        // The JDBC javadoc orders primary key columns by COLUMN_NAME (KEY_SEQ gives the key order).
        rows.sort(Comparator.comparing((Row r) -> r.table().schema()).thenComparing(r -> r.table().name()).thenComparing(Row::column));
        for (Row r : rows) out.row(null, r.table().schema(), r.table().name(), r.column(), r.seq(), r.name());
        return out.toResultSet();
    }

    /** PRIMARY KEY and UNIQUE constraints are Mallard's indexes; all are unique. */
    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate) throws SQLException {
        MetadataTable out = MetadataTable.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE:BOOLEAN", "INDEX_QUALIFIER",
                "INDEX_NAME", "TYPE:SMALLINT", "ORDINAL_POSITION:SMALLINT", "COLUMN_NAME", "ASC_OR_DESC", "CARDINALITY:BIGINT",
                "PAGES:BIGINT", "FILTER_CONDITION");
        for (TableEntry t : tables(catalog, schema, table)) {
            List<UniqueConstraint> uniques = new ArrayList<>(t.uniques());
            uniques.sort(Comparator.comparing(u -> constraintName(t, u)));
            for (UniqueConstraint u : uniques) {
                for (int k = 0; k < u.columns().size(); k++) {
                    out.row(null, t.schema(), t.name(), false, null, constraintName(t, u), (int) tableIndexOther, k + 1,
                            t.columns().get(u.columns().get(k)).name(), "A", null, null, null);
                }
            }
        }
        return out.toResultSet();
    }

    /** The primary key identifies a row; tables without one have no best row identifier. */
    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable) throws SQLException {
        MetadataTable out = MetadataTable.of("SCOPE:SMALLINT", "COLUMN_NAME", "DATA_TYPE:INTEGER", "TYPE_NAME", "COLUMN_SIZE:INTEGER",
                "BUFFER_LENGTH:INTEGER", "DECIMAL_DIGITS:SMALLINT", "PSEUDO_COLUMN:SMALLINT");
        for (TableEntry t : tables(catalog, schema, table)) {
            UniqueConstraint pk = t.primaryKey();
            if (pk == null) continue;
            for (int c : pk.columns()) {
                LogicalType type = t.columns().get(c).type();
                out.row(bestRowSession, t.columns().get(c).name(), JdbcTypes.sqlType(type), type.toString(),
                        JdbcTypes.precision(type), null, JdbcTypes.scale(type), bestRowNotPseudo);
            }
        }
        return out.toResultSet();
    }

    private static MetadataTable keyColumns() {
        return MetadataTable.of("PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_CAT", "FKTABLE_SCHEM",
                "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ:SMALLINT", "UPDATE_RULE:SMALLINT", "DELETE_RULE:SMALLINT", "FK_NAME",
                "PK_NAME", "DEFERRABILITY:SMALLINT");
    }

    // The catalog does not record foreign keys yet: no table has any.
    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        return keyColumns().toResultSet();
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        return keyColumns().toResultSet();
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable, String foreignCatalog,
                                       String foreignSchema, String foreignTable) throws SQLException {
        return keyColumns().toResultSet();
    }

    // ---- schemas, catalogs, types -----------------------------------------------------------------

    @Override
    public ResultSet getSchemas() throws SQLException {
        return getSchemas(null, null);
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        MetadataTable t = MetadataTable.of("TABLE_SCHEM", "TABLE_CATALOG");
        if (catalogMatches(catalog)) {
            connection.checkOpen();
            NamePattern p = NamePattern.of(schemaPattern);
            connection.context().catalog().schemaNames().stream()
                    .filter(p::matches).sorted(String.CASE_INSENSITIVE_ORDER).forEach(s -> t.row(s, null));
        }
        return t.toResultSet();
    }

    @Override
    public ResultSet getCatalogs() throws SQLException {
        return MetadataTable.of("TABLE_CAT").toResultSet();
    }

    @Override
    public ResultSet getTypeInfo() throws SQLException {
        MetadataTable t = MetadataTable.of("TYPE_NAME", "DATA_TYPE:INTEGER", "PRECISION:INTEGER", "LITERAL_PREFIX", "LITERAL_SUFFIX",
                "CREATE_PARAMS", "NULLABLE:SMALLINT", "CASE_SENSITIVE:BOOLEAN", "SEARCHABLE:SMALLINT", "UNSIGNED_ATTRIBUTE:BOOLEAN",
                "FIXED_PREC_SCALE:BOOLEAN", "AUTO_INCREMENT:BOOLEAN", "LOCAL_TYPE_NAME", "MINIMUM_SCALE:SMALLINT",
                "MAXIMUM_SCALE:SMALLINT", "SQL_DATA_TYPE:INTEGER", "SQL_DATETIME_SUB:INTEGER", "NUM_PREC_RADIX:INTEGER");
        List<LogicalType> types = new ArrayList<>();
        for (TypeId id : TypeId.values()) {
            if (id != TypeId.NULL) types.add(id == TypeId.DECIMAL ? LogicalType.decimal(LogicalType.MAX_DECIMAL_PRECISION, 0) : LogicalType.of(id));
        }
        types.sort(Comparator.comparingInt(JdbcTypes::sqlType));
        for (LogicalType type : types) {
            TypeId id = type.id();
            String prefix = switch (id) {
                case VARCHAR -> "'";
                case DATE -> "DATE '";
                case TIMESTAMP -> "TIMESTAMP '";
                case INTERVAL -> "INTERVAL '";
                default -> null;
            };
            boolean decimal = id == TypeId.DECIMAL;
            t.row(id.name(), JdbcTypes.sqlType(type), decimal ? LogicalType.MAX_DECIMAL_PRECISION : JdbcTypes.precision(type),
                    prefix, prefix == null ? null : "'", decimal ? "precision,scale" : null, typeNullable,
                    id == TypeId.VARCHAR, typeSearchable, !type.isNumeric(), decimal, false, id.name(), 0,
                    decimal ? LogicalType.MAX_DECIMAL_PRECISION : JdbcTypes.scale(type), null, null, JdbcTypes.radix(type));
        }
        return t.toResultSet();
    }

    @Override
    public ResultSet getClientInfoProperties() throws SQLException {
        return MetadataTable.of("NAME", "MAX_LEN:INTEGER", "DEFAULT_VALUE", "DESCRIPTION")
                .row("ApplicationName", 1024, null, "the name of the application using the connection")
                .row("ClientHostname", 1024, null, "the host the application runs on")
                .row("ClientUser", 1024, null, "the user of the application")
                .toResultSet();
    }

    // Objects Mallard has none of: correctly shaped, empty results.

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern) throws SQLException {
        return MetadataTable.of("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "RESERVED1", "RESERVED2", "RESERVED3",
                "REMARKS", "PROCEDURE_TYPE:SMALLINT", "SPECIFIC_NAME").toResultSet();
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern, String columnNamePattern)
            throws SQLException {
        return MetadataTable.of("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "COLUMN_NAME", "COLUMN_TYPE:SMALLINT",
                "DATA_TYPE:INTEGER", "TYPE_NAME", "PRECISION:INTEGER", "LENGTH:INTEGER", "SCALE:SMALLINT", "RADIX:SMALLINT",
                "NULLABLE:SMALLINT", "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE:INTEGER", "SQL_DATETIME_SUB:INTEGER",
                "CHAR_OCTET_LENGTH:INTEGER", "ORDINAL_POSITION:INTEGER", "IS_NULLABLE", "SPECIFIC_NAME").toResultSet();
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern) throws SQLException {
        return MetadataTable.of("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "REMARKS", "FUNCTION_TYPE:SMALLINT",
                "SPECIFIC_NAME").toResultSet();
    }

    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern, String columnNamePattern)
            throws SQLException {
        return MetadataTable.of("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "COLUMN_NAME", "COLUMN_TYPE:SMALLINT",
                "DATA_TYPE:INTEGER", "TYPE_NAME", "PRECISION:INTEGER", "LENGTH:INTEGER", "SCALE:SMALLINT", "RADIX:SMALLINT",
                "NULLABLE:SMALLINT", "REMARKS", "CHAR_OCTET_LENGTH:INTEGER", "ORDINAL_POSITION:INTEGER", "IS_NULLABLE",
                "SPECIFIC_NAME").toResultSet();
    }

    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern) throws SQLException {
        return MetadataTable.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "GRANTOR", "GRANTEE", "PRIVILEGE",
                "IS_GRANTABLE").toResultSet();
    }

    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
        return MetadataTable.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "GRANTOR", "GRANTEE", "PRIVILEGE", "IS_GRANTABLE")
                .toResultSet();
    }

    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
        return MetadataTable.of("SCOPE:SMALLINT", "COLUMN_NAME", "DATA_TYPE:INTEGER", "TYPE_NAME", "COLUMN_SIZE:INTEGER",
                "BUFFER_LENGTH:INTEGER", "DECIMAL_DIGITS:SMALLINT", "PSEUDO_COLUMN:SMALLINT").toResultSet();
    }

    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types) throws SQLException {
        return MetadataTable.of("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "CLASS_NAME", "DATA_TYPE:INTEGER", "REMARKS",
                "BASE_TYPE:SMALLINT").toResultSet();
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) throws SQLException {
        return MetadataTable.of("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SUPERTYPE_CAT", "SUPERTYPE_SCHEM", "SUPERTYPE_NAME")
                .toResultSet();
    }

    @Override
    public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
        return MetadataTable.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "SUPERTABLE_NAME").toResultSet();
    }

    @Override
    public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern, String attributeNamePattern)
            throws SQLException {
        return MetadataTable.of("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "ATTR_NAME", "DATA_TYPE:INTEGER", "ATTR_TYPE_NAME",
                "ATTR_SIZE:INTEGER", "DECIMAL_DIGITS:INTEGER", "NUM_PREC_RADIX:INTEGER", "NULLABLE:INTEGER", "REMARKS", "ATTR_DEF",
                "SQL_DATA_TYPE:INTEGER", "SQL_DATETIME_SUB:INTEGER", "CHAR_OCTET_LENGTH:INTEGER", "ORDINAL_POSITION:INTEGER",
                "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE", "SOURCE_DATA_TYPE:SMALLINT").toResultSet();
    }

    @Override
    public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
            throws SQLException {
        return MetadataTable.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE:INTEGER", "COLUMN_SIZE:INTEGER",
                "DECIMAL_DIGITS:INTEGER", "NUM_PREC_RADIX:INTEGER", "COLUMN_USAGE", "REMARKS", "CHAR_OCTET_LENGTH:INTEGER",
                "IS_NULLABLE").toResultSet();
    }

    // ---- product and driver -----------------------------------------------------------------------

    @Override public String getDatabaseProductName() { return "Mallard"; }
    @Override public String getDatabaseProductVersion() { return Version.VERSION; }
    @Override public int getDatabaseMajorVersion() { return Version.MAJOR; }
    @Override public int getDatabaseMinorVersion() { return Version.MINOR; }
    @Override public String getDriverName() { return MallardDriver.NAME; }
    @Override public String getDriverVersion() { return Version.VERSION; }
    @Override public int getDriverMajorVersion() { return Version.MAJOR; }
    @Override public int getDriverMinorVersion() { return Version.MINOR; }
    @Override public int getJDBCMajorVersion() { return 4; }
    @Override public int getJDBCMinorVersion() { return 3; }
    @Override public String getURL() { return connection.url(); }
    /** Mallard has no users; the JDBC javadoc allows an empty name. */
    @Override public String getUserName() { return ""; }
    @Override public Connection getConnection() { return connection; }
    @Override public boolean isReadOnly() { return false; }
    @Override public boolean usesLocalFiles() { return false; }
    @Override public boolean usesLocalFilePerTable() { return false; }

    // ---- identifiers and syntax ---------------------------------------------------------------------

    // Names keep the spelling they were created with and compare case-insensitively, quoted or not.
    @Override public boolean supportsMixedCaseIdentifiers() { return false; }
    @Override public boolean storesUpperCaseIdentifiers() { return false; }
    @Override public boolean storesLowerCaseIdentifiers() { return false; }
    @Override public boolean storesMixedCaseIdentifiers() { return true; }
    @Override public boolean supportsMixedCaseQuotedIdentifiers() { return false; }
    @Override public boolean storesUpperCaseQuotedIdentifiers() { return false; }
    @Override public boolean storesLowerCaseQuotedIdentifiers() { return false; }
    @Override public boolean storesMixedCaseQuotedIdentifiers() { return true; }
    @Override public String getIdentifierQuoteString() { return "\""; }
    @Override public String getSearchStringEscape() { return "\\"; }
    @Override public String getExtraNameCharacters() { return ""; }
    /** Mallard's keywords that are not SQL:2003 keywords. */
    @Override public String getSQLKeywords() {
        return "ANTI,ASOF,DESCRIBE,EXCLUDE,GLOB,ILIKE,PIVOT,PRAGMA,QUALIFY,REPLACE,SEMI,SHOW,SUMMARIZE,UNPIVOT";
    }
    // The function registry is still growing; tools fall back to their own lists when these are empty.
    @Override public String getNumericFunctions() { return ""; }
    @Override public String getStringFunctions() { return ""; }
    @Override public String getSystemFunctions() { return ""; }
    @Override public String getTimeDateFunctions() { return ""; }
    @Override public String getSchemaTerm() { return "schema"; }
    @Override public String getProcedureTerm() { return "procedure"; }
    @Override public String getCatalogTerm() { return "catalog"; }
    @Override public boolean isCatalogAtStart() { return true; }
    @Override public String getCatalogSeparator() { return "."; }
    @Override public int getSQLStateType() { return sqlStateSQL; }

    // ---- sorting and NULLs: ascending and descending orders put NULLs last, as DuckDB does ----
    @Override public boolean nullsAreSortedHigh() { return false; }
    @Override public boolean nullsAreSortedLow() { return false; }
    @Override public boolean nullsAreSortedAtStart() { return false; }
    @Override public boolean nullsAreSortedAtEnd() { return true; }
    @Override public boolean nullPlusNonNullIsNull() { return true; }

    // ---- SQL features ----
    @Override public boolean allProceduresAreCallable() { return true; }
    @Override public boolean allTablesAreSelectable() { return true; }
    @Override public boolean supportsAlterTableWithAddColumn() { return true; }
    @Override public boolean supportsAlterTableWithDropColumn() { return true; }
    @Override public boolean supportsColumnAliasing() { return true; }
    @Override public boolean supportsConvert() { return false; }
    @Override public boolean supportsConvert(int fromType, int toType) { return false; }
    @Override public boolean supportsTableCorrelationNames() { return true; }
    @Override public boolean supportsDifferentTableCorrelationNames() { return false; }
    @Override public boolean supportsExpressionsInOrderBy() { return true; }
    @Override public boolean supportsOrderByUnrelated() { return true; }
    @Override public boolean supportsGroupBy() { return true; }
    @Override public boolean supportsGroupByUnrelated() { return true; }
    @Override public boolean supportsGroupByBeyondSelect() { return true; }
    @Override public boolean supportsLikeEscapeClause() { return true; }
    @Override public boolean supportsMultipleResultSets() { return false; }
    @Override public boolean supportsMultipleTransactions() { return true; }
    @Override public boolean supportsNonNullableColumns() { return true; }
    @Override public boolean supportsMinimumSQLGrammar() { return true; }
    @Override public boolean supportsCoreSQLGrammar() { return false; }
    @Override public boolean supportsExtendedSQLGrammar() { return false; }
    @Override public boolean supportsANSI92EntryLevelSQL() { return true; }
    @Override public boolean supportsANSI92IntermediateSQL() { return false; }
    @Override public boolean supportsANSI92FullSQL() { return false; }
    @Override public boolean supportsIntegrityEnhancementFacility() { return false; }
    @Override public boolean supportsOuterJoins() { return true; }
    @Override public boolean supportsFullOuterJoins() { return true; }
    @Override public boolean supportsLimitedOuterJoins() { return true; }
    @Override public boolean supportsSchemasInDataManipulation() { return true; }
    @Override public boolean supportsSchemasInProcedureCalls() { return false; }
    @Override public boolean supportsSchemasInTableDefinitions() { return true; }
    @Override public boolean supportsSchemasInIndexDefinitions() { return true; }
    @Override public boolean supportsSchemasInPrivilegeDefinitions() { return false; }
    @Override public boolean supportsCatalogsInDataManipulation() { return false; }
    @Override public boolean supportsCatalogsInProcedureCalls() { return false; }
    @Override public boolean supportsCatalogsInTableDefinitions() { return false; }
    @Override public boolean supportsCatalogsInIndexDefinitions() { return false; }
    @Override public boolean supportsCatalogsInPrivilegeDefinitions() { return false; }
    @Override public boolean supportsPositionedDelete() { return false; }
    @Override public boolean supportsPositionedUpdate() { return false; }
    @Override public boolean supportsSelectForUpdate() { return false; }
    @Override public boolean supportsStoredProcedures() { return false; }
    @Override public boolean supportsSubqueriesInComparisons() { return true; }
    @Override public boolean supportsSubqueriesInExists() { return true; }
    @Override public boolean supportsSubqueriesInIns() { return true; }
    @Override public boolean supportsSubqueriesInQuantifieds() { return true; }
    @Override public boolean supportsCorrelatedSubqueries() { return true; }
    @Override public boolean supportsUnion() { return true; }
    @Override public boolean supportsUnionAll() { return true; }
    @Override public boolean supportsOpenCursorsAcrossCommit() { return false; }
    @Override public boolean supportsOpenCursorsAcrossRollback() { return false; }
    @Override public boolean supportsOpenStatementsAcrossCommit() { return true; }
    @Override public boolean supportsOpenStatementsAcrossRollback() { return true; }
    @Override public boolean supportsBatchUpdates() { return true; }
    @Override public boolean supportsSavepoints() { return false; }
    @Override public boolean supportsNamedParameters() { return false; }
    @Override public boolean supportsMultipleOpenResults() { return false; }
    @Override public boolean supportsGetGeneratedKeys() { return false; }
    @Override public boolean generatedKeyAlwaysReturned() { return false; }
    @Override public boolean supportsStatementPooling() { return false; }
    @Override public boolean supportsStoredFunctionsUsingCallSyntax() { return false; }
    @Override public boolean autoCommitFailureClosesAllResultSets() { return false; }
    @Override public boolean locatorsUpdateCopy() { return false; }
    @Override public RowIdLifetime getRowIdLifetime() { return RowIdLifetime.ROWID_UNSUPPORTED; }

    // ---- limits: 0 means "no limit or unknown" ----
    @Override public int getMaxBinaryLiteralLength() { return 0; }
    @Override public int getMaxCharLiteralLength() { return 0; }
    @Override public int getMaxColumnNameLength() { return 0; }
    @Override public int getMaxColumnsInGroupBy() { return 0; }
    @Override public int getMaxColumnsInIndex() { return 0; }
    @Override public int getMaxColumnsInOrderBy() { return 0; }
    @Override public int getMaxColumnsInSelect() { return 0; }
    @Override public int getMaxColumnsInTable() { return 0; }
    @Override public int getMaxConnections() { return 0; }
    @Override public int getMaxCursorNameLength() { return 0; }
    @Override public int getMaxIndexLength() { return 0; }
    @Override public int getMaxSchemaNameLength() { return 0; }
    @Override public int getMaxProcedureNameLength() { return 0; }
    @Override public int getMaxCatalogNameLength() { return 0; }
    @Override public int getMaxRowSize() { return 0; }
    @Override public boolean doesMaxRowSizeIncludeBlobs() { return false; }
    @Override public int getMaxStatementLength() { return 0; }
    @Override public int getMaxStatements() { return 0; }
    @Override public int getMaxTableNameLength() { return 0; }
    @Override public int getMaxTablesInSelect() { return 0; }
    @Override public int getMaxUserNameLength() { return 0; }

    // ---- transactions and result sets ----
    @Override public int getDefaultTransactionIsolation() { return Connection.TRANSACTION_REPEATABLE_READ; }
    @Override public boolean supportsTransactions() { return true; }
    @Override public boolean supportsTransactionIsolationLevel(int level) {
        return level == Connection.TRANSACTION_READ_UNCOMMITTED || level == Connection.TRANSACTION_READ_COMMITTED
                || level == Connection.TRANSACTION_REPEATABLE_READ;
    }
    @Override public boolean supportsDataDefinitionAndDataManipulationTransactions() { return true; }
    @Override public boolean supportsDataManipulationTransactionsOnly() { return false; }
    @Override public boolean dataDefinitionCausesTransactionCommit() { return false; }
    @Override public boolean dataDefinitionIgnoredInTransactions() { return false; }
    @Override public boolean supportsResultSetType(int type) { return type == ResultSet.TYPE_FORWARD_ONLY; }
    @Override public boolean supportsResultSetConcurrency(int type, int concurrency) {
        return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
    }
    @Override public boolean supportsResultSetHoldability(int holdability) { return holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT; }
    @Override public int getResultSetHoldability() { return ResultSet.CLOSE_CURSORS_AT_COMMIT; }
    @Override public boolean ownUpdatesAreVisible(int type) { return false; }
    @Override public boolean ownDeletesAreVisible(int type) { return false; }
    @Override public boolean ownInsertsAreVisible(int type) { return false; }
    @Override public boolean othersUpdatesAreVisible(int type) { return false; }
    @Override public boolean othersDeletesAreVisible(int type) { return false; }
    @Override public boolean othersInsertsAreVisible(int type) { return false; }
    @Override public boolean updatesAreDetected(int type) { return false; }
    @Override public boolean deletesAreDetected(int type) { return false; }
    @Override public boolean insertsAreDetected(int type) { return false; }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) return iface.cast(this);
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
