package org.relay.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.relay.support.CpuTime;
import org.relay.support.Parallel;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CSV import throughput (mvn -Pbench verify -Dtest=ImportBenchmark): a generated campaign file of N leads
 * (-Drelay.bench.import, 5 000 by default; nine products and five regions so routing spreads them over every queue,
 * 1 % bad rows, 0.5 % duplicates) uploaded through POST /api/imports and run by the engine's job executor with
 * Relay's production settings (six threads, 30 jobs per acquisition, by priority): staging, the csv-import process's
 * batches, validation, duplicate check, one lifecycle per lead (scoring, SLA and routing decisions, review task, the
 * "task ready" job) and the import digest mails to GreenMail. Measured until every imported lead has its review task,
 * then until the follow-up work is done (no due job left, the last digest sent), with GET /api/imports/{id} sampled
 * every second all along, the heap's high-water mark and the CPU of this JVM and PostgreSQL. Baseline in the same run,
 * right after it, twice in a row: the bare engine starting a one-user-task process on 4 threads, as many times. With
 * -Drelay.bench.statements=true also what PostgreSQL executes per lead and per bare start (pg_stat_statements) and
 * the five statements that cost the most per lead. Results: target/benchmarks/import.md.
 */
@Tag("benchmark")
class ImportBenchmark extends RelayIntegrationTest {

    static final int N = Integer.getInteger("relay.bench.import", 5_000);
    static final int WARM_UP_ROWS = 300;
    static final int BASELINE_THREADS = 4;
    static final boolean STATEMENTS = Boolean.getBoolean("relay.bench.statements");
    /** Java Flight Recorder during the measured import only; add -Dbench.jvm=-XX:FlightRecorderOptions=stackdepth=512. */
    static final boolean PROFILE = Boolean.getBoolean("relay.bench.profile");
    static final String[] PRODUCTS = {"Mortgage", "Home equity", "Credit card", "Personal loan", "Retirement planning",
            "Estate planning", "Investments", "Insurance", "Business lending"};
    static final String[] REGIONS = {"Central", "North", "South", "East", "West"};
    static final String[] CITIES = {"Springfield", "Shelbyville", "Capital City", "Ogdenville", "North Haverbrook"};

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    ManagementService management;

    /** One GET /api/imports/{id} while the import runs, with the review tasks that existed at that moment. */
    record Sample(double seconds, String status, int processed, int imported, int percent, long reviewTasks,
                  double answerMs) {
    }

    record ImportRun(long id, int imported, int duplicates, int failed, double reviewTasksSeconds, double doneSeconds,
                     CpuTime.Spent cpu, List<Sample> samples, double heapPeakMiB, double liveHeapPeakMiB, double heapAfterGcMiB,
                     int mailDeliveries, int mails, long incidents, String statements) {
    }

