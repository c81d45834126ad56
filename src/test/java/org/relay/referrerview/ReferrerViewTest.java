package org.relay.referrerview;

import jakarta.mail.internet.MimeMessage;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relay.links.AccessLinkPurpose;
import org.relay.links.AccessLinks;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferrerType;
import org.relay.routing.Advocate;
import org.relay.routing.AdvocateRepository;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * External referrers' view (issue #28), on GreenMail: Lena, an advocate without a Relay account, is told at each turn
 * with a signed link to her page, which shows her referrals as "Referrals I sent" does — status, the specialist's first
 * name, last activity, outcome, what was shared — and nothing internal; managers revoke and re-issue her links; unknown,
 * expired and revoked links all get the same plain page.
 */
class ReferrerViewTest extends RelayIntegrationTest {

    static final String LENA = "lena@ortiz-realty.example";
    static final Pattern LINK = Pattern.compile("https://relay\\.test/public/referrals/([A-Za-z0-9_-]{43})");

    @LocalServerPort
    int port;
    @Autowired
    ReferralIntake intake;
    @Autowired
    ManagementService management;
    @Autowired
    AdvocateRepository advocates;
    @Autowired
    AccessLinks links;
    @Autowired
    ReferrerViewRateLimit rateLimit;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    @AfterEach
    void forgetTheLimits() {
        rateLimit.reset();
    }

    /** Lena Ortiz, an advocate Bob owns, reachable by mail. */
    static Advocate lena(AdvocateRepository advocates) {
        Advocate lena = new Advocate("ADV-123", "Lena Ortiz", "bob", true);
        lena.reachableAt(LENA);
        advocates.saveAndFlush(lena);
        return lena;
    }

    /** The number the database gave the advocate for its links (V27). */
    private long number(Advocate advocate) {
        return new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForObject(
                "select link_subject_id from advocate where code = ?", Long.class, advocate.getCode());
    }

    /** A referral Lena sent (Bob gets it: he owns her). */
    static CreateReferralRequest fromLena(String customer, String notes) {
        CreateReferralRequest r = RelayTestData.referral(customer, "MORTGAGE", "20000", "ryan");
        return new CreateReferralRequest(r.kind(), r.recordType(), r.customer(), r.expressedInterest(), r.interestValue(),
                "ADVOCATE", new CreateReferralRequest.ReferrerData(ReferrerType.ADVOCATE, "ADV-123", null), notes);
    }

    @Test
    void the_advocates_mail_carries_a_signed_link_to_her_referrals_in_plain_words_and_nothing_internal() throws Exception {
        lena(advocates);
        Referral oliver = intake.create(fromLena("Oliver Grant", "Internal: strong credit, score high"));
        Referral maya = intake.create(fromLena("Maya Stone", null));
        complete(task("Task_ReviewReferral", instance(oliver)), withVariables("reviewDecision", "accept"));
        recordSharedCall(oliver);
        complete(task("Task_ReviewReferral", instance(maya)), withVariables("reviewDecision", "accept"));
        complete(task("Task_WorkReferral", instance(maya)), withVariables("workOutcome", "closeLost",
                "closeReason", "WENT_TO_COMPETITOR", "outcomeNote", "Secret: took a fixed rate at Acme"));
        tellReferrers();

        List<MimeMessage> mails = mailsTo(LENA);
        Assertions.assertThat(mails).isNotEmpty();
        String text = com.icegreen.greenmail.util.GreenMailUtil.getBody(mails.get(0)).replace("=\r\n", "").replace("=3D", "=");
        Assertions.assertThat(text).contains("See your referrals").contains("works until");
        String token = tokenIn(text);

        HttpResponse<String> page = get("/public/referrals/" + token);
        Assertions.assertThat(page.statusCode()).isEqualTo(200);
        Assertions.assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        Assertions.assertThat(page.body()).contains("Hello Lena Ortiz").contains("2 referrals")
                .contains("Oliver G.").contains("Maya S.").contains(oliver.getReferenceNumber())
                .contains("In progress").contains("Closed")
                .contains("Went to a competitor").contains("Bob").contains("Shared with you").contains("Rate check")
                // nothing internal: no surname, notes, close note, score, queue, routing, surname of the specialist
                .doesNotContain("Grant").doesNotContain("Stone").doesNotContain("Internal:").doesNotContain("Secret")
                .doesNotContainIgnoringCase("score").doesNotContain("Retail Lending").doesNotContain("Chen")
                .doesNotContain("not for Lena");
        Assertions.assertThat(page.body()).as("no scripts on a public page").doesNotContain("<script");
    }

