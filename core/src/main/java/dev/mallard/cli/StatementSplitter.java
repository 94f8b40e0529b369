package dev.mallard.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts SQL text arriving line by line into statements at each {@code ;} that is outside
 * 'string literals', "quoted identifiers", -- line comments and nested block comments (the lexical
 * rules of Mallard's parser). The state survives between lines, so a literal or comment may span
 * several lines; statements holding nothing but comments and whitespace are dropped.
 */
public final class StatementSplitter {
    private enum State { CODE, SINGLE_QUOTE, DOUBLE_QUOTE, LINE_COMMENT, BLOCK_COMMENT }

    private final StringBuilder pending = new StringBuilder();
    private State state = State.CODE;
    private int commentDepth;
    /** The pending text has something besides whitespace and comments. */
    private boolean hasContent;

    /** Adds one line (without its line break); returns the statements it completed, each ending with {@code ;}. */
    public List<String> addLine(String line) {
        return add(line + "\n");
    }

    /** Adds text; returns the statements it completed. */
    public List<String> add(String text) {
        List<String> done = new ArrayList<>();
        int statementStart = 0;
        int from = pending.length();
        pending.append(text);
        for (int i = from; i < pending.length(); i++) {
            char c = pending.charAt(i);
            char next = i + 1 < pending.length() ? pending.charAt(i + 1) : '\0';
            switch (state) {
                case CODE -> {
                    if (c == ';') {
                        if (hasContent) done.add(pending.substring(statementStart, i + 1).strip());
                        statementStart = i + 1;
                        hasContent = false;
                    } else if (c == '\'') {
                        state = State.SINGLE_QUOTE;
                        hasContent = true;
                    } else if (c == '"') {
                        state = State.DOUBLE_QUOTE;
                        hasContent = true;
                    } else if (c == '-' && next == '-') {
                        state = State.LINE_COMMENT;
                        i++;
                    } else if (c == '/' && next == '*') {
                        state = State.BLOCK_COMMENT;
                        commentDepth = 1;
                        i++;
                    } else if (!Character.isWhitespace(c)) {
                        hasContent = true;
                    }
                }
                // A doubled quote inside a literal is an escaped quote: leaving and re-entering
                // the literal on the second one gives the same result.
                case SINGLE_QUOTE -> { if (c == '\'') state = State.CODE; }
                case DOUBLE_QUOTE -> { if (c == '"') state = State.CODE; }
                case LINE_COMMENT -> { if (c == '\n') state = State.CODE; }
                case BLOCK_COMMENT -> {
                    if (c == '*' && next == '/') {
                        i++;
                        if (--commentDepth == 0) state = State.CODE;
                    } else if (c == '/' && next == '*') {
                        i++;
                        commentDepth++;
                    }
                }
            }
        }
        pending.delete(0, statementStart);
        return done;
    }

    /**
     * True when no statement is in progress (only whitespace or finished comments are pending):
     * the point where a line starting with '.' is a dot command.
     */
    public boolean atStatementStart() {
        return !hasContent && (state == State.CODE || state == State.LINE_COMMENT);
    }

    /** The unfinished statement (text after the last {@code ;}), or null when there is none. */
    public String remainder() {
        return hasContent ? pending.toString().strip() : null;
    }

    public void clear() {
        pending.setLength(0);
        state = State.CODE;
        commentDepth = 0;
        hasContent = false;
    }

    /** Every statement in {@code text}; a final one without {@code ;} is included too. */
    public static List<String> split(String text) {
        StatementSplitter s = new StatementSplitter();
        List<String> out = new ArrayList<>(s.add(text));
        String rest = s.remainder();
        if (rest != null) out.add(rest);
        return out;
    }
}
