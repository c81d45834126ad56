package org.relay.bench;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.relay.support.Parallel;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.relay.support.ApiClientAsAdministrator;
import org.relay.support.CpuTime;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Intake throughput (mvn -Pbench verify -Dtest=IntakeBenchmark): referrals created per second through
 * POST /api/referrals (validation, JPA insert, process start, scoring, SLA and routing decisions, routing, the
 * notification job) against baselines measured in the same run on the same embedded PostgreSQL: the bare engine
 * starting a one-user-task process (in-process, and through Camunda's own REST API), PostgreSQL's own single-row
 * insert-and-commit rate over JDBC, and an authenticated API call that does nothing. Then p50/p99
 * latency at a fixed offered load of 100 requests per second, measured from each request's scheduled start (so a
 * stall counts for every request it delays). Results: target/benchmarks/intake.md.
 */
@Tag("benchmark")
class IntakeBenchmark extends RelayIntegrationTest {

    static final int WARM_UP = 100;
    static final int COUNT = Integer.getInteger("relay.bench.intake", 1000);
    static final int CLIENTS = 4;
    static final String BASIC = basic(ApiClientAsAdministrator.ADMIN, ApiClientAsAdministrator.ADMIN);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void intake_against_the_bare_engine_and_postgres() throws Exception {
        repository.createDeployment().addModelInstance("bench-one-task.bpmn", Bpmn.createExecutableProcess("BenchOneTask")
                .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Bench").endEvent().done()).deploy();
        jdbc.execute("create table if not exists bench_insert (id bigserial primary key, payload varchar(200), at timestamptz)");

        AtomicInteger n = new AtomicInteger();
        if (Boolean.getBoolean("relay.bench.explain")) {
            // statements over 5 ms go to PostgreSQL's log (the test output), to find where a request waits
            jdbc.execute("alter system set log_min_duration_statement = 5");
            jdbc.execute("select pg_reload_conf()");
        }
        run(WARM_UP, 1, i -> post(n.incrementAndGet()));
        run(WARM_UP, 1, i -> runtime.startProcessInstanceByKey("BenchOneTask", "B-" + i));
        run(WARM_UP * 10, 1, i -> catalog());   // cheap, so it needs more calls than the others before the JIT is done
        run(WARM_UP * 3, 1, i -> engineRestStart(i));

        CpuTime.Spent relay1Spent = spent(COUNT, i -> post(n.incrementAndGet()));
        double relay1 = COUNT / relay1Spent.seconds();
        double relay4 = run(COUNT, CLIENTS, i -> post(n.incrementAndGet()));
        CpuTime.Spent engine1Spent = spent(COUNT, i -> runtime.startProcessInstanceByKey("BenchOneTask", "B-" + i));
        double engine1 = COUNT / engine1Spent.seconds();
        double engine4 = run(COUNT, CLIENTS, i -> runtime.startProcessInstanceByKey("BenchOneTask", "B-" + i));
        double insert1 = insertRate(COUNT * 3, 1);
        double insert4 = insertRate(COUNT * 3, CLIENTS);
        CpuTime.Spent floor1Spent = spent(COUNT, i -> catalog());
        double floor1 = COUNT / floor1Spent.seconds();
        double floor4 = run(COUNT, CLIENTS, i -> catalog());
        CpuTime.Spent rest1Spent = spent(COUNT, this::engineRestStart);
        double rest1 = COUNT / rest1Spent.seconds();
        double rest4 = run(COUNT, CLIENTS, this::engineRestStart);
        double[] latency = fixedLoad(100, 10, n);
        String statements = Boolean.getBoolean("relay.bench.statements") ? statementsPerStart(n) : "";

        String result = String.format("""
                Referrals per run: %d after %d warm-up; clients: 1 and %d; %s; %d cores

                | what | 1 client /s | %d clients /s | Relay as share of it (%d clients) |
                | --- | ---: | ---: | ---: |
                | Relay: POST /api/referrals (full path) | %.1f | %.1f | 100 %% |
                | bare engine: start a one-user-task process | %.1f | %.1f | %.0f %% |
                | PostgreSQL: single-row insert + commit (JDBC) | %.1f | %.1f | %.1f %% |
                | HTTP floor: authenticated GET /api/catalog (no database) | %.1f | %.1f | %.0f %% |
                | bare engine over its own REST API: POST /engine-rest/…/start (HTTP Basic) | %.1f | %.1f | %.0f %% |

                The last row as share of the bare engine (%d clients): %.0f %% — what any intake over HTTP reaches here
                before doing anything of its own.

                CPU time per operation in the one-client rows (this JVM, client included, and every PostgreSQL process):

                | per operation, one client | JVM CPU ms | PostgreSQL CPU ms | together ms | × bare engine |
                | --- | ---: | ---: | ---: | ---: |
                %s
                At a fixed offered load of 100 requests/s for 10 s (%d clients): p50 %.1f ms, p99 %.1f ms, worst %.1f ms.
                %s""", COUNT, WARM_UP, CLIENTS, jdbc.queryForObject("select version()", String.class),
                Runtime.getRuntime().availableProcessors(), CLIENTS, CLIENTS,
                relay1, relay4, engine1, engine4, 100 * relay4 / engine4, insert1, insert4, 100 * relay4 / insert4,
                floor1, floor4, 100 * relay4 / floor4, rest1, rest4, 100 * relay4 / rest4, CLIENTS, 100 * rest4 / engine4,
                cpuRows(relay1Spent, engine1Spent, floor1Spent, rest1Spent), 16, latency[0], latency[1], latency[2], statements);
        System.out.println(result);
        Path out = Path.of("target", "benchmarks", "intake.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, result);
    }

    /**
     * What PostgreSQL executes per referral and per bare-engine start (-Drelay.bench.statements=true loads
     * pg_stat_statements into the embedded server): statements, rows and execution time, 50 of each, one client.
     */
    private String statementsPerStart(AtomicInteger n) throws Exception {
        jdbc.execute("create extension if not exists pg_stat_statements");
        StringBuilder table = new StringBuilder("\n| per start (50, one client) | statements | rows | PostgreSQL execution ms |\n| --- | ---: | ---: | ---: |\n");
        StringBuilder costliest = new StringBuilder();
        Map<String, Parallel.Step> cases = new LinkedHashMap<>();
        cases.put("Relay: POST /api/referrals", i -> post(n.incrementAndGet()));
        cases.put("Relay, without the report rollups' change triggers (V15)", i -> post(n.incrementAndGet()));
        cases.put("bare engine: one-user-task process", i -> runtime.startProcessInstanceByKey("BenchOneTask", "S-" + i));
        cases.put("bare engine over its REST API", i -> engineRestStart(1_000_000 + i));
        for (Map.Entry<String, Parallel.Step> c : cases.entrySet()) {
            boolean withoutTriggers = c.getKey().contains("without");
            for (String changeLogged : withoutTriggers ? List.of("referral", "referral_event") : List.<String>of()) {
                jdbc.execute("alter table " + changeLogged + " disable trigger user");
            }
            jdbc.execute("select pg_stat_statements_reset()");
            run(50, 1, c.getValue());
            for (String changeLogged : withoutTriggers ? List.of("referral", "referral_event") : List.<String>of()) {
                jdbc.execute("alter table " + changeLogged + " enable trigger user");
            }
            Map<String, Object> totals = jdbc.queryForMap("select sum(calls) calls, sum(rows) r, sum(total_exec_time) ms "
                    + "from pg_stat_statements where query not like '%pg_stat_statements%'");
            table.append(String.format("| %s | %.0f | %.0f | %.2f |%n", c.getKey(), ((Number) totals.get("calls")).doubleValue() / 50,
                    ((Number) totals.get("r")).doubleValue() / 50, ((Number) totals.get("ms")).doubleValue() / 50));
            costliest.append("\n").append(c.getKey()).append(", the five statements that took the most (calls, ms per start):\n");
            jdbc.query("select calls, total_exec_time, regexp_replace(query, '\\s+', ' ', 'g') q from pg_stat_statements"
                    + " where query not like '%pg_stat_statements%' order by total_exec_time desc limit 5", row -> {
                String sql = row.getString("q");
                costliest.append(String.format("- %.1f, %.3f: `%s`%n", row.getLong("calls") / 50.0,
                        row.getDouble("total_exec_time") / 50, sql.length() > 200 ? sql.substring(0, 200) + "…" : sql));
            });
        }
        return table.append(costliest).toString();
    }

    /** The floor of any authenticated API call here: Relay's picklists, from configuration. */
    private void catalog() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/catalog"))
                .header("Authorization", BASIC).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/catalog answered " + response.statusCode());
        }
    }

