package dev.mallard.cli;

import dev.mallard.engine.ClientContext;
import dev.mallard.engine.DatabaseInstance;
import dev.mallard.engine.Version;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * The {@code mallard} command (the jar's Main-Class). {@link #run} does all the work with the
 * streams it is given and returns the exit code, so tests drive the shell in-process.
 *
 * <ul>
 *   <li>{@code mallard} on a terminal: interactive prompt;</li>
 *   <li>{@code mallard -c "SQL"} (or {@code mallard :memory: "SQL"}): run and exit;</li>
 *   <li>{@code mallard < script.sql}: run the script without prompts.</li>
 * </ul>
 * The exit code is 1 when any statement failed (each error is printed as {@code Error: ...}).
 */
public final class Shell {
    private Shell() {}

    public static void main(String[] args) {
        // Buffered, not auto-flushed: a million-row CSV must not cost a system call per line.
        // The session flushes after every statement and dot command.
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, System.in, out, err, stdinIsTerminal());
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs the shell.
     *
     * @param interactive stdin is a terminal: prompt and edit lines with JLine
     * @return the process exit code
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean interactive) {
        ShellArguments a;
        try {
            a = ShellArguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            err.print(ShellArguments.USAGE);
            return 1;
        }
        if (a.help()) {
            out.print(ShellArguments.USAGE);
            return 0;
        }
        if (a.version()) {
            out.println("Mallard " + Version.VERSION);
            return 0;
        }
        ClientContext opened;
        try {
            opened = a.inMemory() ? DatabaseInstance.inMemory().connect()
                    : DatabaseInstance.connect(java.nio.file.Path.of(a.database()), a.readOnly());
        } catch (dev.mallard.MallardException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
        try (ClientContext context = opened) {
            ShellSession session = new ShellSession(context, out, err);
            if (a.mode() != null) session.setMode(a.mode());
            if (a.headers() != null) session.setHeaders(a.headers());
            if (a.nullValue() != null) session.setNullValue(a.nullValue());
            session.setBail(a.bail());
            try {
                if (!a.commands().isEmpty()) {
                    boolean ok = true;
                    for (String command : a.commands()) {
                        ok &= ScriptRunner.run(new BufferedReader(new StringReader(command)), session);
                        if (session.exitRequested() || !ok && session.bail()) break;
                    }
                    return session.exitCode(ok);
                }
                if (interactive) return InteractiveShell.run(session);
                boolean ok = ScriptRunner.run(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), session);
                return session.exitCode(ok);
            } catch (IOException e) {
                err.println("Error: " + e.getMessage());
                return 1;
            } finally {
                session.closeOutput();
            }
        }
    }

    /**
     * Whether stdin is a terminal. {@code System.console()} is null when stdin or stdout is
     * redirected on JDK 21; newer JDKs always return a console and say so with {@code isTerminal()}
     * (called reflectively: the code targets release 21).
     */
    static boolean stdinIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
