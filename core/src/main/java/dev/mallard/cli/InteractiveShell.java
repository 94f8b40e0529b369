package dev.mallard.cli;

import dev.mallard.engine.Version;
import java.io.IOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The prompt loop on a terminal, with JLine line editing and history ({@code ~/.mallard_history}).
 * Prompts are {@code D } for a new statement and {@code · } while one continues. Ctrl-C cancels
 * the running statement (or clears the line being typed); Ctrl-D on an empty line exits.
 */
final class InteractiveShell {
    static final String PROMPT = "D ";
    static final String CONTINUATION_PROMPT = "· ";

    private InteractiveShell() {}

    static int run(ShellSession session) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            // The splitter decides where statements end; JLine must treat the line as plain text
            // (no quote or backslash continuation, no '!' history expansion in "a != b").
            DefaultParser parser = new DefaultParser();
            parser.setEscapeChars(null);
            parser.setQuoteChars(new char[0]);
            parser.setEofOnUnclosedQuote(false);
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("mallard")
                    .parser(parser)
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".mallard_history"))
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build();
            terminal.handle(Terminal.Signal.INT, signal -> session.cancelRunning());
            session.out().println("Mallard " + Version.VERSION + " — in-memory database. Enter \".help\" for usage hints.");
            session.out().flush();
            StatementSplitter splitter = new StatementSplitter();
            while (!session.exitRequested()) {
                String line;
                try {
                    line = reader.readLine(splitter.atStatementStart() ? PROMPT : CONTINUATION_PROMPT);
                } catch (UserInterruptException e) {
                    splitter.clear();
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                if (splitter.atStatementStart() && line.strip().startsWith(".")) {
                    splitter.clear();
                    DotCommands.run(session, line.strip());
                    continue;
                }
                for (String sql : splitter.addLine(line)) {
                    session.runSql(sql);
                    if (session.exitRequested()) break;
                }
            }
            reader.getHistory().save();
        }
        return session.exitCode(true);
    }
}