    /**
     * The same one-user-task start through Camunda's own REST API, as the administrator (Camunda's Basic filter and
     * authorization checks): the bare engine behind HTTP, the floor of any intake over HTTP on this stack.
     */
    private void engineRestStart(int i) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/engine-rest/process-definition/key/BenchOneTask/start"))
                .header("Content-Type", "application/json").header("Authorization", BASIC)
                .POST(HttpRequest.BodyPublishers.ofString("{\"businessKey\": \"R-" + i + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("engine REST start answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** An HTTP Basic header (also the work-list harness's). */
    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Runs {@code count} steps on one client, with the CPU time they took. */
    private static CpuTime.Spent spent(int count, Parallel.Step step) throws Exception {
        return CpuTime.Spent.of(() -> Parallel.run(count, 1, step));
    }

    private static String cpuRows(CpuTime.Spent relay, CpuTime.Spent bare, CpuTime.Spent floor, CpuTime.Spent rest) {
        return cpuRow("Relay: POST /api/referrals", relay, bare) + cpuRow("bare engine: one-user-task process", bare, bare)
                + cpuRow("HTTP floor: GET /api/catalog", floor, bare)
                + cpuRow("bare engine over its REST API", rest, bare);
    }

    private static String cpuRow(String what, CpuTime.Spent spent, CpuTime.Spent bare) {
        return String.format("| %s | %.2f | %.2f | %.2f | %.1f |%n", what, spent.jvmMsPer(COUNT),
                spent.postgresMsPer(COUNT), spent.msPer(COUNT), spent.msPer(COUNT) / bare.msPer(COUNT));
    }

    /** Runs {@code count} steps spread over {@code clients} threads; returns steps per second. */
    private static double run(int count, int clients, Parallel.Step step) throws Exception {
        return count / Parallel.run(count, clients, step);
    }

    private double insertRate(int count, int clients) throws Exception {
        return run(count, clients, i -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                    "insert into bench_insert (payload, at) values (?, now())")) {
                c.setAutoCommit(true);
                insert.setString(1, "row " + i);
                insert.executeUpdate();
            }
        });
    }

