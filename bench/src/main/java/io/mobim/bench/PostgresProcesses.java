package io.mobim.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded PostgreSQL's processes, found in {@code /proc}: its postmaster and the CPU time of the postmaster and
 * its backends. The load drivers report PostgreSQL's CPU per operation next to the JVM's.
 */
public final class PostgresProcesses {

    private PostgresProcesses() {
    }

    /** The postmaster started with {@code -D <dataRoot>/postgres}; -1 if there is none (or no /proc). */
    public static long findPostmaster(String dataRoot) {
        if (dataRoot == null) {
            return -1;
        }
        String dir = Path.of(dataRoot).resolve("postgres").toString();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                    if (cmd.contains("postgres") && cmd.contains("-D " + dir + " ")) {
                        return Long.parseLong(p.getFileName().toString());
                    }
                } catch (Exception unreadable) {
                    // gone, or not a process
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    /**
     * CPU time of the postmaster and its backends (and of the backends it already reaped), in nanoseconds; -1 if
     * not measurable.
     */
    public static long cpuNanos(long postmaster) {
        if (postmaster <= 0) {
            return -1;
        }
        long ticks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(name);
                    if (pid == postmaster || Long.parseLong(f[1]) == postmaster) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                        if (pid == postmaster) {
                            ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]); // reaped backends: cutime, cstime
                        }
                    }
                } catch (Exception gone) {
                    // ended meanwhile
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return ticks * 10_000_000L; // USER_HZ = 100 on Linux
    }
}
