package dev.mallard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {
    @Test
    void splitsAtSemicolonsOutsideQuotesAndComments() {
        assertThat(StatementSplitter.split("SELECT 1; SELECT 'a;b', \"c;d\" -- e;f\n; /* g; /* nested; */ h; */ SELECT 2"))
                .containsExactly("SELECT 1;", "SELECT 'a;b', \"c;d\" -- e;f\n;", "/* g; /* nested; */ h; */ SELECT 2");
        assertThat(StatementSplitter.split("SELECT 'it''s; fine';")).containsExactly("SELECT 'it''s; fine';");
    }

    @Test
    void dropsEmptyStatements() {
        assertThat(StatementSplitter.split(";; -- only a comment\n ; /* x */;")).isEmpty();
    }

    @Test
    void keepsStateAcrossLines() {
        StatementSplitter s = new StatementSplitter();
        assertThat(s.atStatementStart()).isTrue();
        assertThat(s.addLine("SELECT 'multi")).isEmpty();
        assertThat(s.atStatementStart()).isFalse();
        assertThat(s.addLine("line;' AS x")).isEmpty();
        assertThat(s.addLine("; SELECT")).containsExactly("SELECT 'multi\nline;' AS x\n;");
        assertThat(s.remainder()).isEqualTo("SELECT");
        assertThat(s.addLine("2;")).containsExactly("SELECT\n2;");
        assertThat(s.atStatementStart()).isTrue();
        assertThat(s.addLine("-- a comment")).isEmpty();
        assertThat(s.atStatementStart()).isTrue();
        s.addLine("/* open");
        assertThat(s.atStatementStart()).isFalse();
        s.clear();
        assertThat(s.atStatementStart()).isTrue();
        assertThat(s.remainder()).isNull();
    }

    @Test
    void dotCommandArguments() {
        assertThat(DotCommands.tokenize("mode csv")).isEqualTo(List.of("mode", "csv"));
        assertThat(DotCommands.tokenize("nullvalue 'no value'  x")).isEqualTo(List.of("nullvalue", "no value", "x"));
        assertThat(DotCommands.tokenize("nullvalue \"\"")).isEqualTo(List.of("nullvalue", ""));
    }

    @Test
    void commandLine() {
        ShellArguments a = ShellArguments.parse(new String[] {"-csv", "-noheader", "-c", "SELECT 1", "-bail"});
        assertThat(a.mode()).isEqualTo(OutputMode.CSV);
        assertThat(a.headers()).isFalse();
        assertThat(a.commands()).containsExactly("SELECT 1");
        assertThat(a.bail()).isTrue();
        assertThat(a.inMemory()).isTrue();
        ShellArguments b = ShellArguments.parse(new String[] {":memory:", "SELECT 2"});
        assertThat(b.inMemory()).isTrue();
        assertThat(b.commands()).containsExactly("SELECT 2");
        assertThat(ShellArguments.parse(new String[] {"data.db"}).inMemory()).isFalse();
    }
}
