package org.relay.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Relay as it runs in production: separate node processes on one PostgreSQL, sharing the work through Camunda's job
 * executor. Two nodes create referrals and send every mail and fire every timer exactly once; a node killed with
 * SIGKILL mid-load loses nothing it acknowledged and its due timers and mails go out after a restart; an SMTP outage
 * and a PostgreSQL restart heal without anyone stepping in.
 */
@Tag("reliability")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterResilienceTest {

    private static final Path WORK = Path.of(System.getProperty("java.io.tmpdir"), "cluster-test");
    /** The warning timer comes due 15 s after assignment; escalation is far away so the test sees one timer per referral. */
    private static final List<String> FAST_SLA = List.of("--relay.sla.review-reminder=PT15S",
            "--relay.sla.review-escalation=PT2H", "--relay.sla.no-activity-escalation=PT2H",
            // a dead node's jobs stay locked until their lock expires (5 min by default); 30 s keeps the test short
            "--camunda.bpm.job-execution.lock-time-in-millis=30000");

    private static final int DB_PORT = freePort();
    private static final int SMTP_PORT = freePort();

    private final ObjectMapper json = new ObjectMapper();
    private final ClusterBank bank = new ClusterBank();
    private final AtomicInteger customers = new AtomicInteger();
    /** Every mail received, across SMTP restarts, by Message-ID: recipient + subject. */
    private final Map<String, String> mails = new ConcurrentHashMap<>();

    private EmbeddedPostgres postgres;
    private GreenMail smtp;
    private final List<RelayNode> nodes = new ArrayList<>();

    @Test
    void two_nodes_share_the_work_and_survive_a_kill_an_smtp_outage_and_a_database_restart() throws Exception {
        Files.createDirectories(WORK);
        for (String name : List.of("node-a", "node-b")) {
            Files.deleteIfExists(WORK.resolve("node-" + name + ".log"));
        }
        startPostgres(true);
        startSmtp();
        RelayNode a = node("node-a");
        a.start();
        bank.open(a, 1000);
        RelayNode b = node("node-b");
        b.start();

        // 1. Both nodes take referrals; between them every mail goes out once and every warning timer fires once.
        Map<String, Integer> created = new ConcurrentHashMap<>();
        List<Integer> failures = new CopyOnWriteArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 40; i++) {
            RelayNode via = i % 2 == 0 ? a : b;
            clients.submit(() -> {
                HttpResponse<String> response = createReferral(via);
                if (response.statusCode() == 201) {
                    created.put(reference(response), 1);
                } else {
                    failures.add(response.statusCode());
                }
                return null;
            });
        }
        clients.shutdown();
        Assertions.assertThat(clients.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
        Assertions.assertThat(failures).as("statuses other than 201").isEmpty();
        Assertions.assertThat(created).hasSize(40);
        awaitNewAndReminderMails(created.keySet(), Duration.ofMinutes(3), true);
        assertEveryMailOnce(created.keySet());
        assertWarningTimerFiredOnce(created.keySet());
        Assertions.assertThat(jobHosts()).as("nodes whose job executor ran jobs").contains("node-a", "node-b");

        // 2. SIGKILL while referrals are created and accepted: nothing acknowledged is lost, due work resumes.
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            load.submit(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> response = createReferral(b);
                        if (response.statusCode() == 201) {
                            String ref = reference(response);
                            acknowledged.add(ref);
                            if (thread % 2 == 0) {
                                String owner = json.readTree(response.body()).get("owner").asText();
                                HttpResponse<String> review = post(b, "/api/referrals/" + ref + "/review",
                                        "{\"decision\":\"ACCEPT\"}", owner, ClusterBank.password(owner));
                                if (review.statusCode() == 200) {
                                    accepted.add(ref);
                                }
                            }
                        }
                    } catch (IOException nodeGone) {
                        // the node died under this request: it was not acknowledged
                    }
                }
                return null;
            });
        }
        Thread.sleep(8_000);
        b.kill();
        a.kill();
        running.set(false);
        load.shutdown();
        load.awaitTermination(1, TimeUnit.MINUTES);
        Assertions.assertThat(acknowledged).as("referrals acknowledged before the kill").isNotEmpty();

        a.start();
        Map<String, String> instances = processInstances(acknowledged);
        Assertions.assertThat(instances.keySet()).as("acknowledged referrals with their process instance")
                .containsExactlyInAnyOrderElementsOf(acknowledged);
        Assertions.assertThat(statuses(accepted).values()).as("acknowledged acceptances").containsOnly("ACCEPTED");
        // an acceptance may have committed although its answer was lost in the kill: the database says which wait
        Set<String> waiting = new HashSet<>();
        statuses(acknowledged).forEach((ref, status) -> {
            if (status.equals("ASSIGNED")) {
                waiting.add(ref);
            }
        });
        // a mail being sent at the instant of the kill may go out again when its job reruns (at least once, never lost)
        awaitNewAndReminderMails(waiting, Duration.ofMinutes(4), false);

        // 3. SMTP down: the mail jobs fail and retry (R5/PT1M); once it is back every mail arrives, once.
        snapshotMails();
        smtp.stop();
        Set<String> duringOutage = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            duringOutage.add(reference(createReferral(a)));
        }
        Thread.sleep(5_000);
        startSmtp();
        awaitNewAndReminderMails(duringOutage, Duration.ofMinutes(4), true);
        assertEveryMailOnce(duringOutage);

        // 4. PostgreSQL restarts under the running node: it reconnects by itself and nothing is lost. While the database
        // is gone the node says it is not ready (a load balancer stops sending it requests) but alive (no restart).
        postgres.close();
        Assertions.assertThat(probe(a, "/actuator/health/readiness")).as("readiness without the database").isEqualTo(503);
        Assertions.assertThat(probe(a, "/actuator/health/liveness")).as("liveness without the database").isEqualTo(200);
        startPostgres(false);
        String afterRestart = null;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (afterRestart == null && Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = createReferral(a);
            if (response.statusCode() == 201) {
                afterRestart = reference(response);
            } else {
                Assertions.assertThat(response.statusCode()).as("while the pool reconnects").isGreaterThanOrEqualTo(500);
                Thread.sleep(1_000);
            }
        }
        Assertions.assertThat(afterRestart).as("a referral created after the database restart").isNotNull();
        Set<String> everything = new HashSet<>(created.keySet());
        everything.addAll(acknowledged);
        everything.addAll(duringOutage);
        everything.add(afterRestart);
        Assertions.assertThat(processInstances(everything)).hasSize(everything.size());
        awaitNewAndReminderMails(Set.of(afterRestart), Duration.ofMinutes(2), true);
        assertEveryMailOnce(Set.of(afterRestart));
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (RelayNode node : nodes) {
            node.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** A health probe's status code, as a load balancer or Kubernetes would ask (anonymous). */
    private static int probe(RelayNode node, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.url(path)))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpResponse<String> createReferral(RelayNode node) throws IOException, InterruptedException {
        return bank.createReferral(node, customers.incrementAndGet());
    }

    // --- what the test checks ------------------------------------------------------------------------------------

    /** Each referral's "New" and "Reminder" mails arrived (exactly once, or at least once after a crash). */
    private void awaitNewAndReminderMails(Collection<String> references, Duration within, boolean exactlyOnce)
            throws Exception {
        await(within, () -> {
            List<String> all = allMails();
            return references.stream().allMatch(ref -> arrived(all, "New mortgage referral " + ref + ":", exactlyOnce)
                    && arrived(all, "Reminder: referral " + ref + " ", exactlyOnce));
        }, () -> "New + Reminder mails " + (exactlyOnce ? "exactly once" : "at least once") + "; per referral: "
                + references.stream().map(ref -> ref + " new=" + count(allMails(), "New mortgage referral " + ref + ":")
                + " reminder=" + count(allMails(), "Reminder: referral " + ref + " ")).toList());
    }

    private static boolean arrived(List<String> mails, String subjectPart, boolean exactlyOnce) {
        long count = count(mails, subjectPart);
        return exactlyOnce ? count == 1 : count >= 1;
    }

    private void assertEveryMailOnce(Collection<String> references) {
        List<String> about = allMails().stream().filter(mail -> references.stream().anyMatch(ref -> mail.contains(ref + " ")
                || mail.contains(ref + ":"))).toList();
        Set<String> seen = new HashSet<>();
        List<String> duplicates = about.stream().filter(mail -> !seen.add(mail)).toList();
        Assertions.assertThat(duplicates).as("mails sent more than once").isEmpty();
    }

    private void assertWarningTimerFiredOnce(Collection<String> references) throws Exception {
        Map<String, String> instances = processInstances(references);
        try (Connection db = database(); var statement = db.prepareStatement(
                "select proc_inst_id_, count(*) from act_hi_actinst where act_id_ = 'Timer_ReviewReminder' "
                        + "and proc_inst_id_ = any (?) group by proc_inst_id_")) {
            statement.setArray(1, db.createArrayOf("varchar", instances.values().toArray()));
            Map<String, Integer> fired = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    fired.put(rows.getString(1), rows.getInt(2));
                }
            }
            Assertions.assertThat(fired).hasSize(instances.size());
            Assertions.assertThat(fired.values()).containsOnly(1);
        }
    }

    private Map<String, String> processInstances(Collection<String> references) throws Exception {
        Map<String, String> found = new HashMap<>();
        try (Connection db = database(); var statement = db.prepareStatement(
                "select r.reference_number, p.id_ from referral r join act_hi_procinst p on p.id_ = r.process_instance_id "
                        + "where r.reference_number = any (?)")) {
            statement.setArray(1, db.createArrayOf("varchar", references.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return found;
    }

    private Map<String, String> statuses(Collection<String> references) throws Exception {
        Map<String, String> found = new HashMap<>();
        try (Connection db = database(); var statement = db.prepareStatement(
                "select reference_number, status from referral where reference_number = any (?)")) {
            statement.setArray(1, db.createArrayOf("varchar", references.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return found;
    }

    private Set<String> jobHosts() throws Exception {
        Set<String> hosts = new HashSet<>();
        try (Connection db = database(); var rows = db.createStatement().executeQuery(
                "select distinct hostname_ from act_hi_job_log where job_exception_msg_ is null")) {
            while (rows.next()) {
                hosts.add(rows.getString(1));
            }
        }
        return hosts;
    }

    private static long count(List<String> mails, String subjectPart) {
        return mails.stream().filter(mail -> mail.contains(subjectPart)).count();
    }

    /** What the SMTP server has received so far, each message once however often it is read. */
    private List<String> allMails() {
        snapshotMails();
        return new ArrayList<>(mails.values());
    }

    private void snapshotMails() {
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                mails.putIfAbsent(message.getMessageID(), String.join(",", java.util.Arrays.stream(
                        message.getAllRecipients()).map(Object::toString).toList()) + " | " + message.getSubject());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // --- plumbing ------------------------------------------------------------------------------------------------

    private RelayNode node(String name) {
        RelayNode node = new RelayNode(name, "jdbc:postgresql://localhost:" + DB_PORT + "/postgres", SMTP_PORT, FAST_SLA, WORK);
        nodes.add(node);
        return node;
    }

    /** Kept data directory: closing the server must not delete it, or the restart would be a new empty database. */
    private void startPostgres(boolean fresh) throws IOException {
        Path data = WORK.resolve("pgdata");
        if (fresh && Files.exists(data)) {
            try (var files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        postgres = EmbeddedPostgres.builder().setPort(DB_PORT).setDataDirectory(data)
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private Connection database() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + DB_PORT + "/postgres", "postgres", "postgres");
    }

    private HttpResponse<String> post(RelayNode node, String path, String body, String user, String password)
            throws IOException, InterruptedException {
        return bank.send(node, "POST", path, body, user, password);
    }

    private String reference(HttpResponse<String> response) throws IOException {
        Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        return body.get("referenceNumber").asText();
    }

    private static void await(Duration within, BooleanSupplier done, java.util.function.Supplier<String> what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + within + ": " + what.get());
            }
            Thread.sleep(1_000);
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
