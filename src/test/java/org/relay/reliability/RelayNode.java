package org.relay.reliability;

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
 * build's classes and dependencies, so a test can run several on one database and kill one with SIGKILL.
 */
final class RelayNode {

    static final String ADMIN = "relay-admin";
    static final String ADMIN_PASSWORD = "Cluster-Keeper-2026!";

    private final String name;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private final Path log;
    private Process process;

    RelayNode(String name, String jdbcUrl, int smtpPort, List<String> arguments, Path logDirectory) {
        this.name = name;
        this.port = freePort();
        this.arguments = arguments;
        this.log = logDirectory.resolve("node-" + name + ".log");
        this.environment = Map.ofEntries(
                Map.entry("RELAY_DB_URL", jdbcUrl), Map.entry("RELAY_DB_USER", "postgres"),
                Map.entry("RELAY_DB_PASSWORD", "postgres"), Map.entry("RELAY_SMTP_HOST", "127.0.0.1"),
                Map.entry("RELAY_SMTP_PORT", Integer.toString(smtpPort)), Map.entry("RELAY_SMTP_AUTH", "false"),
                Map.entry("RELAY_SMTP_STARTTLS", "false"), Map.entry("RELAY_PUBLIC_URL", "http://localhost:" + port),
                Map.entry("RELAY_LINK_SECRET", "cluster-test-7Hq2Lm9Xv4Rt8Wp1Zs6Kd3Nb5Gj0Fc"),
                Map.entry("RELAY_ADMIN_USER", ADMIN), Map.entry("RELAY_ADMIN_PASSWORD", ADMIN_PASSWORD),
                Map.entry("RELAY_SECURE_COOKIES", "false"));
    }

    /** Starts the process and waits until /actuator/health answers UP. */
    void start() throws Exception {
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
        command.addAll(List.of("-cp", classpath, "org.relay.RelayApplication",
                "--spring.profiles.active=postgres", "--server.port=" + port,
                // this node's name in the engine's job log, so a test can see both nodes did work
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                // poll for due jobs at least every second (the default backs off to a minute when idle)
                "--camunda.bpm.job-execution.wait-time-in-millis=1000", "--camunda.bpm.job-execution.max-wait=2000"));
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

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    String url(String path) {
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
