package dev.mallard.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.cli.Shell;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's police-stops walkthrough runs as written: its SQL blocks, run in order by the
 * shell on the bundled example, print exactly the tables shown after them.
 */
class PoliceStopsWalkthroughTest {
    @Test
    void theWalkthroughPrintsWhatTheReadmeShows() throws Exception {
        Path root = Files.exists(Path.of("README.md")) ? Path.of(".") : Path.of("..");
        String readme = Files.readString(root.resolve("README.md"));
        int start = readme.indexOf("## Walkthrough: police stops");
        int end = readme.indexOf("\n## ", start + 1);
        assertThat(start).as("the walkthrough section").isPositive();
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> sql = blocks(section, "```sql\n");
        List<String> shown = blocks(section, "```text\n");
        assertThat(sql).hasSizeGreaterThanOrEqualTo(5);
        String script = String.join("\n", sql).replace("'examples/", "'" + root.resolve("examples").toString().replace("'", "''") + "/");
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Shell.run(new String[0], new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo(String.join("\n", shown).strip());
    }

    private static List<String> blocks(String text, String fence) {
        List<String> out = new ArrayList<>();
        for (int at = text.indexOf(fence); at >= 0; at = text.indexOf(fence, at + 1)) {
            int from = at + fence.length();
            out.add(text.substring(from, text.indexOf("```", from)).stripTrailing());
        }
        return out;
    }
}
