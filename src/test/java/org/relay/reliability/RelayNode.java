package org.relay.reliability;

import org.relay.support.CpuTime;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One Relay node as its own operating-system process (production profile, job executor on), started from the
 * build's classes and dependencies, so a test can run several on one database and kill one with SIGKILL. Or the
 * embedded demo, as {@code mvn spring-boot:run} starts it ({@link #embeddedDemo}).
 */
public final class RelayNode {

    static final String ADMIN = "relay-admin";
    static final String ADMIN_PASSWORD = "Cluster-Keeper-2026!";

    private final String name;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private final Path log;
    private Process process;

    private RelayNode(String name, Map<String, String> environment, List<String> arguments, Path logDirectory) {
        this.name = name;
        this.port = freePort();
        this.environment = environment;
        this.arguments = arguments;
        this.log = logDirectory.resolve("node-" + name + ".log");
    }

    /** A production node (profile postgres) on the given database and SMTP server. */
    RelayNode(String name, String jdbcUrl, int smtpPort, List<String> arguments, Path logDirectory) {
        this(name, productionEnvironment(jdbcUrl, smtpPort), concat(List.of("--spring.profiles.active=postgres",
                // this node's name in the engine's job log, so a test can see both nodes did work
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                // poll for due jobs at least every second (the default backs off to a minute when idle)
                "--camunda.bpm.job-execution.wait-time-in-millis=1000", "--camunda.bpm.job-execution.max-wait=2000"),
                arguments), logDirectory);
    }

    /**
     * The embedded demo with its default settings (no profile: H2, demo users and referrals), on an in-memory
     * database instead of ./data so every start is a first start.
     */
    public static RelayNode embeddedDemo(Path logDirectory) {
        return new RelayNode("demo", Map.of(), List.of("--spring.datasource.url=jdbc:h2:mem:relay-demo;DB_CLOSE_DELAY=-1"),
                logDirectory);
    }

    private static Map<String, String> productionEnvironment(String jdbcUrl, int smtpPort) {
        return Map.ofEntries(
                Map.entry("RELAY_DB_URL", jdbcUrl), Map.entry("RELAY_DB_USER", "postgres"),
                Map.entry("RELAY_DB_PASSWORD", "postgres"), Map.entry("RELAY_SMTP_HOST", "127.0.0.1"),
                Map.entry("RELAY_SMTP_PORT", Integer.toString(smtpPort)), Map.entry("RELAY_SMTP_AUTH", "false"),
                Map.entry("RELAY_SMTP_STARTTLS", "false"),
                Map.entry("RELAY_LINK_SECRET", "cluster-test-7Hq2Lm9Xv4Rt8Wp1Zs6Kd3Nb5Gj0Fc"),
                Map.entry("RELAY_ADMIN_USER", ADMIN), Map.entry("RELAY_ADMIN_PASSWORD", ADMIN_PASSWORD),
                Map.entry("RELAY_SECURE_COOKIES", "false"));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** Starts the process and waits until /actuator/health answers UP. */
    public void start() throws Exception {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx400m",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")));
        if (Boolean.getBoolean("relay.bench.node-jfr")) {
            // a benchmark's profile of this node: JDK Flight Recorder, written when the node stops
            command.add("-XX:FlightRecorderOptions:stackdepth=1024");
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + log.resolveSibling("node-" + name + "-" + System.currentTimeMillis() + ".jfr"));
        }
        command.addAll(List.of("-cp", classpath, "org.relay.RelayApplication", "--server.port=" + port,
                "--relay.public-url=" + url("")));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));   // never outlive the test JVM
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Node " + name + " exited during start; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Node " + name + " did not become healthy in 3 minutes; see " + log);
    }

    /** SIGKILL: no shutdown hooks, no transaction finishes, as when a machine dies. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** CPU time the node's JVM has used so far, in nanoseconds. */
    long cpuNanos() {
        return process == null ? 0 : CpuTime.process(process.pid());
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    String name() {
        return name;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