    @Test
    void unknown_expired_revoked_and_other_purpose_links_all_get_the_same_plain_page() throws Exception {
        Advocate lena = lena(advocates);
        intake.create(fromLena("Oliver Grant", null));
        String working = links.issue(AccessLinkPurpose.REFERRER_VIEW, number(lena));
        String expired = links.issue(AccessLinkPurpose.REFERRER_VIEW, number(lena), Duration.ofNanos(1));
        String otherPurpose = links.issue(AccessLinkPurpose.CUSTOMER_STATUS, number(lena));
        Assertions.assertThat(get("/public/referrals/" + working).statusCode()).isEqualTo(200);

        for (String token : List.of("A".repeat(43), "short", expired, otherPurpose, working + "x")) {
            HttpResponse<String> page = get("/public/referrals/" + token);
            Assertions.assertThat(page.statusCode()).as(token).isEqualTo(404);
            Assertions.assertThat(page.body()).contains("This link no longer works").doesNotContain("Oliver")
                    .doesNotContain("Lena");
        }

        // bob works in the queue but manages nothing; ryan refers; jackie manages
        Assertions.assertThat(api("bob", "DELETE", "/api/advocates/ADV-123/view-links").statusCode()).isEqualTo(403);
        Assertions.assertThat(api("ryan", "GET", "/api/advocates/ADV-123/view-links").statusCode()).isEqualTo(403);
        Assertions.assertThat(api("jackie", "GET", "/api/advocates/NOPE/view-links").statusCode()).isEqualTo(404);
        HttpResponse<String> revoked = api("jackie", "DELETE", "/api/advocates/ADV-123/view-links");
        Assertions.assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        Assertions.assertThat(revoked.body()).contains("\"revoked\":1");
        HttpResponse<String> gone = get("/public/referrals/" + working);
        Assertions.assertThat(gone.statusCode()).isEqualTo(404);
        Assertions.assertThat(gone.body()).contains("This link no longer works");

        HttpResponse<String> listed = api("jackie", "GET", "/api/advocates/ADV-123/view-links");
        Assertions.assertThat(listed.body()).contains("\"revokedBy\":\"jackie\"").doesNotContain(working);
        Assertions.assertThat(jdbcCount("select count(*) from audit_entry where subject like 'referrer view links of advocate ADV-123%'"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_manager_reissues_the_link_by_mail_and_the_older_ones_stop_working() throws Exception {
        Advocate lena = lena(advocates);
        intake.create(fromLena("Oliver Grant", null));
        String older = links.issue(AccessLinkPurpose.REFERRER_VIEW, number(lena));

        HttpResponse<String> issued = api("jackie", "POST", "/api/advocates/ADV-123/view-links");

        Assertions.assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        Assertions.assertThat(issued.body()).contains("\"revoked\":1").contains("\"sentTo\":\"" + LENA + "\"")
                .doesNotContain("/public/referrals/");
        MimeMessage mail = mailsTo(LENA).get(0);
        Assertions.assertThat(mail.getSubject()).isEqualTo("Relay Bank: your link to the referrals you sent");
        String text = com.icegreen.greenmail.util.GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
        Assertions.assertThat(text).contains("Links sent to you before no longer work");
        Assertions.assertThat(get("/public/referrals/" + tokenIn(text)).body()).contains("Oliver G.");
        Assertions.assertThat(get("/public/referrals/" + older).statusCode()).isEqualTo(404);

        // no email on record: nothing to send the link to
        Advocate silent = new Advocate("ADV-999", "Quiet Partner", "bob", true);
        advocates.saveAndFlush(silent);
        HttpResponse<String> refused = api("demo", "POST", "/api/advocates/ADV-999/view-links");
        Assertions.assertThat(refused.statusCode()).isEqualTo(409);
        Assertions.assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                Assertions.assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void the_page_is_rate_limited_per_address() throws Exception {
        Advocate lena = lena(advocates);
        String token = links.issue(AccessLinkPurpose.REFERRER_VIEW, number(lena));
        int tooMany = 0;
        for (int i = 0; i < 40; i++) {
            int status = get("/public/referrals/" + token).statusCode();
            Assertions.assertThat(status).isIn(200, 429);
            tooMany += status == 429 ? 1 : 0;
        }
        Assertions.assertThat(tooMany).isGreaterThan(0);
    }

    private void recordSharedCall(Referral referral) throws Exception {
        HttpResponse<String> recorded = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/referrals/" + referral.getReferenceNumber() + "/activities"))
                .header("Authorization", basic("bob")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"CALL\",\"subject\":\"Rate check\",\"outcome\":\"Booked a visit\","
                        + "\"body\":\"not for Lena\",\"sharedWith\":[\"referrer\"],\"recordedBy\":\"bob\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Assertions.assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
    }

    private long jdbcCount(String sql) {
        return new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForObject(sql, Long.class);
    }

    @Autowired
    javax.sql.DataSource dataSource;

    static String tokenIn(String text) {
        Matcher matcher = LINK.matcher(text);
        Assertions.assertThat(matcher.find()).as("a referrer-view link in:\n" + text).isTrue();
        return matcher.group(1);
    }

    private void tellReferrers() {
        for (int round = 0; round < 3; round++) {
            for (Job job : management.createJobQuery().processDefinitionKey("ReferrerUpdateProcess").list()) {
                management.executeJob(job.getId());
            }
        }
    }

    private org.camunda.bpm.engine.runtime.ProcessInstance instance(Referral referral) {
        return processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(data.reload(referral).getProcessInstanceId()).singleResult();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> api(String user, String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
