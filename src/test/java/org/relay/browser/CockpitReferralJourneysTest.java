package org.relay.browser;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.CustomerType;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralKind;
import org.relay.referral.ReferralStatus;
import org.relay.referral.ReferrerType;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A manager reads a referral's story in Cockpit (the relay-referrals plugin): finds it by the customer's name from
 * the header's "Referrals" entry, reads who rejected it and why, who reassigned it, how a conversion ended; reaches
 * it from the lifecycle's process instance view. A recipient has no Cockpit, and a hostile name stays text.
 */
class CockpitReferralJourneysTest extends BrowserJourney {

    static final String NOTE = "Brockway is covered by the northern branch.";

    @Autowired
    ReferralIntake intake;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;

    @Test
    void the_manager_searches_kiara_and_reads_who_rejected_her_referral_and_why() {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());   // alice's, retail lending
        intake.create(RelayTestData.referral("Liam Becker", "CREDIT_CARD", "8000", "ryan"));
        post("alice", "/api/referrals/" + kiara.getReferenceNumber() + "/review",
                Map.of("decision", "REJECT", "rejectReason", "WRONG_REGION", "note", NOTE));
        post("jackie", "/api/referrals/" + kiara.getReferenceNumber() + "/reassignment",
                Map.of("requestedBy", "jackie", "toUser", "dana", "note", "Dana covers the north"));

        browser.logIn(url("/camunda/app/cockpit/default/"), "jackie");
        browser.click(browser.visible(By.xpath("//a[@href='#/relay/referrals' and normalize-space(.)='Referrals']"), 30));
        WebElement search = browser.visible(By.id("relay-search-q"), 20);
        search.sendKeys("Kiara");
        browser.click(browser.driver.findElement(By.cssSelector(".relay-search button[type=submit]")));
        browser.visible(By.cssSelector(".relay-referrals[data-relay-rendered=true] table.relay-list"), 20);
        Assertions.assertThat(browser.driver.findElement(By.cssSelector(".relay-total")).getText()).isEqualTo("1 referral");
        WebElement row = browser.driver.findElement(By.cssSelector("table.relay-list tbody tr"));
        Assertions.assertThat(row.getText()).contains(kiara.getReferenceNumber()).contains("Kiara Thompson")
                .contains("Mortgage").contains("USD 450,000").contains("Dana Kim").doesNotContain("Liam");
        browser.screenshot("cockpit-referral-search");

