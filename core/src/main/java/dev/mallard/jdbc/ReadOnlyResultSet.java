package dev.mallard.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;

/**
 * The half of {@link ResultSet} a forward-only, read-only cursor does not support: updates,
 * scrolling, and the LOB/ARRAY/REF types Mallard does not have. Every one of them fails with
 * {@link SQLFeatureNotSupportedException} so no call silently does nothing.
 */
abstract class ReadOnlyResultSet implements ResultSet {
    private static SQLFeatureNotSupportedException readOnly() {
        return SqlExceptions.unsupported("updating a result set (result sets are read-only)");
    }

    private static SQLFeatureNotSupportedException forwardOnly() {
        return SqlExceptions.unsupported("scrolling (result sets are forward-only)");
    }

    // ---- scrolling ----
    @Override public boolean previous() throws SQLException { throw forwardOnly(); }
    @Override public boolean first() throws SQLException { throw forwardOnly(); }
    @Override public boolean last() throws SQLException { throw forwardOnly(); }
    @Override public boolean absolute(int row) throws SQLException { throw forwardOnly(); }
    @Override public boolean relative(int rows) throws SQLException { throw forwardOnly(); }
    @Override public void beforeFirst() throws SQLException { throw forwardOnly(); }
    @Override public void afterLast() throws SQLException { throw forwardOnly(); }
    /** Would need the next chunk while the current row's chunk is still in use. */
    @Override public boolean isLast() throws SQLException { throw SqlExceptions.unsupported("isLast() on a forward-only result set"); }

    // ---- types Mallard does not have ----
    @Override public byte[] getBytes(int i) throws SQLException { throw SqlExceptions.unsupported("binary values (BLOB)"); }
    @Override public byte[] getBytes(String c) throws SQLException { throw SqlExceptions.unsupported("binary values (BLOB)"); }
    @Override public InputStream getBinaryStream(int i) throws SQLException { throw SqlExceptions.unsupported("binary values (BLOB)"); }
    @Override public InputStream getBinaryStream(String c) throws SQLException { throw SqlExceptions.unsupported("binary values (BLOB)"); }
    @Override @Deprecated public InputStream getUnicodeStream(int i) throws SQLException { throw SqlExceptions.unsupported("getUnicodeStream"); }
    @Override @Deprecated public InputStream getUnicodeStream(String c) throws SQLException { throw SqlExceptions.unsupported("getUnicodeStream"); }
    @Override public Blob getBlob(int i) throws SQLException { throw SqlExceptions.unsupported("BLOB"); }
    @Override public Blob getBlob(String c) throws SQLException { throw SqlExceptions.unsupported("BLOB"); }
    @Override public Clob getClob(int i) throws SQLException { throw SqlExceptions.unsupported("CLOB"); }
    @Override public Clob getClob(String c) throws SQLException { throw SqlExceptions.unsupported("CLOB"); }
    @Override public NClob getNClob(int i) throws SQLException { throw SqlExceptions.unsupported("NCLOB"); }
    @Override public NClob getNClob(String c) throws SQLException { throw SqlExceptions.unsupported("NCLOB"); }
    @Override public Array getArray(int i) throws SQLException { throw SqlExceptions.unsupported("ARRAY"); }
    @Override public Array getArray(String c) throws SQLException { throw SqlExceptions.unsupported("ARRAY"); }
    @Override public Ref getRef(int i) throws SQLException { throw SqlExceptions.unsupported("REF"); }
    @Override public Ref getRef(String c) throws SQLException { throw SqlExceptions.unsupported("REF"); }
    @Override public RowId getRowId(int i) throws SQLException { throw SqlExceptions.unsupported("ROWID"); }
    @Override public RowId getRowId(String c) throws SQLException { throw SqlExceptions.unsupported("ROWID"); }
    @Override public SQLXML getSQLXML(int i) throws SQLException { throw SqlExceptions.unsupported("SQLXML"); }
    @Override public SQLXML getSQLXML(String c) throws SQLException { throw SqlExceptions.unsupported("SQLXML"); }
    @Override public String getCursorName() throws SQLException { throw SqlExceptions.unsupported("named cursors"); }

    // ---- row changes ----
    @Override public boolean rowUpdated() throws SQLException { throw readOnly(); }
    @Override public boolean rowInserted() throws SQLException { throw readOnly(); }
    @Override public boolean rowDeleted() throws SQLException { throw readOnly(); }
    @Override public void insertRow() throws SQLException { throw readOnly(); }
    @Override public void updateRow() throws SQLException { throw readOnly(); }
    @Override public void deleteRow() throws SQLException { throw readOnly(); }
    @Override public void refreshRow() throws SQLException { throw readOnly(); }
    @Override public void cancelRowUpdates() throws SQLException { throw readOnly(); }
    @Override public void moveToInsertRow() throws SQLException { throw readOnly(); }
    @Override public void moveToCurrentRow() throws SQLException { throw readOnly(); }

