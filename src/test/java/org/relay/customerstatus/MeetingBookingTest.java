package org.relay.customerstatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relay.activity.ActivityRepository;
import org.relay.activity.ActivityType;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralStatus;
import org.relay.support.RelayTestData;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * Booking a meeting end to end, on GreenMail: the owner offers times through Relay's API (as the Work form does), the
 * customer books one on the status page, both get the calendar invitation; the booking is the MEETING_BOOKED activity
 * that restarts the no-activity timer and moves the page to "in progress"; moving, cancelling (by the customer or the
 * owner) send METHOD:CANCEL with the same UID and the next SEQUENCE; two customers racing for one slot: one wins;
 * tampered, past or unoffered slots and missing CSRF tokens change nothing and never get a 5xx.
 */
class MeetingBookingTest extends RelayIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferralIntake intake;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    ActivityRepository activities;
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
    void kiaraHasHerLinkAndAliceAccepted() throws Exception {
        rateLimit.reset();
        kiara = new StatusPageVisitor(port);
        referral = intake.create(CustomerStatusPageTest.kiaraAgreedToUpdates());
        token = StatusPageVisitor.tokenIn(mailsTo("kiara@mail.example").get(0));
        accept(referral);
        SMTP.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void forgetTheLimits() {
        rateLimit.reset();
    }

    @Test
    void the_owner_offers_times_the_customer_books_one_and_both_get_the_invitation_as_the_first_contact() throws Exception {
        Assertions.assertThat(kiara.get("/public/status/" + token).body()).as("nothing offered yet")
                .doesNotContain("Book a meeting");
        JsonNode before = meetings("alice");
        List<String> free = texts(before.get("freeSlots"));
        Assertions.assertThat(free).hasSizeGreaterThan(10);
        Assertions.assertThat(before.get("zone").asText()).isEqualTo("America/New_York");
        List<String> offered = List.of(free.get(0), free.get(3), free.get(7));
        Assertions.assertThat(offer("alice", offered).statusCode()).isEqualTo(200);
        Assertions.assertThat(texts(meetings("alice").get("offered"))).containsExactlyElementsOf(offered);

        HttpResponse<String> page = kiara.get("/public/status/" + token);
        Assertions.assertThat(page.body()).contains("Book a meeting").contains("Book this time")
                .contains("value=\"" + offered.get(0) + "\"").contains("value=\"" + offered.get(2) + "\"")
                .doesNotContain("value=\"" + free.get(1) + "\"").contains("aria-current=\"step\"");
        Assertions.assertThat(data.reload(referral).getStatus()).isEqualTo(ReferralStatus.ACCEPTED);
        ProcessInstance instance = instance();
        String workTask = workTask();
        Job timerBefore = noActivityTimer();

        HttpResponse<String> booked = kiara.send(token, "/meeting", Map.of("slot", offered.get(1)));

        Assertions.assertThat(booked.statusCode()).isEqualTo(200);
        Assertions.assertThat(booked.body()).contains("Your meeting is booked.").contains("Your meeting")
                .contains("Cancel this meeting").contains("Move my meeting");
        // the first contact: an activity, the referral in progress, the page says so, the no-activity timer restarted
        Referral after = data.reload(referral);
        Assertions.assertThat(after.getStatus()).isEqualTo(ReferralStatus.IN_PROGRESS);
        Assertions.assertThat(after.getLastActivityAt()).isNotNull();
        Assertions.assertThat(activities.findByReferralIdOrderByOccurredAtAscIdAsc(referral.getId())).singleElement()
                .satisfies(activity -> {
                    Assertions.assertThat(activity.getType()).isEqualTo(ActivityType.MEETING_BOOKED);
                    Assertions.assertThat(activity.getRecordedBy()).isEqualTo("customer");
                    Assertions.assertThat(activity.getOccurredAt()).isEqualTo(Instant.parse(offered.get(1)));
                    Assertions.assertThat(activity.getDurationMinutes()).isEqualTo(30);
                });
        Assertions.assertThat(booked.body()).contains("is working on your")
                .contains("aria-current=\"step\"");
        assertThat(instance).hasPassed("Msg_MeetingBooked", "Msg_ActivityRecorded", "Task_PlanWorkDeadline")
                .isWaitingAt("Task_WorkReferral", "Task_SendMeetingInvitations");
        Assertions.assertThat(workTask()).as("the work step started again").isNotEqualTo(workTask);
        Job timerAfter = noActivityTimer();
        Assertions.assertThat(timerAfter.getId()).isNotEqualTo(timerBefore.getId());
        Assertions.assertThat(timerAfter.getDuedate()).isAfterOrEqualTo(timerBefore.getDuedate());

        runJob(instance, "Task_SendMeetingInvitations");

        assertThat(instance).hasPassed("End_MeetingInvitationsSent").isWaitingAt("Task_WorkReferral");
        MimeMessage toKiara = single(mailsTo("kiara@mail.example"));
        MimeMessage toAlice = single(mailsTo("alice@relay.example"));
        Assertions.assertThat(toKiara.getSubject()).isEqualTo("Relay Bank: your meeting with Alice Romero ("
                + referral.getReferenceNumber() + ")");
        Assertions.assertThat(toAlice.getSubject()).isEqualTo("Meeting booked: Kiara Thompson (" + referral.getReferenceNumber() + ")");
        Assertions.assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(toKiara)).contains("Hello Kiara,");
        for (MimeMessage mail : List.of(toKiara, toAlice)) {
            Part file = calendarPart(mail);
            Assertions.assertThat(file.getContentType()).contains("text/calendar").contains("method=REQUEST");
            VEvent event = event(file, "REQUEST");
            Assertions.assertThat(event.getProperty("DTSTART").orElseThrow().getValue())
                    .isEqualTo(ical(Instant.parse(offered.get(1))));
            Assertions.assertThat(event.getProperty("DTEND").orElseThrow().getValue())
                    .isEqualTo(ical(Instant.parse(offered.get(1)).plusSeconds(1800)));
            Assertions.assertThat(event.getProperty("ORGANIZER").orElseThrow().getValue()).isEqualTo("mailto:alice@relay.example");
            Assertions.assertThat(event.getProperty("ATTENDEE").orElseThrow().getValue()).isEqualTo("mailto:kiara@mail.example");
            Assertions.assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("0");
        }
        JsonNode staff = meetings("alice");
        Assertions.assertThat(staff.get("meetings")).singleElement().satisfies(m -> {
            Assertions.assertThat(m.get("status").asText()).isEqualTo("BOOKED");
            Assertions.assertThat(m.get("startsAt").asText()).isEqualTo(offered.get(1));
        });
        // a retried job mails nobody twice
        runJobIfAny(instance, "Task_SendMeetingInvitations");
        Assertions.assertThat(mailsTo("kiara@mail.example")).hasSize(1);
    }

    @Test
    void moving_and_cancelling_on_the_page_send_cancel_with_the_same_uid_and_the_next_sequence_then_it_can_be_booked_again()
            throws Exception {
        List<String> offered = offerFirst(3);
        kiara.send(token, "/meeting", Map.of("slot", offered.get(0)));
        runJob(instance(), "Task_SendMeetingInvitations");
        String firstUid = uidOf(single(mailsTo("kiara@mail.example")));
        SMTP.purgeEmailFromAllMailboxes();

        HttpResponse<String> moved = kiara.send(token, "/meeting", Map.of("slot", offered.get(2)));
        Assertions.assertThat(moved.body()).contains("Your meeting is moved to the new time.");
        runJob(instance(), "Task_SendMeetingInvitations");

        // the old time: cancelled (same UID, SEQUENCE 1); the new one: a new invitation with its own UID
        for (String address : List.of("kiara@mail.example", "alice@relay.example")) {
            List<MimeMessage> mails = mailsTo(address);
            Assertions.assertThat(mails).as(address).hasSize(2);
            VEvent cancel = event(calendarPart(mailWith(mails, "CANCEL")), "CANCEL");
            Assertions.assertThat(cancel.getProperty("UID").orElseThrow().getValue()).isEqualTo(firstUid);
            Assertions.assertThat(cancel.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");
            Assertions.assertThat(cancel.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo(ical(Instant.parse(offered.get(0))));
            VEvent request = event(calendarPart(mailWith(mails, "REQUEST")), "REQUEST");
            Assertions.assertThat(request.getProperty("UID").orElseThrow().getValue()).isNotEqualTo(firstUid);
            Assertions.assertThat(request.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo(ical(Instant.parse(offered.get(2))));
        }
        String secondUid = event(calendarPart(mailWith(mailsTo("kiara@mail.example"), "REQUEST")), "REQUEST")
                .getProperty("UID").orElseThrow().getValue();
        SMTP.purgeEmailFromAllMailboxes();

        HttpResponse<String> cancelled = kiara.send(token, "/meeting/cancel", Map.of());
        Assertions.assertThat(cancelled.body()).contains("Your meeting is cancelled.").contains("Book this time")
                .doesNotContain("Cancel this meeting").contains("value=\"" + offered.get(0) + "\"");
        assertThat(instance()).hasPassed("Msg_MeetingCancelled");
        runJob(instance(), "Task_SendMeetingCancellations");
        assertThat(instance()).hasPassed("End_MeetingCancellationsSent");
        VEvent cancel = event(calendarPart(single(mailsTo("kiara@mail.example"))), "CANCEL");
        Assertions.assertThat(cancel.getProperty("UID").orElseThrow().getValue()).isEqualTo(secondUid);
        Assertions.assertThat(cancel.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");
        Assertions.assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(single(mailsTo("alice@relay.example"))))
                .contains("by the customer");
        // a second cancel: nothing to cancel, in plain words
        rateLimit.reset();
        Assertions.assertThat(kiara.send(token, "/meeting/cancel", Map.of()).body())
                .contains("You have no meeting booked, so nothing was cancelled.");

        // the freed time can be booked again: a new booking with a new UID
        rateLimit.reset();
        HttpResponse<String> again = kiara.send(token, "/meeting", Map.of("slot", offered.get(0)));
        Assertions.assertThat(again.body()).contains("Your meeting is booked.");
        Assertions.assertThat(jdbc.queryForObject("select count(*) from meeting_booking where referral_id = ? and"
                + " cancelled_at is null", Long.class, referral.getId())).isEqualTo(1L);
        Assertions.assertThat(jdbc.queryForObject("select count(distinct uid) from meeting_booking where referral_id = ?",
                Long.class, referral.getId())).isEqualTo(3L);
    }

    @Test
    void the_owner_cancels_through_relays_api_and_the_customer_is_told_others_may_not() throws Exception {
        List<String> offered = offerFirst(1);
        kiara.send(token, "/meeting", Map.of("slot", offered.get(0)));
        runJob(instance(), "Task_SendMeetingInvitations");
        long id = meetings("alice").get("meetings").get(0).get("id").asLong();
        SMTP.purgeEmailFromAllMailboxes();

        Assertions.assertThat(api("bob", "DELETE", "/api/referrals/" + referral.getReferenceNumber() + "/meetings/" + id, null)
                .statusCode()).as("bob is in the queue but does not own it").isEqualTo(403);
        Assertions.assertThat(api("carlos", "DELETE", "/api/referrals/" + referral.getReferenceNumber() + "/meetings/" + id, null)
                .statusCode()).isEqualTo(404);
        Assertions.assertThat(api("alice", "DELETE", "/api/referrals/" + referral.getReferenceNumber() + "/meetings/99999", null)
                .statusCode()).isEqualTo(404);
        HttpResponse<String> cancelled = api("alice", "DELETE", "/api/referrals/" + referral.getReferenceNumber()
                + "/meetings/" + id, null);

        Assertions.assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        Assertions.assertThat(json.readTree(cancelled.body()).get("status").asText()).isEqualTo("CANCELLED");
        Assertions.assertThat(json.readTree(cancelled.body()).get("cancelledBy").asText()).isEqualTo("alice");
        runJob(instance(), "Task_SendMeetingCancellations");
        MimeMessage toKiara = single(mailsTo("kiara@mail.example"));
        Assertions.assertThat(toKiara.getSubject()).startsWith("Relay Bank: your meeting is cancelled");
        Assertions.assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(toKiara)).contains("had to cancel");
        Assertions.assertThat(event(calendarPart(toKiara), "CANCEL").getProperty("SEQUENCE").orElseThrow().getValue())
                .isEqualTo("1");
        Assertions.assertThat(kiara.get("/public/status/" + token).body()).contains("Book this time")
                .doesNotContain("Cancel this meeting");
        // offering: only free slots of the owner, only by those who may act; malformed entries named
        HttpResponse<String> wrong = offer("alice", List.of("tomorrow at ten"));
        Assertions.assertThat(wrong.statusCode()).isEqualTo(400);
        Assertions.assertThat(wrong.body()).contains("times[0]");
        Assertions.assertThat(offer("alice", List.of("2020-01-06T14:00:00Z")).statusCode()).isEqualTo(400);
        Assertions.assertThat(offer("ryan", offered).statusCode()).isEqualTo(403);
    }

    @Test
    void two_customers_racing_for_the_same_slot_of_the_same_owner_exactly_one_wins_and_the_other_is_told_in_plain_words()
            throws Exception {
        Referral omar = intake.create(RelayTestData.referral("Omar Reyes", "MORTGAGE", "300000", "ryan"));
        jdbc.update("update referral set customer_status_updates = true, customer_email = 'omar@mail.example' where id = ?",
                omar.getId());
        accept(omar);
        jdbc.update("update referral set owner_id = 'alice' where id = ?", omar.getId());
        String omarsToken = issueLink(omar);
        String slot = texts(meetings("alice").get("freeSlots")).get(2);
        Assertions.assertThat(offer("demo", List.of(slot)).statusCode()).isEqualTo(200);
        Assertions.assertThat(offerFor(omar, "demo", List.of(slot)).statusCode()).isEqualTo(200);

        StatusPageVisitor omarsBrowser = new StatusPageVisitor(port);
        List<HttpResponse<String>> answers = race(
                () -> kiara.send(token, "/meeting", Map.of("slot", slot)),
                () -> omarsBrowser.send(omarsToken, "/meeting", Map.of("slot", slot)));

        Assertions.assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
        HttpResponse<String> lost = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
        Assertions.assertThat(lost.body()).contains("Sorry, that time has just been taken.")
                .doesNotContain("Exception").doesNotContain("constraint");
        Assertions.assertThat(jdbc.queryForObject("select count(*) from meeting_booking where owner_id = 'alice'"
                + " and cancelled_at is null", Long.class)).isEqualTo(1L);
        Assertions.assertThat(jdbc.queryForObject("select count(*) from activity where type = 'MEETING_BOOKED'", Long.class))
                .isEqualTo(1L);
    }

    @Test
    void tampered_past_unoffered_or_missing_slots_and_forms_without_csrf_change_nothing_and_never_get_a_5xx() throws Exception {
        List<String> offered = offerFirst(2);
        String unoffered = texts(meetings("alice").get("freeSlots")).get(5);
        String offGrid = Instant.parse(offered.get(0)).plusSeconds(600).toString();
        for (String slot : List.of("", "not-a-time", "2020-01-06T14:00:00Z", offGrid, unoffered, "x".repeat(5000),
                "<script>alert(1)</script>", "2026-13-45T99:99:99Z", "\u0000", offered.get(0) + "' or 1=1 --")) {
            rateLimit.reset();
            HttpResponse<String> answer = kiara.send(token, "/meeting", Map.of("slot", slot));
            Assertions.assertThat(answer.statusCode()).as(slot).isBetween(400, 499);
            Assertions.assertThat(answer.body()).as(slot).doesNotContain("Exception").doesNotContain("<script>alert");
            if (answer.statusCode() == 400 && !slot.isEmpty() && slot.length() < 100 && !slot.contains("\u0000")) {
                Assertions.assertThat(answer.body()).as(slot).contains("That time is no longer available.");
            }
        }
        rateLimit.reset();
        Assertions.assertThat(kiara.send(token, "/meeting", Map.of()).body()).contains("Please pick a time first.");
        // without the page's CSRF token: refused, nothing booked or cancelled
        rateLimit.reset();
        kiara.get("/public/status/" + token);
        Assertions.assertThat(kiara.post("/public/status/" + token + "/meeting", Map.of("slot", offered.get(0)))
                .statusCode()).isEqualTo(403);
        Assertions.assertThat(kiara.post("/public/status/" + token + "/meeting/cancel", Map.of()).statusCode()).isEqualTo(403);
        // another referral's link cannot touch this one; a wrong token opens nothing
        Assertions.assertThat(kiara.send(token, "/../" + "A".repeat(43) + "/meeting", Map.of("slot", offered.get(0)))
                .statusCode()).isBetween(400, 499);
        Assertions.assertThat(jdbc.queryForObject("select count(*) from meeting_booking", Long.class)).isZero();
        Assertions.assertThat(activities.count()).isZero();
        // a form opened while the request was open, sent after it was closed: plain words, nothing booked
        rateLimit.reset();
        StatusPageVisitor fresh = new StatusPageVisitor(port);
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(fresh.get("/public/status/" + token).body());
        Assertions.assertThat(csrf.find()).isTrue();
        jdbc.update("update referral set status = 'CLOSED_LOST' where id = ?", referral.getId());
        HttpResponse<String> late = fresh.post("/public/status/" + token + "/meeting",
                Map.of("slot", offered.get(0), "_csrf", csrf.group(1)));
        Assertions.assertThat(late.statusCode()).isEqualTo(409);
        Assertions.assertThat(late.body()).contains("Meetings cannot be booked for this request any more.")
                .doesNotContain("Exception");
        Assertions.assertThat(jdbc.queryForObject("select count(*) from meeting_booking", Long.class)).isZero();
    }

    // ---- helpers

    private List<String> offerFirst(int count) throws Exception {
        List<String> free = texts(meetings("alice").get("freeSlots"));
        List<String> offered = free.subList(0, count);
        Assertions.assertThat(offer("alice", offered).statusCode()).isEqualTo(200);
        return List.copyOf(offered);
    }

    private JsonNode meetings(String user) throws Exception {
        HttpResponse<String> answer = api(user, "GET", "/api/referrals/" + referral.getReferenceNumber() + "/meetings", null);
        Assertions.assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private HttpResponse<String> offer(String user, List<String> times) throws Exception {
        return offerFor(referral, user, times);
    }

    private HttpResponse<String> offerFor(Referral which, String user, List<String> times) throws Exception {
        return api(user, "PUT", "/api/referrals/" + which.getReferenceNumber() + "/meeting-offers",
                json.writeValueAsString(Map.of("times", times)));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    @Autowired
    org.relay.links.AccessLinks links;

    private String issueLink(Referral which) {
        return links.issue(org.relay.links.AccessLinkPurpose.CUSTOMER_STATUS, which.getId());
    }

    private void accept(Referral which) {
        taskService.complete(taskService.createTaskQuery().processInstanceId(which.getProcessInstanceId())
                .taskDefinitionKey("Task_ReviewReferral").singleResult().getId(), Map.of("reviewDecision", "accept"));
    }

    private ProcessInstance instance() {
        return processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(referral.getProcessInstanceId()).singleResult();
    }

    private String workTask() {
        return taskService.createTaskQuery().processInstanceId(referral.getProcessInstanceId())
                .taskDefinitionKey("Task_WorkReferral").singleResult().getId();
    }

    private Job noActivityTimer() {
        return managementService.createJobQuery().processInstanceId(referral.getProcessInstanceId())
                .activityId("Timer_NoActivity").singleResult();
    }

    private void runJob(ProcessInstance instance, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
        Assertions.assertThat(job).as("a job at " + activityId).isNotNull();
        managementService.executeJob(job.getId());
    }

    private void runJobIfAny(ProcessInstance instance, String activityId) {
        managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).list()
                .forEach(job -> managementService.executeJob(job.getId()));
    }

    private static MimeMessage single(List<MimeMessage> mails) {
        Assertions.assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    /** The invite.ics part of a mail. */
    static Part calendarPart(MimeMessage mail) throws Exception {
        Part found = find(mail);
        Assertions.assertThat(found).as("an invite.ics attachment").isNotNull();
        return found;
    }

    private static Part find(Part part) throws Exception {
        if ("invite.ics".equals(part.getFileName())) {
            return part;
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Part found = find(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static MimeMessage mailWith(List<MimeMessage> mails, String method) throws Exception {
        for (MimeMessage mail : mails) {
            if (calendarPart(mail).getContentType().contains("method=" + method)) {
                return mail;
            }
        }
        throw new AssertionError("no mail with a " + method + " calendar file");
    }

    static VEvent event(Part file, String method) throws Exception {
        String text;
        try (InputStream in = file.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        Assertions.assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo(method);
        return calendar.<VEvent>getComponent("VEVENT").orElseThrow();
    }

    private String uidOf(MimeMessage mail) throws Exception {
        return event(calendarPart(mail), "REQUEST").getProperty("UID").orElseThrow().getValue();
    }

    private static String ical(Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC).format(at);
    }

    private interface Call {
        HttpResponse<String> call() throws Exception;
    }

    /** Both calls at once, released together. */
    private static List<HttpResponse<String>> race(Call first, Call second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (Call call : List.of(first, second)) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> call : calls) {
                answers.add(call.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpResponse<String> api(String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