    @Test
    void import_of_campaign_leads_against_the_bare_engine() throws Exception {
        repository.createDeployment().addModelInstance("bench-one-task.bpmn", Bpmn.createExecutableProcess("BenchOneTask")
                .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Bench").endEvent().done()).deploy();

        JobExecutor executor = startJobExecutor();
        ImportRun relay;
        try {
            runImport(csv(WARM_UP_ROWS, "warm-up"), "warm-up", false, false);   // JIT, caches, connection pool
            data.clear();
            bank.ensure();
            SMTP.purgeEmailFromAllMailboxes();
            relay = runImport(csv(N, "bench"), "bench", STATEMENTS, PROFILE);
        } finally {
            stopJobExecutor(executor);
        }

        Parallel.run(500, BASELINE_THREADS, i -> runtime.startProcessInstanceByKey("BenchOneTask", "W-" + i));
        CpuTime.Spent bareFirst = CpuTime.Spent.of(() -> Parallel.run(N, BASELINE_THREADS,
                i -> runtime.startProcessInstanceByKey("BenchOneTask", "F-" + i)));
        CpuTime.Spent bareSecond = CpuTime.Spent.of(() -> Parallel.run(N, BASELINE_THREADS,
                i -> runtime.startProcessInstanceByKey("BenchOneTask", "S2-" + i)));
        String bareStatements = STATEMENTS ? bareStatements() : "";

        String result = report(relay, bareFirst, bareSecond, bareStatements);
        System.out.println(result);
        Path out = Path.of("target", "benchmarks", "import.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, result);
    }

    /** Uploads the file and follows it until every lead has its review task, then until the follow-up jobs are done. */
    private ImportRun runImport(byte[] file, String campaign, boolean countStatements, boolean profile) throws Exception {
        if (countStatements) {
            jdbc.execute("create extension if not exists pg_stat_statements");
            jdbc.execute("select pg_stat_statements_reset()");
        }
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        Recording recording = profile ? new Recording(Configuration.getConfiguration("profile")) : null;
        if (recording != null) {
            recording.start();
        }
        CpuTime.Reading cpuStart = CpuTime.Reading.now(CpuTime::thisJvm);
        long start = System.nanoTime();

        ResponseEntity<String> accepted = upload(file, campaign);
        if (accepted.getStatusCode() != HttpStatus.ACCEPTED) {
            throw new IllegalStateException("POST /api/imports answered " + accepted.getStatusCode() + ": " + accepted.getBody());
        }
        long id = json.readTree(accepted.getBody()).get("id").asLong();
        List<Sample> samples = new ArrayList<>();
        long deadline = start + (N / 5 + 900) * 1_000_000_000L;
        JsonNode status;
        long liveHeapPeak = 0;
        while (true) {
            // the heap left after the latest collection of each pool: the live set, unlike the pools' peaks (which
            // include garbage waiting for the next collection, and each pool peaks at another moment)
            liveHeapPeak = Math.max(liveHeapPeak, heap.stream().map(MemoryPoolMXBean::getCollectionUsage)
                    .filter(usage -> usage != null).mapToLong(usage -> usage.getUsed()).sum());
            long asked = System.nanoTime();
            status = json.readTree(rest.getForObject("/api/imports/" + id, String.class));
            double answerMs = (System.nanoTime() - asked) / 1e6;
            long reviewTasks = reviewTasks();
            samples.add(new Sample((System.nanoTime() - start) / 1e9, status.get("status").asText(),
                    status.get("processedRows").asInt(), status.get("importedRows").asInt(),
                    status.get("percent").asInt(), reviewTasks, answerMs));
            if ("DONE".equals(status.get("status").asText()) && reviewTasks >= status.get("importedRows").asInt()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("import " + id + " not done in time: " + status);
            }
            Thread.sleep(1000);
        }
        double reviewTasksSeconds = (System.nanoTime() - start) / 1e9;
        // the follow-up: the last digest, and every lead's "task ready" job (its mail goes into the digest instead)
        while (runtime.createProcessInstanceQuery().processInstanceBusinessKey("IMPORT-" + id).count() > 0
                || management.createJobQuery().processDefinitionKey("ReferralLifecycleProcess").executable().count() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("import " + id + "'s follow-up work not done in time");
            }
            Thread.sleep(200);
        }
        double doneSeconds = (System.nanoTime() - start) / 1e9;
        CpuTime.Spent cpu = cpuStart.until(CpuTime.Reading.now(CpuTime::thisJvm));
        String profileText = "";
        if (recording != null) {
            recording.stop();
            Path jfr = Path.of("target", "benchmarks", "import.jfr");
            Files.createDirectories(jfr.getParent());
            recording.dump(jfr);
            recording.close();
            profileText = JvmProfile.of(jfr).markdown();
        }
        double heapPeak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / 1048576.0;
        System.gc();
        double heapAfterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
        MimeMessage[] deliveries = SMTP.getReceivedMessages();
        Set<String> mails = new HashSet<>();
        for (MimeMessage delivery : deliveries) {
            mails.add(delivery.getMessageID());
        }
        int imported = status.get("importedRows").asInt();
        String statements = countStatements ? statementsPer("lead", imported) : "";
        return new ImportRun(id, imported, status.get("duplicateRows").asInt(), status.get("failedRows").asInt(),
                reviewTasksSeconds, doneSeconds, cpu, samples, heapPeak, liveHeapPeak / 1048576.0, heapAfterGc, deliveries.length, mails.size(),
                runtime.createIncidentQuery().count(), statements + profileText);
    }

    private long reviewTasks() {
        return jdbc.queryForObject("select count(*) from act_ru_task where task_def_key_ = 'Task_ReviewReferral'", Long.class);
    }

    private String bareStatements() throws Exception {
        jdbc.execute("select pg_stat_statements_reset()");
        int count = 1000;
        Parallel.run(count, BASELINE_THREADS, i -> runtime.startProcessInstanceByKey("BenchOneTask", "S-" + i));
        return statementsPer("bare start (1 000, 4 threads)", count);
    }

    /** pg_stat_statements since its reset, per unit of work: totals, then the five statements that took the most time. */
    private String statementsPer(String unit, int units) {
        String notOurs = " where query not like '%pg_stat_statements%'";
        var totals = jdbc.queryForMap("select sum(calls) calls, sum(rows) r, sum(total_exec_time) ms from pg_stat_statements" + notOurs);
        StringBuilder text = new StringBuilder(String.format("Per %s: %.1f statements, %.1f rows, %.2f ms of PostgreSQL execution.%n%n",
                unit, ((Number) totals.get("calls")).doubleValue() / units, ((Number) totals.get("r")).doubleValue() / units,
                ((Number) totals.get("ms")).doubleValue() / units));
        text.append("| the five statements that took the most | calls per ").append(unit).append(" | ms per ").append(unit)
                .append(" |\n| --- | ---: | ---: |\n");
        jdbc.query("select calls, total_exec_time, regexp_replace(query, '\\s+', ' ', 'g') q from pg_stat_statements" + notOurs
                + " order by total_exec_time desc limit 5", row -> {
            String sql = row.getString("q").replace("|", "\\|");
            text.append(String.format("| `%s` | %.2f | %.3f |%n", shortened(sql),
                    row.getLong("calls") / (double) units, row.getDouble("total_exec_time") / units));
        });
        text.append("\n| statements by table touched (first table named) | calls per ").append(unit).append(" | ms per ")
                .append(unit).append(" |\n| --- | ---: | ---: |\n");
        jdbc.query("select coalesce(substring(lower(query) from '(?:from|into|update)\\s+([a-z_0-9]+)'), '(other)') t,"
                + " sum(calls) calls, sum(total_exec_time) ms from pg_stat_statements" + notOurs
                + " group by 1 order by 3 desc limit 12", row -> {
            text.append(String.format("| %s | %.2f | %.3f |%n", row.getString("t"), row.getDouble("calls") / units,
                    row.getDouble("ms") / units));
        });
        return text.toString();
    }

    /**
     * The job executor the test profile leaves off (tests drive jobs themselves), started here with Relay's production
     * settings from application.yaml: 6 threads, a queue of 30, 30 jobs per acquisition.
     */
    private JobExecutor startJobExecutor() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        JobExecutor executor = configuration.getJobExecutor();
        if (executor instanceof DefaultJobExecutor pool) {
            pool.setCorePoolSize(6);
            pool.setMaxPoolSize(6);
            pool.setQueueSize(30);
        }
        executor.setMaxJobsPerAcquisition(30);
        if (!executor.getProcessEngines().contains(processEngine)) {
            executor.registerProcessEngine((ProcessEngineImpl) processEngine);
        }
        executor.start();
        return executor;
    }