    // ---- updaters ----
    @Override public void updateNull(int column) throws SQLException { throw readOnly(); }
    @Override public void updateBoolean(int column, boolean x) throws SQLException { throw readOnly(); }
    @Override public void updateByte(int column, byte x) throws SQLException { throw readOnly(); }
    @Override public void updateShort(int column, short x) throws SQLException { throw readOnly(); }
    @Override public void updateInt(int column, int x) throws SQLException { throw readOnly(); }
    @Override public void updateLong(int column, long x) throws SQLException { throw readOnly(); }
    @Override public void updateFloat(int column, float x) throws SQLException { throw readOnly(); }
    @Override public void updateDouble(int column, double x) throws SQLException { throw readOnly(); }
    @Override public void updateBigDecimal(int column, BigDecimal x) throws SQLException { throw readOnly(); }
    @Override public void updateString(int column, String x) throws SQLException { throw readOnly(); }
    @Override public void updateBytes(int column, byte[] x) throws SQLException { throw readOnly(); }
    @Override public void updateDate(int column, Date x) throws SQLException { throw readOnly(); }
    @Override public void updateTime(int column, Time x) throws SQLException { throw readOnly(); }
    @Override public void updateTimestamp(int column, Timestamp x) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(int column, InputStream x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(int column, InputStream x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(int column, Reader x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateObject(int column, Object x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateObject(int column, Object x) throws SQLException { throw readOnly(); }
    @Override public void updateNull(String label) throws SQLException { throw readOnly(); }
    @Override public void updateBoolean(String label, boolean x) throws SQLException { throw readOnly(); }
    @Override public void updateByte(String label, byte x) throws SQLException { throw readOnly(); }
    @Override public void updateShort(String label, short x) throws SQLException { throw readOnly(); }
    @Override public void updateInt(String label, int x) throws SQLException { throw readOnly(); }
    @Override public void updateLong(String label, long x) throws SQLException { throw readOnly(); }
    @Override public void updateFloat(String label, float x) throws SQLException { throw readOnly(); }
    @Override public void updateDouble(String label, double x) throws SQLException { throw readOnly(); }
    @Override public void updateBigDecimal(String label, BigDecimal x) throws SQLException { throw readOnly(); }
    @Override public void updateString(String label, String x) throws SQLException { throw readOnly(); }
    @Override public void updateBytes(String label, byte[] x) throws SQLException { throw readOnly(); }
    @Override public void updateDate(String label, Date x) throws SQLException { throw readOnly(); }
    @Override public void updateTime(String label, Time x) throws SQLException { throw readOnly(); }
    @Override public void updateTimestamp(String label, Timestamp x) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(String label, InputStream x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(String label, InputStream x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(String label, Reader x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateObject(String label, Object x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateObject(String label, Object x) throws SQLException { throw readOnly(); }
    @Override public void updateRef(int column, Ref x) throws SQLException { throw readOnly(); }
    @Override public void updateRef(String label, Ref x) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(int column, Blob x) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(String label, Blob x) throws SQLException { throw readOnly(); }
    @Override public void updateClob(int column, Clob x) throws SQLException { throw readOnly(); }
    @Override public void updateClob(String label, Clob x) throws SQLException { throw readOnly(); }
    @Override public void updateArray(int column, Array x) throws SQLException { throw readOnly(); }
    @Override public void updateArray(String label, Array x) throws SQLException { throw readOnly(); }
    @Override public void updateRowId(int column, RowId x) throws SQLException { throw readOnly(); }
    @Override public void updateRowId(String label, RowId x) throws SQLException { throw readOnly(); }
    @Override public void updateNString(int column, String x) throws SQLException { throw readOnly(); }
    @Override public void updateNString(String label, String x) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(int column, NClob x) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(String label, NClob x) throws SQLException { throw readOnly(); }
    @Override public void updateSQLXML(int column, SQLXML x) throws SQLException { throw readOnly(); }
    @Override public void updateSQLXML(String label, SQLXML x) throws SQLException { throw readOnly(); }
    @Override public void updateNCharacterStream(int column, Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateNCharacterStream(String label, Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(int column, InputStream x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(int column, InputStream x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(int column, Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(String label, InputStream x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(String label, InputStream x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(String label, Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(int column, InputStream x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(String label, InputStream x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateClob(int column, Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateClob(String label, Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(int column, Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(String label, Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateNCharacterStream(int column, Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateNCharacterStream(String label, Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(int column, InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(int column, InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(int column, Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(String label, InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(String label, InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(String label, Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(int column, InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(String label, InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateClob(int column, Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateClob(String label, Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(int column, Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(String label, Reader x) throws SQLException { throw readOnly(); }
}
