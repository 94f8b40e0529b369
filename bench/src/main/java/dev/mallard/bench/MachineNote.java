package dev.mallard.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The command and machine behind a report's figures, so a reader can judge and repeat them. */
final class MachineNote {
    private MachineNote() {}

    /** A fenced {@code command} and a list of the machine, the JVM and the run time. */
    static String render(String command, double minutes) {
        StringBuilder s = new StringBuilder();
        s.append("```\n").append(command).append("\n```\n\n");
        s.append("- date: ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append('\n');
        s.append("- CPU: ").append(cpuModel()).append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores\n");
        s.append("- memory: ").append(memTotal()).append("; JVM heap max ").append(Runtime.getRuntime().maxMemory() >> 20).append(" MiB\n");
        s.append("- OS: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version")).append('\n');
        s.append("- JVM: ").append(System.getProperty("java.vm.vendor")).append(' ').append(System.getProperty("java.vm.name"))
                .append(' ').append(System.getProperty("java.runtime.version")).append(", GC: ").append(gcNames()).append('\n');
        s.append("- JVM flags: `").append(String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())).append("`\n");
        s.append("- run time: ").append(String.format(Locale.ROOT, "%.1f", minutes)).append(" minutes\n\n");
        return s.toString();
    }

    private static String gcNames() {
        List<String> names = new ArrayList<>();
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) names.add(gc.getName());
        return String.join(", ", names);
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return (kb >> 20) + " GiB RAM";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "unknown RAM";
    }
}
