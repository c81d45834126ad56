package org.relay.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.relay.conversion.OpportunityRepository;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferrerType;
import org.relay.routing.Advocate;
import org.relay.routing.AdvocateRepository;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * Referrers hear back (issue #28): Ryan refers Kiara's mortgage, Alice (retail lending) has it, and Ryan's mailbox on
 * GreenMail shows what he is told at each turn — one scenario per turn — and how his preference changes that.
 */
class ReferrerUpdatesTest extends RelayIntegrationTest {

    private static final String RYAN = "ryan@relay.example";

    @Autowired
    ReferralIntake intake;
    @Autowired
    ManagementService management;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    OpportunityRepository opportunities;
    @Autowired
    AdvocateRepository advocates;
    @Autowired
    SendReferrerDigests referrerDigests;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void accepted_names_who_took_it_and_links_to_referrals_i_sent() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        complete(review(kiara), withVariables("reviewDecision", "accept"));
        tellReferrers();

        MimeMessage mail = onlyMailTo(RYAN);
        Assertions.assertThat(mail.getSubject()).isEqualTo("Alice Romero accepted your referral of Kiara Thompson");
        Assertions.assertThat(NotificationMailTest.text(mail)).startsWith("Dear Ryan,");
        for (String body : List.of(NotificationMailTest.text(mail), NotificationMailTest.html(mail))) {
            Assertions.assertThat(body).contains("Ryan").contains("Alice Romero accepted your referral of Kiara Thompson (Mortgage)")
                    .contains("Accepted").contains(kiara.getReferenceNumber())
                    .contains("https://relay.test/referrals/sent?ref=" + kiara.getReferenceNumber());
        }
        tellReferrers();
        Assertions.assertThat(mailsTo(RYAN)).as("told once").hasSize(1);
    }

    @Test
    void rejected_and_rerouted_says_where_it_went_with_the_reason_in_plain_words_and_not_the_note() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        complete(review(kiara), withVariables("reviewDecision", "reject", "rejectReason", "AT_CAPACITY",
                "reviewNote", "Fully booked until next month"));
        tellReferrers();

        MimeMessage mail = onlyMailTo(RYAN);
        Assertions.assertThat(mail.getSubject()).isEqualTo("Your referral of Kiara Thompson was passed on to Bob Chen (Retail Lending)");
        Assertions.assertThat(NotificationMailTest.text(mail)).contains("Alice Romero could not take your referral")
                .contains("(At capacity)").contains("it is now with Bob Chen (Retail Lending)")
                .doesNotContain("AT_CAPACITY").doesNotContain("Fully booked")
                .contains("https://relay.test/referrals/sent?ref=" + kiara.getReferenceNumber());
    }

    @Test
    void reassigned_names_the_new_holder_not_the_note() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        complete(review(kiara), withVariables("reviewDecision", "reassign", "reassignToUser", "mike",
                "reviewNote", "Mike knows the family"));
        tellReferrers();

        MimeMessage mail = onlyMailTo(RYAN);
        Assertions.assertThat(mail.getSubject()).startsWith("Your referral of Kiara Thompson was reassigned to Mike");
        Assertions.assertThat(NotificationMailTest.text(mail)).contains("Alice Romero handed your referral")
                .contains("https://relay.test/referrals/sent?ref=").doesNotContain("knows the family");
    }

    @Test
    void escalated_says_it_went_to_the_managers() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        execute(job("Timer_ReviewEscalation", instance(kiara)));
        tellReferrers();

        MimeMessage mail = onlyMailTo(RYAN);
        Assertions.assertThat(mail.getSubject()).isEqualTo("Your referral of Kiara Thompson was escalated to the Referral Managers queue");
        Assertions.assertThat(NotificationMailTest.text(mail)).contains("Nobody took your referral of Kiara Thompson (Mortgage) in time")
                .contains("https://relay.test/referrals/sent?ref=" + kiara.getReferenceNumber());
    }

    @Test
    void converted_is_one_mail_the_thank_you_with_the_opportunity_and_the_record() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        ProcessInstance instance = instance(kiara);
        complete(review(kiara), withVariables("reviewDecision", "accept"));
        complete(task("Task_WorkReferral", instance), withVariables("workOutcome", "convert", "opportunityAmount", 440000.0));
        execute(job("Task_ConvertToOpportunity", instance));
        execute(job("Task_UpdateReferrerScoreOnConversion", instance));
        tellReferrers();
        Assertions.assertThat(mailsTo(RYAN)).as("only the acceptance so far: the conversion waits for Thank referrer").hasSize(1);
        execute(job("Task_ThankReferrer", instance));
        tellReferrers();

        long opportunity = opportunities.findByReferralId(kiara.getId()).orElseThrow().getId();
        List<MimeMessage> mails = mailsTo(RYAN);
        Assertions.assertThat(mails).hasSize(2);
        MimeMessage thanks = mails.get(1);
        Assertions.assertThat(thanks.getSubject()).isEqualTo("Thank you: your referral of Kiara Thompson became business");
        Assertions.assertThat(NotificationMailTest.text(thanks))
                .contains("became business: opportunity " + opportunity + ", USD 440,000")
                .contains("referrer score 50; 1 of 1 decided referrals converted")
                .contains("Converted").contains("https://relay.test/referrals/sent?ref=" + kiara.getReferenceNumber());
    }

    @Test
    void closed_as_lost_gives_the_catalogs_reason() throws Exception {
        Referral kiara = closedAsLost();
        MimeMessage mail = mailsTo(RYAN).get(1);
        Assertions.assertThat(mail.getSubject()).isEqualTo("Your referral of Kiara Thompson was closed: Went to a competitor");
        Assertions.assertThat(NotificationMailTest.text(mail)).contains("Alice Romero closed your referral of Kiara Thompson (Mortgage) as lost: Went to a competitor")
                .doesNotContain("fixed rate").contains("https://relay.test/referrals/sent?ref=" + kiara.getReferenceNumber());
    }

    @Test
    void reopened_says_who_has_it_again() throws Exception {
        Referral kiara = closedAsLost();
        ResponseEntity<String> reopened = rest.withBasicAuth("alice", "alice").exchange("/api/referrals/"
                + kiara.getReferenceNumber() + "/reopen", HttpMethod.POST,
                jsonBody("{\"requestedBy\":\"alice\",\"reason\":\"The customer called back\"}"), String.class);
        Assertions.assertThat(reopened.getStatusCode().is2xxSuccessful()).as(reopened.getBody()).isTrue();
        tellReferrers();

        MimeMessage mail = mailsTo(RYAN).get(2);
        Assertions.assertThat(mail.getSubject()).isEqualTo("Your referral of Kiara Thompson was reopened");
        Assertions.assertThat(NotificationMailTest.text(mail)).contains("Alice Romero reopened your referral")
                .contains("it is with Alice Romero (Retail Lending) again")
                .contains("https://relay.test/referrals/sent?ref=" + kiara.getReferenceNumber());
    }

    @Test
    void an_advocate_is_told_at_the_address_relay_keeps_for_them() throws Exception {
        Advocate lena = new Advocate("ADV-123", "Lena Ortiz", "bob", true);
        lena.reachableAt("lena@ortiz-realty.example");
        advocates.save(lena);
        CreateReferralRequest r = RelayTestData.referral("Oliver Grant", "MORTGAGE", "20000", "ryan");
        Referral oliver = intake.create(new CreateReferralRequest(r.kind(), r.recordType(), r.customer(), r.expressedInterest(),
                r.interestValue(), "ADVOCATE", new CreateReferralRequest.ReferrerData(ReferrerType.ADVOCATE, "ADV-123", null), r.notes()));
        complete(review(oliver), withVariables("reviewDecision", "accept"));
        tellReferrers();

        MimeMessage mail = onlyMailTo("lena@ortiz-realty.example");
        Assertions.assertThat(mail.getSubject()).isEqualTo("Bob Chen accepted your referral of Oliver Grant");
        Assertions.assertThat(NotificationMailTest.text(mail)).contains("Dear Lena Ortiz").contains(oliver.getReferenceNumber())
                .doesNotContain("/referrals/sent")   // no colleague's page: their own signed-link page instead
                .contains("https://relay.test/public/referrals/").contains("works until");
        Assertions.assertThat(mailsTo(RYAN)).isEmpty();
    }

    @Test
    void an_advocate_hears_back_and_reads_their_page_in_the_language_a_manager_keeps_for_them() throws Exception {
        Advocate lena = new Advocate("ADV-124", "Lena Ortiz", "bob", true);
        lena.reachableAt("lena.de@ortiz-realty.example");
        advocates.save(lena);
        Assertions.assertThat(rest.withBasicAuth("jackie", "jackie").exchange("/api/advocates/ADV-124/language",
                HttpMethod.PUT, jsonBody("{\"language\":\"xx\"}"), String.class).getBody()).contains("\"language\"");
        ResponseEntity<String> set = rest.withBasicAuth("jackie", "jackie").exchange("/api/advocates/ADV-124/language",
                HttpMethod.PUT, jsonBody("{\"language\":\"de-CH\"}"), String.class);
        Assertions.assertThat(set.getStatusCode().value()).as(set.getBody()).isEqualTo(200);
        Assertions.assertThat(json.readTree(set.getBody()).get("language").asText()).isEqualTo("de");
        Assertions.assertThat(rest.withBasicAuth("ryan", "ryan").exchange("/api/advocates/ADV-124/language",
                HttpMethod.PUT, jsonBody("{\"language\":\"fr\"}"), String.class).getStatusCode().value()).isEqualTo(403);

        CreateReferralRequest r = RelayTestData.referral("Oliver Grant", "MORTGAGE", "20000", "ryan");
        Referral oliver = intake.create(new CreateReferralRequest(r.kind(), r.recordType(), r.customer(), r.expressedInterest(),
                r.interestValue(), "ADVOCATE", new CreateReferralRequest.ReferrerData(ReferrerType.ADVOCATE, "ADV-124", null), r.notes()));
        complete(review(oliver), withVariables("reviewDecision", "accept"));
        tellReferrers();

        MimeMessage mail = onlyMailTo("lena.de@ortiz-realty.example");
        Assertions.assertThat(mail.getSubject()).isEqualTo("Bob Chen hat Ihre Empfehlung von Oliver Grant angenommen");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("https://relay.test(/public/referrals/[A-Za-z0-9_-]+)")
                .matcher(NotificationMailTest.text(mail));
        Assertions.assertThat(link.find()).isTrue();
        // her page speaks German whatever the browser says, unless she picks another language on it
        HttpHeaders english = new HttpHeaders();
        english.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        String page = rest.exchange(link.group(1), HttpMethod.GET, new HttpEntity<>(english), String.class).getBody();
        Assertions.assertThat(page).contains("lang=\"de\"").contains("Oliver G.");
        Assertions.assertThat(rest.exchange(link.group(1) + "?lang=fr", HttpMethod.GET, new HttpEntity<>(english),
                String.class).getBody()).contains("lang=\"fr\"");
    }

    @Test
    void a_daily_digest_referrer_gets_one_mail_listing_several_turns() throws Exception {
        choose("ryan", "DAILY_DIGEST");
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        Referral marcus = intake.create(RelayTestData.referral("Marcus Lee", "MORTGAGE", "80000", "ryan"));
        complete(review(kiara), withVariables("reviewDecision", "accept"));
        complete(review(marcus), withVariables("reviewDecision", "reject", "rejectReason", "AT_CAPACITY", "reviewNote", "Full"));
        complete(task("Task_WorkReferral", instance(kiara)), withVariables("workOutcome", "closeLost",
                "closeReason", "WENT_TO_COMPETITOR"));
        tellReferrers();
        Assertions.assertThat(mailsTo(RYAN)).as("nothing before the morning").isEmpty();

        referrerDigests.execute(null);
        referrerDigests.execute(null);

        MimeMessage digest = onlyMailTo(RYAN);
        Assertions.assertThat(digest.getSubject()).isEqualTo("Your referrals: 3 updates since the last digest");
        String text = NotificationMailTest.text(digest);
        Assertions.assertThat(text).contains("Kiara Thompson · Mortgage · " + kiara.getReferenceNumber())
                .contains("accepted your referral of Kiara Thompson").contains("as lost: Went to a competitor")
                .contains("Marcus Lee · Mortgage · " + marcus.getReferenceNumber()).contains("could not take your referral of Marcus Lee")
                .contains("https://relay.test/referrals/sent");
        Assertions.assertThat(text.indexOf("accepted your referral of Kiara")).isLessThan(text.indexOf("as lost: Went"));
    }

    @Test
    void an_outcomes_only_referrer_hears_only_how_it_ended() throws Exception {
        choose("ryan", "OUTCOMES_ONLY");
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        complete(review(kiara), withVariables("reviewDecision", "accept"));
        tellReferrers();
        Assertions.assertThat(mailsTo(RYAN)).isEmpty();

        complete(task("Task_WorkReferral", instance(kiara)), withVariables("workOutcome", "closeLost",
                "closeReason", "WENT_TO_COMPETITOR"));
        tellReferrers();
        Assertions.assertThat(onlyMailTo(RYAN).getSubject()).isEqualTo("Your referral of Kiara Thompson was closed: Went to a competitor");
        referrerDigests.execute(null);
        Assertions.assertThat(mailsTo(RYAN)).hasSize(1);
    }

    @Test
    void shared_activities_reach_the_referrer_and_unshared_ones_never_do() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        complete(review(kiara), withVariables("reviewDecision", "accept"));
        recordActivity(kiara, "Called Kiara about the rate", "Meeting booked for Friday", "[\"referrer\"]");
        recordActivity(kiara, "Credit check: two missed payments", "Needs a guarantor", "null");
        complete(task("Task_WorkReferral", instance(kiara)), withVariables("workOutcome", "closeLost",
                "closeReason", "WENT_TO_COMPETITOR"));
        tellReferrers();

        String closed = NotificationMailTest.text(mailsTo(RYAN).get(1));
        Assertions.assertThat(closed).contains("What Alice Romero shared with you").contains("Called Kiara about the rate")
                .contains("Meeting booked for Friday").doesNotContain("Credit check").doesNotContain("guarantor");

        String page = rest.withBasicAuth("ryan", "ryan").getForObject("/referrals/sent?ref=" + kiara.getReferenceNumber(), String.class);
        Assertions.assertThat(page).contains("Called Kiara about the rate").contains("Meeting booked for Friday")
                .doesNotContain("Credit check").doesNotContain("guarantor");
        JsonNode sent = json.readTree(rest.withBasicAuth("ryan", "ryan").getForObject("/api/referrals/sent", String.class));
        Assertions.assertThat(sent.get(0).get("sharedActivities")).hasSize(1);
        Assertions.assertThat(sent.get(0).get("sharedActivities").get(0).get("subject").asText()).isEqualTo("Called Kiara about the rate");
    }

    @Test
    void preferences_are_the_callers_own_and_validated_naming_the_field() throws Exception {
        JsonNode mine = json.readTree(rest.withBasicAuth("ryan", "ryan").getForObject("/api/me/referrer-preferences", String.class));
        Assertions.assertThat(mine.get("mode").asText()).isEqualTo("EVERY_EVENT");
        Assertions.assertThat(mine.get("referrerId").asText()).isEqualTo("ryan");
        Assertions.assertThat(choose("ryan", "DAILY_DIGEST").getStatusCode()).isEqualTo(HttpStatus.OK);
        Assertions.assertThat(json.readTree(rest.withBasicAuth("ryan", "ryan").getForObject("/api/me/referrer-preferences",
                String.class)).get("mode").asText()).isEqualTo("DAILY_DIGEST");

        for (String body : List.of("{\"mode\":\"SOMETIMES\"}", "{}")) {
            ResponseEntity<String> refused = rest.withBasicAuth("ryan", "ryan").exchange("/api/me/referrer-preferences",
                    HttpMethod.PUT, jsonBody(body), String.class);
            Assertions.assertThat(refused.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
            Assertions.assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            JsonNode errors = json.readTree(refused.getBody()).get("errors");
            Assertions.assertThat(errors.get(0).get("field").asText()).isEqualTo("mode");
            Assertions.assertThat(errors.get(0).get("message").asText()).contains("EVERY_EVENT, DAILY_DIGEST, OUTCOMES_ONLY");
        }

        advocates.save(new Advocate("ADV-123", "Lena Ortiz", "bob", true));
        String advocate = "/api/advocates/ADV-123/referrer-preferences";
        Assertions.assertThat(rest.withBasicAuth("ryan", "ryan").exchange(advocate, HttpMethod.PUT,
                jsonBody("{\"mode\":\"OUTCOMES_ONLY\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> set = rest.withBasicAuth("jackie", "jackie").exchange(advocate, HttpMethod.PUT,
                jsonBody("{\"mode\":\"OUTCOMES_ONLY\"}"), String.class);
        Assertions.assertThat(set.getStatusCode()).as(set.getBody()).isEqualTo(HttpStatus.OK);
        Assertions.assertThat(json.readTree(rest.withBasicAuth("jackie", "jackie").getForObject(advocate, String.class))
                .get("mode").asText()).isEqualTo("OUTCOMES_ONLY");
        Assertions.assertThat(rest.withBasicAuth("jackie", "jackie").getForEntity("/api/advocates/ADV-404/referrer-preferences",
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private Referral closedAsLost() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        ProcessInstance instance = instance(kiara);
        complete(review(kiara), withVariables("reviewDecision", "accept"));
        complete(task("Task_WorkReferral", instance), withVariables("workOutcome", "closeLost",
                "closeReason", "WENT_TO_COMPETITOR", "outcomeNote", "Took a fixed rate elsewhere"));
        execute(job("Task_UpdateReferrerScoreOnLoss", instance));
        tellReferrers();
        Assertions.assertThat(mailsTo(RYAN)).hasSize(2);
        return kiara;
    }

    private void recordActivity(Referral referral, String subject, String result, String sharedWith) {
        ResponseEntity<String> recorded = rest.withBasicAuth("alice", "alice").exchange("/api/referrals/"
                + referral.getReferenceNumber() + "/activities", HttpMethod.POST, jsonBody("{\"type\":\"CALL\",\"subject\":\""
                + subject + "\",\"outcome\":\"" + result + "\",\"sharedWith\":" + sharedWith + ",\"recordedBy\":\"alice\"}"),
                String.class);
        Assertions.assertThat(recorded.getStatusCode()).as(recorded.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private ResponseEntity<String> choose(String user, String mode) {
        return rest.withBasicAuth(user, user).exchange("/api/me/referrer-preferences", HttpMethod.PUT,
                jsonBody("{\"mode\":\"" + mode + "\"}"), String.class);
    }

    /** What the job executor does once a turn is committed: the referrer's mails go out. */
    private void tellReferrers() {
        for (Job job : management.createJobQuery().processDefinitionKey(ReferrerTurns.PROCESS_KEY).list()) {
            management.executeJob(job.getId());
        }
    }

    private org.camunda.bpm.engine.task.Task review(Referral referral) {
        return task("Task_ReviewReferral", instance(referral));
    }

    private ProcessInstance instance(Referral referral) {
        return processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(data.reload(referral).getProcessInstanceId()).singleResult();
    }

    private static MimeMessage onlyMailTo(String address) {
        List<MimeMessage> mails = mailsTo(address);
        Assertions.assertThat(mails).as("mails to " + address).hasSize(1);
        return mails.get(0);
    }

    private static HttpEntity<String> jsonBody(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

}