        browser.click(row.findElement(By.linkText("Kiara Thompson")));
        WebElement page = browser.visible(By.cssSelector(".relay-referral[data-relay-rendered=true]"), 20);
        Assertions.assertThat(page.findElement(By.cssSelector(".relay-summary")).getText())
                .isEqualTo("Kiara Thompson · Mortgage · USD 450,000 · " + grade(kiara) + " · referred by Ryan Walsh"
                        + referrerScore(kiara));
        Assertions.assertThat(page.getText()).contains("Waiting for review").contains("Owner\nDana Kim")
                // the queue follows the colleague it was reassigned to (issue #26, item 13)
                .contains("Queue\nCards and Loans").contains("Open the running lifecycle in Cockpit");
        WebElement rejection = page.findElement(By.cssSelector("tr.relay-event-rejected"));
        Assertions.assertThat(rejection.getText()).contains("Alice Romero").contains("Rejected")
                .contains("Wrong region").contains(NOTE);
        Assertions.assertThat(page.findElement(By.cssSelector("tr.relay-event-reassigned")).getText())
                .contains("Jackie Morgan").contains("Reassigned to Dana Kim").contains("Dana covers the north");
        Assertions.assertThat(page.getText()).doesNotContain("WRONG_REGION").doesNotContain("LEAST_LOADED");
        browser.screenshot("cockpit-referral-story");
    }

    @Test
    void a_converted_referral_shows_its_outcome_and_an_unknown_one_says_so_plainly() {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        taskService.complete(task(kiara, "Task_ReviewReferral"), Map.of("reviewDecision", "accept"));
        taskService.complete(task(kiara, "Task_WorkReferral"), Map.of("workOutcome", "convert",
                "opportunityAmount", 430000.0, "expectedCloseDate", "2027-01-15"));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(kiara.getProcessInstanceId())
                .activityId("Task_ConvertToOpportunity").singleResult().getId());
        Assertions.assertThat(data.reload(kiara).getStatus()).isEqualTo(ReferralStatus.CONVERTED);

        browser.logIn(url("/camunda/app/cockpit/default/"), "jackie");
        browser.driver.get(url("/camunda/app/cockpit/default/#/relay/referral?ref=" + kiara.getReferenceNumber()));
        WebElement page = browser.visible(By.cssSelector(".relay-referral[data-relay-rendered=true]"), 30);
        Assertions.assertThat(page.findElement(By.cssSelector(".relay-status")).getText()).isEqualTo("Converted");
        Assertions.assertThat(page.getText()).contains("Outcome\nOpportunity ").contains("USD 430,000")
                .contains("owned by Alice Romero").contains("expected to close 15 Jan 2027")
                .doesNotContain("Open the running lifecycle");
        Assertions.assertThat(page.findElement(By.cssSelector("tr.relay-event-converted")).getText())
                .contains("Alice Romero").contains("Converted");
        browser.screenshot("cockpit-referral-converted");

        browser.driver.get(url("/camunda/app/cockpit/default/#/relay/referral?ref=REF-999999"));
        WebElement refused = browser.visible(By.cssSelector(".relay-referral[data-relay-rendered=refused] .relay-refusal"), 20);
        Assertions.assertThat(refused.getText()).startsWith("You may not see referral REF-999999, or it does not exist");
    }

    @Test
    void the_lifecycles_instance_view_leads_to_the_referral_page() {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        browser.logIn(url("/camunda/app/cockpit/default/"), "jackie");
        browser.driver.get(url("/camunda/app/cockpit/default/#/process-instance/" + kiara.getProcessInstanceId() + "/runtime"));
        WebElement open = browser.visible(By.cssSelector(".relay-instance-referral .relay-open-referral"), 40);
        Assertions.assertThat(browser.driver.findElement(By.cssSelector(".relay-instance-referral")).getText())
                .contains("Referral " + kiara.getReferenceNumber() + ": Kiara Thompson");
        browser.screenshot("cockpit-instance-referral-tab");
        browser.click(open);
        browser.visible(By.cssSelector(".relay-referral[data-relay-rendered=true]"), 20);
        Assertions.assertThat(browser.driver.getCurrentUrl()).contains("#/relay/referral?ref=" + kiara.getReferenceNumber());
        Assertions.assertThat(browser.driver.findElement(By.cssSelector(".relay-title")).getText()).isEqualTo("Kiara Thompson");
    }

    @Test
    void a_recipient_cannot_use_the_referral_page() {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());   // bob's queue: he may see it in Tasklist
        browser.logIn(url("/camunda/app/tasklist/"), "bob");
        browser.driver.get(url("/camunda/app/cockpit/default/#/relay/referral?ref=" + kiara.getReferenceNumber()));
        // Cockpit is for managers: bob's session does not open it (a page saying so, or Cockpit's sign-in)
        browser.waitUpTo(30).until(d -> !d.findElements(By.tagName("h1")).isEmpty()
                || !d.findElements(By.cssSelector("input[type=password]")).isEmpty());
        Assertions.assertThat(browser.driver.findElements(By.cssSelector(".relay-referral"))).isEmpty();
        Assertions.assertThat(browser.driver.findElement(By.tagName("body")).getText()).doesNotContain("Kiara");
    }

    @Test
    void a_hostile_customer_name_and_note_run_no_script_on_the_referral_page() {
        String hostile = "Eve <img src=x onerror=\"window.__xss=1\">";
        Referral eve = intake.create(new CreateReferralRequest(ReferralKind.REFERRAL, "PERSON_REFERRAL",
                new CreateReferralRequest.CustomerData(CustomerType.PERSON, hostile, null, null, "eve@mail.example",
                        "Springfield", "Central", null),
                "MORTGAGE", new CreateReferralRequest.InterestValue(new BigDecimal("250000"), "USD"), "COLLEAGUE",
                new CreateReferralRequest.ReferrerData(ReferrerType.INTERNAL_USER, "ryan", null), null));
        post(data.reload(eve).getOwnerId(), "/api/referrals/" + eve.getReferenceNumber() + "/review",
                Map.of("decision", "REJECT", "rejectReason", "OTHER", "note", "<script>window.__xss=2</script>{{7*7}}"));

        browser.logIn(url("/camunda/app/cockpit/default/"), "jackie");
        browser.driver.get(url("/camunda/app/cockpit/default/#/relay/referrals?q=" + "Eve <img"));
        browser.visible(By.cssSelector(".relay-referrals[data-relay-rendered=true] table.relay-list"), 30);
        browser.click(browser.driver.findElement(By.cssSelector("table.relay-list tbody a")));
        WebElement page = browser.visible(By.cssSelector(".relay-referral[data-relay-rendered=true]"), 30);
        Assertions.assertThat(page.findElement(By.cssSelector(".relay-title")).getText()).isEqualTo(hostile);
        Assertions.assertThat(page.findElement(By.cssSelector("tr.relay-event-rejected")).getText())
                .contains("<script>window.__xss=2</script>{{7*7}}");
        Assertions.assertThat(page.findElements(By.cssSelector("img, script"))).isEmpty();
        Assertions.assertThat(((JavascriptExecutor) browser.driver).executeScript("return window.__xss;"))
                .as("a script stored in the referral ran in Cockpit").isNull();
    }

    private String grade(Referral referral) {
        Referral now = data.reload(referral);
        return org.relay.referral.LeadGrade.of(now.getLeadScore()).name() + " " + now.getLeadScore();
    }

    private String referrerScore(Referral referral) {
        Integer score = data.reload(referral).getReferrerScoreAtIntake();
        return score == null ? "" : " (" + score + ")";
    }

    private String task(Referral referral, String key) {
        return taskService.createTaskQuery().processInstanceId(data.reload(referral).getProcessInstanceId())
                .taskDefinitionKey(key).singleResult().getId();
    }

    private void post(String user, String path, Map<String, ?> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> answer = rest.withBasicAuth(user, user).postForEntity(path, new HttpEntity<>(body, headers), String.class);
        Assertions.assertThat(answer.getStatusCode().is2xxSuccessful()).as(path + ": " + answer.getBody()).isTrue();
    }

}
