package org.relay.customerstatus;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralStatus;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Meetings follow the referral (issue #28), on GreenMail: Kiara books a meeting with Alice; when the referral is
 * closed as lost, withdrawn by Kiara, merged into another referral or erased, the meeting is cancelled and both get
 * the METHOD:CANCEL calendar file (same UID); a conversion keeps it.
 */
class MeetingsFollowReferralTest extends RelayIntegrationTest {

    private static final String KIARA = "kiara@mail.example";
    private static final String ALICE = "alice@relay.example";

    @LocalServerPort
    int port;
    @Autowired
    ReferralIntake intake;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    StatusPageRateLimit rateLimit;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private StatusPageVisitor kiara;
    private Referral referral;
    private String token;

    @BeforeEach
    void kiaraBookedAMeetingWithAlice() throws Exception {
        rateLimit.reset();
        kiara = new StatusPageVisitor(port);
        referral = intake.create(CustomerStatusPageTest.kiaraAgreedToUpdates());
        token = StatusPageVisitor.tokenIn(mailsTo(KIARA).get(0));
        taskService.complete(task("Task_ReviewReferral"), Map.of("reviewDecision", "accept"));
        List<String> free = new ArrayList<>();
        json.readTree(api("alice", "GET", "/api/referrals/" + referral.getReferenceNumber() + "/meetings", null).body())
                .get("freeSlots").forEach(node -> free.add(node.asText()));
        Assertions.assertThat(api("alice", "PUT", "/api/referrals/" + referral.getReferenceNumber() + "/meeting-offers",
                json.writeValueAsString(Map.of("times", free.subList(0, 2)))).statusCode()).isEqualTo(200);
        Assertions.assertThat(kiara.send(token, "/meeting", Map.of("slot", free.get(1))).body()).contains("Your meeting is booked.");
        runJobs("Task_SendMeetingInvitations");
        Assertions.assertThat(mailsTo(KIARA)).hasSize(2);
        SMTP.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void forgetTheLimits() {
        rateLimit.reset();
    }

    @Test
    void closed_as_lost_the_meeting_is_cancelled_and_both_get_the_calendar_cancellation() throws Exception {
        taskService.complete(task("Task_WorkReferral"), Map.of("workOutcome", "closeLost", "closeReason", "WENT_TO_COMPETITOR"));

        Assertions.assertThat(standing()).as("no standing meeting").isZero();
        runJobs("Task_SendMeetingCancellations");
        MimeMessage toKiara = single(mailsTo(KIARA));
        Assertions.assertThat(toKiara.getSubject()).startsWith("Relay Bank: your meeting is cancelled");
        Assertions.assertThat(MeetingBookingTest.event(MeetingBookingTest.calendarPart(toKiara), "CANCEL")).isNotNull();
        Assertions.assertThat(text(toKiara)).contains("is closed, so your meeting with").doesNotContain("book another time");
        MimeMessage toAlice = single(mailsTo(ALICE).stream().filter(m -> subject(m).startsWith("Meeting cancelled")).toList());
        Assertions.assertThat(text(toAlice)).contains("because the referral is closed");
        Assertions.assertThat(jdbc.queryForObject("select count(*) from referral_event where referral_id = ? and reason ="
                + " 'MEETING_CANCELLED'", Long.class, referral.getId())).isEqualTo(1);
    }

    @Test
    void withdrawn_by_the_customer_the_meeting_is_cancelled_in_her_words() throws Exception {
        Assertions.assertThat(kiara.send(token, "/withdraw", Map.of()).body()).contains("Your request is withdrawn.");

        Assertions.assertThat(data.reload(referral).getStatus()).isEqualTo(ReferralStatus.CLOSED_LOST);
        Assertions.assertThat(standing()).isZero();
        runJobs("Task_SendMeetingCancellations");
        MimeMessage toKiara = single(mailsTo(KIARA));
        Assertions.assertThat(text(toKiara)).contains("as you withdrew your request " + referral.getReferenceNumber());
        MeetingBookingTest.event(MeetingBookingTest.calendarPart(toKiara), "CANCEL");
    }

    @Test
    void merged_into_the_customers_other_referral_the_duplicates_meeting_is_cancelled() throws Exception {
        Referral other = intake.create(RelayTestData.referral("Kiara Thompson", "CREDIT_CARD", "5000", "ryan"));
        HttpResponse<String> merged = api("jackie", "POST", "/api/referrals/" + referral.getReferenceNumber() + "/merge",
                "{\"into\":\"" + other.getReferenceNumber() + "\",\"requestedBy\":\"jackie\",\"note\":\"same person\"}");
        Assertions.assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);

        Assertions.assertThat(standing()).isZero();
        MimeMessage toKiara = single(mailsTo(KIARA));
        MeetingBookingTest.event(MeetingBookingTest.calendarPart(toKiara), "CANCEL");
    }

    @Test
    void erased_the_meeting_is_cancelled_while_her_address_is_still_known_and_nothing_of_her_stays() throws Exception {
        HttpResponse<String> erased = api("demo", "POST", "/api/customers/" + referral.getReferenceNumber() + "/erasure",
                "{\"reason\":\"the customer asked\"}");
        Assertions.assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);

        Assertions.assertThat(standing()).isZero();
        MimeMessage toKiara = single(mailsTo(KIARA));
        MeetingBookingTest.event(MeetingBookingTest.calendarPart(toKiara), "CANCEL");
        Assertions.assertThat(jdbc.queryForObject("select count(*) from referral where id = ? and customer_email = ?",
                Long.class, referral.getId(), KIARA)).as("her address erased after the mail").isZero();
        Assertions.assertThat(jdbc.queryForObject("select count(*) from notification_sent where subject like '%Kiara%'",
                Long.class)).isZero();
    }

    @Test
    void a_conversion_keeps_the_meeting() throws Exception {
        taskService.complete(task("Task_WorkReferral"), Map.of("workOutcome", "convert", "opportunityAmount", 250000));
        for (int round = 0; round < 4; round++) {
            managementService.createJobQuery().processInstanceId(referral.getProcessInstanceId()).list()
                    .forEach(job -> managementService.executeJob(job.getId()));
        }
        Assertions.assertThat(standing()).isEqualTo(1);
        Assertions.assertThat(mailsTo(KIARA)).isEmpty();
    }

    private long standing() {
        return jdbc.queryForObject("select count(*) from meeting_booking where referral_id = ? and cancelled_at is null",
                Long.class, referral.getId());
    }

    private String task(String key) {
        return taskService.createTaskQuery().processInstanceId(referral.getProcessInstanceId()).taskDefinitionKey(key)
                .singleResult().getId();
    }

    private void runJobs(String activityId) {
        List<Job> jobs = managementService.createJobQuery().processInstanceId(referral.getProcessInstanceId())
                .activityId(activityId).list();
        jobs.forEach(job -> managementService.executeJob(job.getId()));
    }

    private static MimeMessage single(List<MimeMessage> mails) {
        Assertions.assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage mail) {
        return com.icegreen.greenmail.util.GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
    }

    private HttpResponse<String> api(String user, String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
