package org.relay.browser;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.relay.conversion.OpportunityRepository;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralRepository;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

/**
 * The referrer hears back (issue #25, finding 8): after Start he reads the new reference and who has it, and
 * "Referrals I sent" in Tasklist's header lists it with its status and owner; after a Review or Work decision the
 * decider reads what happened and where the referral went. The answers come from Relay's API after the engine
 * accepted the form (scripts/relay-referrer.js), in a panel of Relay's own, so Tasklist's own notification cannot
 * replace them. Screenshots in target/browser-screenshots/.
 */
class ReferrerJourneysTest extends BrowserJourney {

    @Autowired
    ReferralIntake intake;
    @Autowired
    ReferralRepository referrals;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    OpportunityRepository opportunities;

    @Test
    void ryan_starts_a_new_referral_reads_its_reference_and_recipient_and_finds_it_in_referrals_i_sent() {
        // what Ryan sent before: Kiara's mortgage accepted, Liam's card closed as lost
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        taskService.complete(reviewTask(kiara).getId(), Map.of("reviewDecision", "accept"));
        Referral liam = intake.create(RelayTestData.referral("Liam Becker", "CREDIT_CARD", "8000", "ryan"));
        taskService.complete(reviewTask(liam).getId(), Map.of("reviewDecision", "accept"));
        taskService.complete(taskService.createTaskQuery().processInstanceId(liam.getProcessInstanceId())
                .taskDefinitionKey("Task_WorkReferral").singleResult().getId(),
                Map.of("workOutcome", "closeLost", "closeReason", "UNREACHABLE"));

        browser.logIn(url("/camunda/app/tasklist/"), "ryan");
        browser.click(browser.visible(By.xpath("//a[contains(., 'Start process')]"), 30));
        browser.click(browser.visible(By.xpath("//a[normalize-space(.)='New referral']"), 20));
        startZoesMortgage();

        browser.waitUpTo(30).until(d -> referrals.count() == 3);
        Referral zoe = referrals.findAll().stream().filter(r -> r.getCustomer().getName().equals("Zoe Park"))
                .findFirst().orElseThrow();
        String owner = displayName(zoe.getOwnerId());
        WebElement answer = done();
        Assertions.assertThat(answer.getText()).contains("Referral sent — " + zoe.getReferenceNumber())
                .contains("Zoe Park’s mortgage is with " + owner + " (Retail Lending), who is asked to accept it.")
                .doesNotContain("ENGINE-");
        browser.screenshot("referrer-new-referral-sent");

        // one click from Tasklist's header, the same one the answer offers
        browser.click(browser.visible(By.cssSelector("a.relay-referrals-sent"), 10));
        WebElement row = browser.visible(By.cssSelector("#sent-referrals tr[data-reference='" + zoe.getReferenceNumber() + "']"), 20);
        Assertions.assertThat(row.getText()).contains("Zoe Park").contains("Mortgage").contains("Waiting to be accepted")
                .contains(owner + " (Retail Lending)").contains("None yet").contains("Open");
        String page = browser.driver.findElement(By.tagName("body")).getText();
        Assertions.assertThat(page).contains("3 referrals").contains("Closed as lost: Unreachable").contains("Accepted")
                .doesNotContain("zoe.park@mail.example").doesNotContain("customer@mail.example");
        // newest first: Zoe's on top
        Assertions.assertThat(browser.driver.findElements(By.cssSelector("#sent-referrals tbody tr")).get(0)
                .getAttribute("data-reference")).isEqualTo(zoe.getReferenceNumber());
        browser.screenshot("referrer-referrals-i-sent");
        browser.click(browser.driver.findElement(By.linkText("Back to Tasklist")));
        browser.visible(By.cssSelector("a.relay-referrals-sent"), 30);
    }

    @Test
    void alice_rejects_in_the_review_form_and_reads_where_the_referral_went() {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());   // alice's
        browser.logIn(url("/camunda/app/tasklist/"), "alice");
        browser.click(browser.visible(By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(., 'Kiara Thompson')]"), 30));
        WebElement form = browser.visible(By.cssSelector("form.relay-form"), 30);
        browser.waitUpTo(20).until(d -> form.getText().contains("Kiara Thompson"));

        browser.click(form.findElement(By.xpath(".//label[contains(., 'Reject')]")));
        new Select(browser.visible(By.id("rejectReason"), 10)).selectByVisibleText("At capacity");
        browser.click(browser.driver.findElement(By.xpath("//button[contains(., 'Complete')]")));

        WebElement answer = done();
        String next = reviewTask(kiara).getAssignee();
        Assertions.assertThat(next).isIn("bob", "mike");
        Assertions.assertThat(answer.getText()).contains("Rejected")
                .contains("Kiara Thompson’s mortgage went to " + displayName(next) + " (Retail Lending).");
        browser.screenshot("decision-rejected");
    }

    @Test
    void a_conversion_in_the_work_form_ends_with_the_opportunity_it_created() {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());   // alice's
        taskService.complete(reviewTask(kiara).getId(), Map.of("reviewDecision", "accept"));

        browser.logIn(url("/camunda/app/tasklist/"), "alice");
        browser.click(browser.visible(By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(., 'Work referral')]"), 30));
        WebElement form = browser.visible(By.cssSelector("form.relay-form"), 30);
        browser.waitUpTo(20).until(d -> form.getText().contains("Kiara Thompson"));
        browser.click(form.findElement(By.xpath(".//label[contains(., 'Convert')]")));
        browser.click(browser.visible(By.id("confirmOutcome"), 10));
        browser.click(browser.driver.findElement(By.xpath("//button[contains(., 'Complete')]")));

        // the conversion is a job after Complete: the answer says so until the opportunity exists, then names it
        WebElement pending = browser.visible(By.cssSelector("#relay-confirmation[data-relay-state=pending]"), 30);
        Assertions.assertThat(pending.getText()).contains("Converting")
                .contains("Kiara Thompson’s mortgage is becoming an opportunity of USD 450,000");
        Job conversion = browser.waitUpTo(30).until(d -> managementService.createJobQuery()
                .processInstanceId(kiara.getProcessInstanceId()).activityId("Task_ConvertToOpportunity").singleResult());
        managementService.executeJob(conversion.getId());
        Long opportunity = opportunities.findByReferralId(kiara.getId()).orElseThrow().getId();

        WebElement answer = done();
        Assertions.assertThat(answer.getText()).contains("Converted — opportunity " + opportunity + " created")
                .contains("Kiara Thompson’s mortgage is now opportunity " + opportunity + " (USD 450,000)");
        browser.screenshot("decision-converted");
    }

    /** Relay's answer once it has read where the referral went (not its "finding out" first state). */
    private WebElement done() {
        return browser.visible(By.cssSelector("#relay-confirmation[data-relay-state=done]"), 30);
    }

    private Task reviewTask(Referral referral) {
        return taskService.createTaskQuery().processInstanceId(data.reload(referral).getProcessInstanceId())
                .taskDefinitionKey("Task_ReviewReferral").singleResult();
    }

    private String displayName(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        return user.getFirstName() + " " + user.getLastName();
    }

}
