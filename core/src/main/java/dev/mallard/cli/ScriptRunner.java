package dev.mallard.cli;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Runs a script (stdin that is not a terminal, {@code -c}, {@code .read}): SQL statements and
 * dot commands, no prompts. A failed statement prints its error and the script goes on (like
 * sqlite3), unless {@code -bail}/{@code .bail on}; the result says whether everything succeeded.
 */
final class ScriptRunner {
    private ScriptRunner() {}

    static boolean run(BufferedReader reader, ShellSession session) throws IOException {
        StatementSplitter splitter = new StatementSplitter();
        boolean ok = true;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (splitter.atStatementStart() && line.strip().startsWith(".")) {
                splitter.clear();
                ok &= DotCommands.run(session, line.strip());
            } else {
                for (String sql : splitter.addLine(line)) {
                    ok &= session.runSql(sql);
                    if (stop(session, ok)) return ok;
                }
            }
            if (stop(session, ok)) return ok;
        }
        // A last statement without ';' still runs: `mallard -c "SELECT 1"` must work.
        String rest = splitter.remainder();
        if (rest != null) ok &= session.runSql(rest);
        return ok;
    }

    private static boolean stop(ShellSession session, boolean ok) {
        return session.exitRequested() || !ok && session.bail();
    }
}
