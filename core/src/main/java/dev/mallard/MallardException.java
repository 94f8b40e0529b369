package dev.mallard;

/**
 * Root of every error Mallard reports. Each error carries the SQLSTATE the JDBC driver hands to
 * callers, so tools can tell a syntax error from a constraint violation without parsing text.
 */
public class MallardException extends RuntimeException {
    private final String sqlState;

    public MallardException(String sqlState, String message) {
        super(message);
        this.sqlState = sqlState;
    }

    public MallardException(String sqlState, String message, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    public String sqlState() {
        return sqlState;
    }

    /** Syntax errors: the message already holds line, column and a caret excerpt. */
    public static final class Parse extends MallardException {
        public Parse(String message) { super("42601", message); }
    }

    /** Unknown or duplicate names: tables, columns, functions, schemas. */
    public static final class Catalog extends MallardException {
        public Catalog(String sqlState, String message) { super(sqlState, message); }
        public static Catalog undefinedTable(String message) { return new Catalog("42P01", message); }
        public static Catalog undefinedColumn(String message) { return new Catalog("42703", message); }
        public static Catalog undefinedFunction(String message) { return new Catalog("42883", message); }
        public static Catalog duplicate(String message) { return new Catalog("42P07", message); }
    }

    /** Semantic errors found while binding: wrong types, misplaced aggregates, ambiguous names. */
    public static final class Binder extends MallardException {
        public Binder(String message) { super("42000", message); }
        public Binder(String sqlState, String message) { super(sqlState, message); }
        public static Binder typeMismatch(String message) { return new Binder("42804", message); }
        public static Binder ambiguous(String message) { return new Binder("42702", message); }
        public static Binder grouping(String message) { return new Binder("42803", message); }
    }

    /** Data errors raised while executing: failed casts, overflow, division by zero. */
    public static final class Data extends MallardException {
        public Data(String sqlState, String message) { super(sqlState, message); }
        public static Data conversion(String message) { return new Data("22018", message); }
        public static Data invalidText(String message) { return new Data("22P02", message); }
        public static Data outOfRange(String message) { return new Data("22003", message); }
        public static Data divisionByZero() { return new Data("22012", "division by zero"); }
        public static Data invalidArgument(String message) { return new Data("22023", message); }
        public static Data cardinality(String message) { return new Data("21000", message); }
    }

    /** Integrity constraint violations: NOT NULL, UNIQUE, PRIMARY KEY. */
    public static final class Constraint extends MallardException {
        public Constraint(String sqlState, String message) { super(sqlState, message); }
        public static Constraint notNull(String message) { return new Constraint("23502", message); }
        public static Constraint unique(String message) { return new Constraint("23505", message); }
    }

    /** The statement was cancelled or ran past its timeout. */
    public static final class Interrupted extends MallardException {
        public Interrupted(String message) { super("57014", message); }
    }

    /** Transaction state errors. */
    public static final class Transaction extends MallardException {
        public Transaction(String message) { super("25000", message); }
    }

    /** The database file could not be read or written, or is not what it must be. */
    public static final class Storage extends MallardException {
        public Storage(String sqlState, String message, Throwable cause) { super(sqlState, message, cause); }
        /** An operating-system I/O error (disk full, permissions, a failing device). */
        public static Storage io(String message, Throwable cause) { return new Storage("58030", message, cause); }
        /** Bytes on disk that fail their checksum or make no sense: never read as data. */
        public static Storage corrupted(String message) { return new Storage("XX001", message, null); }
        /** Not a Mallard database file, or one in a format this version cannot read. */
        public static Storage format(String message) { return new Storage("58000", message, null); }
    }

    /** Valid SQL that Mallard does not support yet. */
    public static final class NotImplemented extends MallardException {
        public NotImplemented(String message) { super("0A000", message); }
    }

    /** A bug: an invariant inside Mallard did not hold. */
    public static final class Internal extends MallardException {
        public Internal(String message) { super("XX000", message); }
        public Internal(String message, Throwable cause) { super("XX000", message, cause); }
    }
}