    /** Requests started every 1/rate s; latency from the scheduled start to the response, in ms: p50, p99, max. */
    private double[] fixedLoad(int perSecond, int seconds, AtomicInteger n) throws Exception {
        int total = perSecond * seconds;
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        long origin = System.nanoTime() + 50_000_000;
        long interval = 1_000_000_000L / perSecond;
        List<java.util.concurrent.CompletableFuture<Double>> latencies = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            long scheduled = origin + i * interval;
            java.util.concurrent.CompletableFuture<Double> latency = new java.util.concurrent.CompletableFuture<>();
            latencies.add(latency);
            clock.schedule(() -> clients.submit(() -> {
                try {
                    post(n.incrementAndGet());
                    latency.complete((System.nanoTime() - scheduled) / 1e6);
                } catch (Exception e) {
                    latency.completeExceptionally(e);
                }
            }), scheduled - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        double[] ms = new double[total];
        for (int i = 0; i < total; i++) {
            ms[i] = latencies.get(i).get(120, TimeUnit.SECONDS);
        }
        clock.shutdown();
        clients.shutdown();
        Arrays.sort(ms);
        return new double[]{ms[total / 2], ms[(int) Math.ceil(total * 0.99) - 1], ms[total - 1]};
    }

    /**
     * One POST over a keep-alive connection, the whole body in one write, as a bank's integration would send it (the
     * suite's TestRestTemplate streams bodies through a new thread per request, which costs this shared machine more
     * than some of what is measured).
     */
    private void post(int i) throws Exception {
        String body = """
                {"kind": "REFERRAL", "recordType": "PERSON_REFERRAL",
                 "customer": {"type": "PERSON", "name": "Bench Customer %d", "phone": "+1 555 %07d",
                              "email": "bench%d@mail.example", "city": "Springfield", "region": "Central"},
                 "expressedInterest": "MORTGAGE", "interestValue": {"amount": 250000, "currency": "USD"},
                 "sourceChannel": "COLLEAGUE", "referrer": {"type": "INTERNAL_USER", "id": "ryan"}}
                """.formatted(i, i, i);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/referrals"))
                .header("Content-Type", "application/json").header("Authorization", BASIC)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST /api/referrals answered " + response.statusCode() + ": " + response.body());
        }
    }
}
