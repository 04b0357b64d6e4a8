package io.mobim.bench.wv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One line describing where a benchmark ran: cores, CPU model (/proc/cpuinfo), JDK, OS. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: keep "unknown CPU"
        }
        return "machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", JDK "
                + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }
}