    private void stopJobExecutor(JobExecutor executor) {
        executor.shutdown();
        executor.unregisterProcessEngine((ProcessEngineImpl) processEngine);
    }

    private ResponseEntity<String> upload(byte[] content, String campaign) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return campaign + ".csv";
            }
        });
        form.add("campaign", campaign);
        form.add("requestedBy", "jackie");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.postForEntity("/api/imports", new HttpEntity<>(form, headers), String.class);
    }

    /**
     * A campaign file of {@code rows} leads: products and regions in turn (every queue gets its share, investments
     * of a million and more go to Wendy); every 100th row is bad (no name, a broken email, an unknown product, in
     * turn) and every 200th repeats the row 100 before it, so it is a duplicate.
     */
    static byte[] csv(int rows, String tag) {
        StringBuilder csv = new StringBuilder("Full Name,E-mail,Phone,City,State,Product,Amount\n");
        List<String> lines = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            String line;
            if (i % 200 == 199) {
                line = lines.get(i - 100);
            } else {
                String name = "Lead " + tag + " " + i;
                String email = "lead." + tag + "." + i + "@mail.example";
                String product = PRODUCTS[i % PRODUCTS.length];
                if (i % 100 == 0) {
                    switch ((i / 100) % 3) {
                        case 0 -> name = "";
                        case 1 -> email = "not-an-email";
                        default -> product = "Yacht";
                    }
                }
                long amount = product.equals("Investments") && i % 7 == 0 ? 1_500_000 : 5_000 + (i % 50) * 10_000L;
                line = String.format("\"%s\",%s,+1 555 %07d,%s,%s,%s,%d", name, email, i, CITIES[i % CITIES.length],
                        REGIONS[(i / 3) % REGIONS.length], product, amount);
            }
            lines.add(line);
            csv.append(line).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String report(ImportRun relay, CpuTime.Spent bareFirst, CpuTime.Spent bareSecond, String bareStatements) {
        double rows = N / relay.reviewTasksSeconds();
        double leads = relay.imported() / relay.reviewTasksSeconds();
        double bare1 = N / bareFirst.seconds();
        double bare2 = N / bareSecond.seconds();
        double bare = (bare1 + bare2) / 2;
        StringBuilder samples = new StringBuilder("| s since upload | status | rows processed | leads imported | percent | review tasks | GET answered in ms |\n"
                + "| ---: | --- | ---: | ---: | ---: | ---: | ---: |\n");
        List<Sample> all = relay.samples();
        int step = Math.max(1, all.size() / 8);
        for (int i = 0; i < all.size(); i++) {
            if (i % step == 0 || i == all.size() - 1) {
                Sample s = all.get(i);
                samples.append(String.format("| %.1f | %s | %d | %d | %d | %d | %.1f |%n", s.seconds(), s.status(), s.processed(),
                        s.imported(), s.percent(), s.reviewTasks(), s.answerMs()));
            }
        }
        double worstAnswer = all.stream().mapToDouble(Sample::answerMs).max().orElse(0);
        return String.format("""
                Rows: %d (imported %d, duplicates %d, refused %d); digest on; job executor 6 threads; %d cores; heap limit %d MiB

                | what | Relay | baseline in the same run | Relay ÷ baseline |
                | --- | ---: | ---: | ---: |
                | CSV import, %d rows, until every lead has its review task | %.1f leads/s (%.1f rows/s, %.1f s) | bare engine, start of a one-user-task process, %d threads: %.1f/s (first %.1f, second %.1f) | %.1f %% |
                | … until the follow-up work is done (last digest sent, no due job) | %.1f s | | |
                | CPU per lead (this JVM + PostgreSQL) | %.2f ms (JVM %.2f, PostgreSQL %.2f) | per bare start %.2f ms (JVM %.2f, PostgreSQL %.2f) | %.1f × |

                Heap during the import: after collections at most %.0f MiB (sampled every second); the pools' peaks summed %.0f MiB (garbage included, an upper bound); after GC at the end %.0f MiB.
                Mails: %d messages, %d deliveries (one per recipient address) for %d leads. Incidents: %d.
                GET /api/imports/{id}: %d samples, slowest answer %.1f ms.

                %s
                %s
                %s""", N, relay.imported(), relay.duplicates(), relay.failed(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1048576,
                N, leads, rows, relay.reviewTasksSeconds(), BASELINE_THREADS, bare, bare1, bare2, 100 * leads / bare,
                relay.doneSeconds(),
                relay.cpu().msPer(relay.imported()), relay.cpu().jvmMsPer(relay.imported()), relay.cpu().postgresMsPer(relay.imported()),
                perStart(bareFirst, bareSecond, "all"), perStart(bareFirst, bareSecond, "jvm"), perStart(bareFirst, bareSecond, "pg"),
                relay.cpu().msPer(relay.imported()) / perStart(bareFirst, bareSecond, "all"),
                relay.liveHeapPeakMiB(), relay.heapPeakMiB(), relay.heapAfterGcMiB(), relay.mails(), relay.mailDeliveries(), relay.imported(), relay.incidents(),
                all.size(), worstAnswer, samples, relay.statements(), bareStatements);
    }

    private static double perStart(CpuTime.Spent before, CpuTime.Spent after, String which) {
        return switch (which) {
            case "jvm" -> (before.jvmMsPer(N) + after.jvmMsPer(N)) / 2;
            case "pg" -> (before.postgresMsPer(N) + after.postgresMsPer(N)) / 2;
            default -> (before.msPer(N) + after.msPer(N)) / 2;
        };
    }

    /** A statement's start and, for a long one, its condition: enough to tell which query it is. */
    private static String shortened(String sql) {
        if (sql.length() <= 160) {
            return sql;
        }
        int where = sql.toLowerCase(java.util.Locale.ROOT).lastIndexOf(" where ");
        String condition = where < 0 ? "" : sql.substring(where, Math.min(sql.length(), where + 140));
        return sql.substring(0, 100) + " …" + condition + (where >= 0 && where + 140 < sql.length() ? "…" : "");
    }
}
