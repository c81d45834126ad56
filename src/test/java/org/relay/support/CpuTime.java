package org.relay.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * CPU time used by processes of this machine (Linux {@code /proc}): this JVM, another JVM by its pid, every
 * PostgreSQL server process. Per operation it is steadier than throughput on a shared machine, whose speed moves by
 * half between runs: it counts the work, not the waiting. Backends that ended are counted through the postmaster's
 * children's time.
 */
public final class CpuTime {

    /** Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every architecture Relay runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private CpuTime() {
    }

    public static long thisJvm() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static long process(long pid) {
        return ticks(Path.of("/proc", Long.toString(pid)), null) * NANOS_PER_TICK;
    }

    /** The test PostgreSQL's postmaster, once known: its own CPU and its backends' only, not other clusters'. */
    private static volatile long postmaster;

    /** Remembers the postmaster serving {@code port}, so readings leave out other PostgreSQL servers on the machine. */
    public static void measurePostgresOnPort(int port) {
        String wanted = "-p\0" + port + "\0";
        forEachProcess(process -> {
            try {
                String command = Files.readString(process.resolve("cmdline"));
                if (command.contains(wanted) && "postgres".equals(name(Files.readString(process.resolve("stat"))))) {
                    postmaster = Long.parseLong(process.getFileName().toString());
                }
            } catch (IOException | RuntimeException ended) {
                // not ours, or gone
            }
        });
    }

    /** The postmaster whose CPU is read, 0 while unknown (then every PostgreSQL process on the machine counts). */
    public static long postmasterPid() {
        return postmaster;
    }

    /** CPU of the measured PostgreSQL: the postmaster and its backends (ended backends are in its children's times). */
    public static long postgres() {
        long server = postmaster;
        long[] ticks = {0};
        forEachProcess(process -> {
            String stat;
            try {
                stat = Files.readString(process.resolve("stat"));
            } catch (IOException | RuntimeException ended) {
                return;
            }
            if (!"postgres".equals(name(stat))) {
                return;
            }
            long pid = Long.parseLong(process.getFileName().toString());
            if (server == 0 || pid == server || fields(stat)[1].equals(Long.toString(server))) {
                ticks[0] += ticks(stat);
            }
        });
        return ticks[0] * NANOS_PER_TICK;
    }

    private static void forEachProcess(java.util.function.Consumer<Path> action) {
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"),
                path -> path.getFileName().toString().chars().allMatch(Character::isDigit))) {
            processes.forEach(action);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /** The fields after the name: [0] is field 3 (the state), [1] the parent's pid. */
    private static String[] fields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    private static long ticks(String stat) {
        String[] fields = fields(stat);
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                + Long.parseLong(fields[14]);
    }

    /**
     * utime + stime + cutime + cstime (fields 14–17 of /proc/pid/stat) of the process, if it is named {@code name}
     * (any name when null); 0 for another name or a process that has ended.
     */
    private static long ticks(Path process, String name) {
        String stat;
        try {
            stat = Files.readString(process.resolve("stat"));
        } catch (IOException | RuntimeException ended) {
            return 0;
        }
        return name != null && !name.equals(name(stat)) ? 0 : ticks(stat);
    }

    /** CPU read at one instant: of the JVM(s) being measured, and of PostgreSQL. */
    public record Reading(long jvmNanos, long postgresNanos, long atNanos) {

        public static Reading now(LongSupplier jvmNanos) {
            return new Reading(jvmNanos.getAsLong(), postgres(), System.nanoTime());
        }

        public Spent until(Reading end) {
            return new Spent((end.atNanos - atNanos) / 1e9, end.jvmNanos - jvmNanos, end.postgresNanos - postgresNanos);
        }
    }

    /** What some work cost: seconds, and the CPU of the JVM(s) doing it and of PostgreSQL. */
    public record Spent(double seconds, long jvmNanos, long postgresNanos) {

        /** Runs the work in this JVM and measures it. */
        public static Spent of(ThrowingRunnable work) throws Exception {
            Reading start = Reading.now(CpuTime::thisJvm);
            work.run();
            return start.until(Reading.now(CpuTime::thisJvm));
        }

        public double jvmMsPer(int operations) {
            return jvmNanos / 1e6 / operations;
        }

        public double postgresMsPer(int operations) {
            return postgresNanos / 1e6 / operations;
        }

        public double msPer(int operations) {
            return jvmMsPer(operations) + postgresMsPer(operations);
        }
    }

    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
