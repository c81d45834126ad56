package org.relay.reliability;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.relay.support.CpuTime;
import org.relay.support.Parallel;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Escalation burst (mvn -Pbench verify -Dtest=EscalationBurstBenchmark): N referrals (10 000 by default,
 * -Drelay.bench.burst) wait in review, their escalation timers far away. Then every escalation timer comes due at
 * once, and the harness measures, from that instant, until every referral has escalated to the manager queue
 * (timeline ESCALATED) and until the follow-up work (the manager queue's "new referral" mail) is done — with one node
 * and with two, each time from the same database snapshot. Two baselines, measured on the same nodes just before: as
 * many bare-engine timers (timer → user task) coming due at once, and as many escalations of the lifecycle's shape in
 * the engine alone (SHAPE_BPMN). Nodes are separate JVMs in the production profile
 * (job executor on, like ClusterResilienceTest); results go to target/benchmarks/escalation-burst.md.
 */
@Tag("benchmark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EscalationBurstBenchmark {

    static final int N = Integer.getInteger("relay.bench.burst", 10_000);
    private static final Path WORK = Path.of(System.getProperty("java.io.tmpdir"), "escalation-burst");
    /** Both timers an hour away while seeding; the harness moves the escalations to "now". */
    private static final List<String> SLOW_SLA = List.of("--relay.sla.review-reminder=PT50M",
            "--relay.sla.review-escalation=PT1H", "--relay.sla.no-activity-escalation=PT2H");
    /** Camunda's own job executor settings, which Relay's application.yaml changes (docs/benchmarks.md). */
    static final List<String> CAMUNDA_DEFAULTS = List.of("--camunda.bpm.job-execution.max-jobs-per-acquisition=3",
            "--camunda.bpm.job-execution.core-pool-size=3", "--camunda.bpm.job-execution.max-pool-size=10",
            "--camunda.bpm.job-execution.queue-capacity=3",
            "--camunda.bpm.generic-properties.properties.job-executor-acquire-by-priority=false");
    /** Seeding only creates: the review tasks' "new referral" mails are not part of the burst. */
    private static final List<String> NO_JOBS = List.of("--camunda.bpm.job-execution.enabled=false");

    /** The baseline: a bare timer, then a user task. */
    private static final String BARE_TIMER_BPMN = Bpmn.convertToString(Bpmn.createExecutableProcess("BenchTimerProcess")
            .camundaHistoryTimeToLive(1)
            .startEvent("Start_Bench")
            .intermediateCatchEvent("Timer_BenchWait").timerWithDuration("PT1H")
            .userTask("Task_BenchAfterTimer").camundaCandidateGroups("referral-managers")
            .endEvent("End_Bench")
            .done());

    /**
     * The lifecycle's escalation in the engine alone: a review task with the same three timers (task ready at once,
     * warning, escalation); the escalation cancels the task and creates it again with three new timers, and the new
     * "task ready" timer is a second job — Relay's escalation without Relay's code (no decisions, variables, mail).
     */
    private static final String SHAPE_BPMN = Bpmn.convertToString(Bpmn.createExecutableProcess("BenchEscalationShape")
            .camundaHistoryTimeToLive(1)
            .startEvent("Start_Shape")
            .exclusiveGateway("Gateway_ShapeMerge")
            .userTask("Task_ShapeReview").camundaCandidateGroups("referral-managers")
            .endEvent("End_ShapeDone")
            .moveToActivity("Task_ShapeReview")
            .boundaryEvent("Timer_ShapeReady").cancelActivity(false).timerWithDuration("PT0S").endEvent("End_ShapeReady")
            .moveToActivity("Task_ShapeReview")
            .boundaryEvent("Timer_ShapeReminder").cancelActivity(false).timerWithDuration("PT50M").endEvent("End_ShapeReminded")
            .moveToActivity("Task_ShapeReview")
            .boundaryEvent("Timer_ShapeEscalation").timerWithDuration("PT1H").connectTo("Gateway_ShapeMerge")
            .done());

    private final int dbPort = freePort();
    private final int smtpPort = freePort();
    private final ClusterBank bank = new ClusterBank();
    private final List<RelayNode> running = new ArrayList<>();
    private EmbeddedPostgres postgres;
    private Connection polling;
    private GreenMail smtp;

    /** {@code engineIndexes}: false drops Relay's indexes on Camunda's tables (EngineIndexes) once the nodes are up. */
    record Run(String name, int nodes, List<String> arguments, boolean engineIndexes) {

        Run(String name, int nodes, List<String> arguments) {
            this(name, nodes, arguments, true);
        }
    }

    record Burst(Baseline bare, Baseline shape, double escalatedSeconds, double doneSeconds, long mails, long incidents,
                 Map<String, Long> jobsByNode, String statements, CpuTime.Spent relayCpu) {
    }

    /** A baseline's timers made due at once: seconds until done, CPU, and (with STATEMENTS) what PostgreSQL ran per unit. */
    record Baseline(double seconds, CpuTime.Spent cpu, String statements) {
    }

    @FunctionalInterface
    interface Done {
        void await() throws Exception;
    }

    /** CPU of the nodes' JVMs and of PostgreSQL so far (not the harness nor the mail server). */
    private CpuTime.Reading cpu() {
        return CpuTime.Reading.now(() -> running.stream().mapToLong(RelayNode::cpuNanos).sum());
    }

    /** -Drelay.bench.statements=true: what PostgreSQL executes per seeded referral, bare timer and escalation (pg_stat_statements). */
    private static final boolean STATEMENTS = Boolean.getBoolean("relay.bench.statements");

    @Test
    void ten_thousand_escalations_at_once_on_one_and_two_nodes() throws Exception {
        Files.createDirectories(WORK);
        Path data = WORK.resolve("pgdata");
        Path snapshot = WORK.resolve("pgdata-seeded");
        delete(data);
        delete(snapshot);
        startSmtp();

        startPostgres(data);
        RelayNode seed = node("seed", Stream.concat(SLOW_SLA.stream(), NO_JOBS.stream()).toList());
        bank.open(seed, 10_000);
        if (STATEMENTS) {
            try (Connection db = database()) {
                db.createStatement().execute("create extension if not exists pg_stat_statements");
            }
        }
        // the last tenth is timed (and its statements counted) apart: what a referral costs with 90 % already open
        int lastTenth = N / 10;
        long seedStart = System.nanoTime();
        seedReferrals(seed, 0, N - lastTenth);
        resetStatements();
        long lastStart = System.nanoTime();
        seedReferrals(seed, N - lastTenth, N);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        double lastRate = lastTenth / ((System.nanoTime() - lastStart) / 1e9);
        String seedStatements = statements("referral created, the last " + lastTenth + " of the seeding", lastTenth);
        bank.deploy(seed, "bench-timer.bpmn", BARE_TIMER_BPMN);
        Parallel.run(N, 4, i -> ClusterBank.expect(bank.asAdmin(seed, "POST",
                "/engine-rest/process-definition/key/BenchTimerProcess/start", "{\"businessKey\":\"T-" + i + "\"}"), 200));
        bank.deploy(seed, "bench-escalation-shape.bpmn", SHAPE_BPMN);
        Parallel.run(N, 4, i -> ClusterBank.expect(bank.asAdmin(seed, "POST",
                "/engine-rest/process-definition/key/BenchEscalationShape/start", "{\"businessKey\":\"E-" + i + "\"}"), 200));
        stopAll();
        // as if every recipient had been told already: the "task ready" timers (PT0S, then the mail) stay out of the burst
        try (Connection db = database()) {
            db.createStatement().executeUpdate("update act_ru_job set duedate_ = timestamp '2099-01-01 00:00'"
                    + " where job_def_id_ in (select id_ from act_ru_jobdef where act_id_ in ('Task_NotifyRecipient', 'Timer_ShapeReady'))");
        }
        closePolling();
        postgres.close();
        copy(data, snapshot);

        List<Run> all = List.of(new Run("1 node, Camunda's default job executor settings", 1, CAMUNDA_DEFAULTS),
                new Run("1 node, Relay's settings (application.yaml)", 1, List.of()),
                new Run("2 nodes, Relay's settings", 2, List.of()),
                new Run("1 node, Relay's settings, Camunda's indexes only", 1, List.of(), false));
        // -Drelay.bench.burst-runs=2 (or 1,3 …) measures only those, for quicker iterations on one configuration
        List<Run> runs = Arrays.stream(System.getProperty("relay.bench.burst-runs", "1,2,3,4").split(","))
                .map(number -> all.get(Integer.parseInt(number.trim()) - 1)).toList();
        Map<Run, Burst> results = new LinkedHashMap<>();
        for (Run run : runs) {
            delete(data);
            copy(snapshot, data);
            startPostgres(data);
            List<String> arguments = Stream.concat(SLOW_SLA.stream(), run.arguments().stream()).toList();
            for (int n = 0; n < run.nodes(); n++) {
                node("node-" + (char) ('a' + n), arguments);
            }
            if (!run.engineIndexes()) {
                try (Connection db = database()) {
                    db.createStatement().execute("drop index relay_job_due_idx, relay_job_locked_idx, relay_task_parent_idx");
                }
            }
            smtp.purgeEmailFromAllMailboxes();
            results.put(run, burst());
            System.out.println(run + " → " + results.get(run));
            stopAll();
            closePolling();
            postgres.close();
        }
        write(seedSeconds, lastRate, seedStatements, results);
    }

    /** Bare timers first, then the engine-only escalations, then Relay's, each from the instant its timers come due. */
    private Burst burst() throws Exception {
        Baseline bare = baseline("Timer_BenchWait", "bare timer → task", () -> awaitCount("bare-engine tasks after the timer",
                () -> count("select count(*) from act_ru_task where task_def_key_ = 'Task_BenchAfterTimer'"), N,
                Duration.ofMinutes(30)));
        Timestamp shapeFrom = Timestamp.from(Instant.now());
        Baseline shape = baseline("Timer_ShapeEscalation", "engine-only escalation (and its second job)", () -> {
            awaitCount("engine-only escalations", () -> count("select count(*) from act_ru_task where task_def_key_ ="
                    + " 'Task_ShapeReview' and create_time_ >= timestamp '" + shapeFrom + "'"), N, Duration.ofMinutes(30));
            awaitCount("due jobs", this::dueJobs, 0, Duration.ofMinutes(30));
        });

        resetStatements();
        Instant before = Instant.now();
        CpuTime.Reading relayCpuStart = cpu();
        long start = makeDue("Timer_ReviewEscalation");
        awaitCount("escalated referrals", () -> count(
                "select count(*) from referral_event where type = 'ESCALATED'"), N, Duration.ofMinutes(30));
        double escalated = (System.nanoTime() - start) / 1e9;
        awaitCount("due jobs", this::dueJobs, 0, Duration.ofMinutes(30));
        long mails;
        do {
            // only the managers' mails are sent in the burst; their recipients are checked once all have arrived
            mails = smtp.getReceivedMessages().length;
            if (mails < N) {
                Thread.sleep(200);
            }
        } while (mails < N && (System.nanoTime() - start) / 1e9 < 1800);
        double done = (System.nanoTime() - start) / 1e9;
        CpuTime.Spent relayCpu = relayCpuStart.until(cpu());
        String perUnit = bare.statements() + shape.statements() + statements("escalation (and its manager mail)", N);
        mails = Arrays.stream(smtp.getReceivedMessages()).filter(this::aboutEscalation).count();
        Map<String, Long> byNode = new LinkedHashMap<>();
        try (Connection db = database(); var statement = db.prepareStatement("""
                select hostname_, count(*) from act_hi_job_log where job_exception_msg_ is null
                and job_state_ = 2 and timestamp_ >= ? group by hostname_ order by hostname_""")) {
            statement.setTimestamp(1, Timestamp.from(before));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    byNode.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return new Burst(bare, shape, escalated, done, mails, count("select count(*) from act_ru_incident"), byNode, perUnit,
                relayCpu);
    }

    /** One baseline: its timers made due in one update, timed until {@code done} returns. */
    private Baseline baseline(String timerActivity, String unit, Done done) throws Exception {
        resetStatements();
        CpuTime.Reading cpuStart = cpu();
        long start = makeDue(timerActivity);
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Baseline(seconds, cpuStart.until(cpu()), statements(unit, N));
    }

    private void resetStatements() {
        if (STATEMENTS) {
            count("select count(*) from (select pg_stat_statements_reset()) reset");
        }
    }

    /** Per unit ({@code units} of them): statements and PostgreSQL time, then the statements that took the most. */
    private String statements(String unit, int units) throws Exception {
        if (!STATEMENTS) {
            return "";
        }
        StringBuilder table = new StringBuilder();
        try (Connection db = database(); var statement = db.createStatement(); ResultSet rows = statement.executeQuery("""
                select calls, total_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements
                where query not like '%pg_stat_statements%' and query not like '/* bench */%'
                order by total_exec_time desc""")) {
            long calls = 0;
            double ms = 0;
            int shown = 0;
            StringBuilder top = new StringBuilder();
            while (rows.next()) {
                calls += rows.getLong(1);
                ms += rows.getDouble(2);
                if (shown++ < 15) {
                    String sql = rows.getString(4);
                    top.append(String.format("| %.2f | %.3f | %.1f | `%s` |%n", rows.getLong(1) / (double) units,
                            rows.getDouble(2) / units, rows.getLong(3) / (double) units,
                            (sql.length() > 160 ? sql.substring(0, 160) + "…" : sql).replace("|", "\\|")));
                }
            }
            table.append(String.format("%nPer %s: %.1f statements, %.2f ms of PostgreSQL execution. The 15 that took the most:%n%n"
                    + "| calls per unit | ms per unit | rows per unit | statement |%n| ---: | ---: | ---: | --- |%n", unit,
                    calls / (double) units, ms / units)).append(top);
        }
        return table.toString();
    }

    private boolean aboutEscalation(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().startsWith("jackie@"));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every timer of that activity due now; returns the instant (nanoTime) the change committed. */
    private long makeDue(String timerActivity) throws Exception {
        try (Connection db = database(); var statement = db.prepareStatement("""
                update act_ru_job set duedate_ = now() where job_def_id_ in
                (select id_ from act_ru_jobdef where act_id_ = ?)""")) {
            statement.setString(1, timerActivity);
            int due = statement.executeUpdate();
            if (due != N) {
                throw new IllegalStateException(due + " " + timerActivity + " timers, expected " + N);
            }
            return System.nanoTime();
        }
    }

    private void seedReferrals(RelayNode node, int from, int to) throws Exception {
        AtomicInteger customers = new AtomicInteger(from);
        Parallel.run(to - from, 4, i -> {
            HttpResponse<String> response = bank.createReferral(node, customers.incrementAndGet());
            ClusterBank.expect(response, 201);
        });
    }

    private long dueJobs() {
        return count("select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= now())");
    }

    private void write(double seedSeconds, double lastTenthRate, String seedStatements, Map<Run, Burst> results) throws IOException {
        StringBuilder table = new StringBuilder(String.format("""
                %d referrals in review, each escalation timer made due at the same instant; nodes are JVMs of the
                production profile on one embedded PostgreSQL 17; %d cores shared by all. Seeded through the API in %.0f s
                (%.1f referrals/s, 4 clients, one node, job executor off; the last tenth %.1f referrals/s).

                The engine-only escalation is the lifecycle's shape without Relay's code: the review task with its three
                timers cancelled and created again with three new ones, the new "task ready" timer a second job.

                | run | bare engine: %d timers → task, s | engine only, same shape: all escalated, s | Relay: all escalated, s | Relay: escalated and managers mailed, s | escalations/s | × bare | × engine only | jobs per node | incidents |
                | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |
                """, N, Runtime.getRuntime().availableProcessors(), seedSeconds, N / seedSeconds, lastTenthRate, N));
        results.forEach((run, b) -> table.append(String.format("| %s | %.1f | %.1f | %.1f | %.1f | %.0f | %.1f | %.1f | %s | %d |%n",
                run.name(), b.bare().seconds(), b.shape().seconds(), b.escalatedSeconds(), b.doneSeconds(), N / b.escalatedSeconds(),
                b.escalatedSeconds() / b.bare().seconds(), b.doneSeconds() / b.shape().seconds(), b.jobsByNode(), b.incidents())));
        table.append("""

                CPU time per timer (bare engine), per engine-only escalation and per escalation with its mail (Relay), of
                the nodes' JVMs and of every PostgreSQL process; the harness and the mail server not counted:

                | run | bare: nodes ms | bare: PostgreSQL ms | engine only: nodes ms | engine only: PostgreSQL ms | Relay: nodes ms | Relay: PostgreSQL ms | Relay × bare (together) | Relay × engine only |
                | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
                """);
        results.forEach((run, b) -> table.append(String.format("| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f | %.1f |%n",
                run.name(), b.bare().cpu().jvmMsPer(N), b.bare().cpu().postgresMsPer(N), b.shape().cpu().jvmMsPer(N),
                b.shape().cpu().postgresMsPer(N), b.relayCpu().jvmMsPer(N), b.relayCpu().postgresMsPer(N),
                b.relayCpu().msPer(N) / b.bare().cpu().msPer(N), b.relayCpu().msPer(N) / b.shape().cpu().msPer(N))));
        table.append("\nMails to the manager per run: ").append(results.values().stream().map(b -> Long.toString(b.mails())).toList())
                .append("\nCamunda's defaults: ").append(String.join(" ", CAMUNDA_DEFAULTS)).append('\n');
        table.append(seedStatements.isEmpty() ? "" : "\n### Seeding\n" + seedStatements);
        results.forEach((run, b) -> table.append(b.statements().isEmpty() ? "" : "\n### " + run.name() + "\n" + b.statements()));
        System.out.println(table);
        Path out = Path.of("target", "benchmarks", "escalation-burst.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }

    // --- plumbing ------------------------------------------------------------------------------------------------

    private RelayNode node(String name, List<String> arguments) throws Exception {
        // -Drelay.bench.node-args="--camunda.bpm.history-level=audit" tries a setting on every node, seeding included
        List<String> extra = Arrays.stream(System.getProperty("relay.bench.node-args", "").split(" "))
                .filter(argument -> !argument.isBlank()).toList();
        RelayNode node = new RelayNode(name, "jdbc:postgresql://localhost:" + dbPort + "/postgres", smtpPort,
                Stream.concat(arguments.stream(), extra.stream()).toList(), WORK);
        running.add(node);
        node.start();
        return node;
    }

    private void stopAll() throws InterruptedException {
        for (RelayNode node : running) {
            node.stop();
        }
        running.clear();
    }

    private void startPostgres(Path data) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(dbPort).setDataDirectory(data)
                .setCleanDataDirectory(false).setRegisterShutdownHook(false);
        if (STATEMENTS) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        postgres = builder.start();
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    void stopEverything() throws Exception {
        stopAll();
        if (smtp != null) {
            smtp.stop();
        }
        closePolling();
        if (postgres != null) {
            postgres.close();
        }
    }

    private Connection database() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/postgres", "postgres", "postgres");
    }

    /** Polled every 200 ms while the nodes work: over one connection, so the harness does not take their CPU. */
    private long count(String sql) {
        try {
            if (polling == null || polling.isClosed()) {
                polling = database();
            }
            try (var statement = polling.createStatement(); ResultSet rows = statement.executeQuery("/* bench */ " + sql)) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private void closePolling() throws Exception {
        if (polling != null) {
            polling.close();
            polling = null;
        }
    }

    private static void awaitCount(String what, LongSupplier count, long expected, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        long now;
        while ((now = count.getAsLong()) != expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + ": " + now + ", expected " + expected + " within " + within);
            }
            Thread.sleep(200);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Files.copy(source, to.resolve(from.relativize(source).toString()),
                        java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void delete(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
