package org.relay.browser;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.relay.activity.ActivityInput;
import org.relay.activity.ActivityLog;
import org.relay.activity.ActivityType;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

/**
 * Referrers hear back (issue #28): on "Referrals I sent" Ryan reads what Alice shared with him about Kiara's mortgage
 * (and nothing she kept to the team), chooses a morning digest instead of a mail per turn, and opens the one
 * referral as his mail's link does. Screenshots in target/browser-screenshots/.
 */
class ReferrerHearsBackJourneyTest extends BrowserJourney {

    @Autowired
    ReferralIntake intake;
    @Autowired
    TaskService taskService;
    @Autowired
    ActivityLog activities;

    @Test
    void ryan_sees_what_alice_shared_and_chooses_a_morning_digest() {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        taskService.complete(taskService.createTaskQuery().processInstanceId(kiara.getProcessInstanceId())
                .taskDefinitionKey("Task_ReviewReferral").singleResult().getId(), Map.of("reviewDecision", "accept"));
        activities.record(kiara.getReferenceNumber(), new ActivityInput(ActivityType.CALL, "Called Kiara about the rate",
                "She compares two offers", null, 15, "Meeting booked for Friday", true, List.of("referrer"), "alice"));
        activities.record(kiara.getReferenceNumber(), new ActivityInput(ActivityType.NOTE, "Credit check: two missed payments",
                null, null, null, "Needs a guarantor", true, null, "alice"));

        browser.logIn(url("/camunda/app/tasklist/"), "ryan");
        browser.click(browser.visible(By.cssSelector("a.relay-referrals-sent"), 30));
        WebElement row = browser.visible(By.cssSelector("#sent-referrals tr[data-reference='" + kiara.getReferenceNumber() + "']"), 20);
        Assertions.assertThat(row.getText()).contains("Kiara Thompson").contains("Being worked on").contains("Alice Romero (Retail Lending)")
                .contains("Call: Called Kiara about the rate — Meeting booked for Friday")
                .doesNotContain("Credit check").doesNotContain("guarantor").doesNotContain("two offers");

        WebElement everyTurn = browser.driver.findElement(By.cssSelector("input[name='mode'][value='EVERY_EVENT']"));
        Assertions.assertThat(everyTurn.isSelected()).as("a mail at every turn, until he chooses").isTrue();
        browser.click(browser.driver.findElement(By.cssSelector("input[name='mode'][value='DAILY_DIGEST']")));
        browser.click(browser.driver.findElement(By.xpath("//form[@class='hear-back']//button[normalize-space(.)='Save']")));
        Assertions.assertThat(browser.visible(By.cssSelector("form.hear-back .saved"), 20).getText()).isEqualTo("Saved");
        Assertions.assertThat(browser.driver.findElement(By.cssSelector("input[name='mode'][value='DAILY_DIGEST']")).isSelected()).isTrue();
        browser.screenshot("referrer-hears-back-sent");

        // the link in his mails: the one referral
        browser.driver.get(url("/referrals/sent?ref=" + kiara.getReferenceNumber()));
        Assertions.assertThat(browser.visible(By.tagName("h1"), 20).getText()).isEqualTo("Referral " + kiara.getReferenceNumber());
        Assertions.assertThat(browser.driver.findElements(By.cssSelector("#sent-referrals tbody tr"))).hasSize(1);
        Assertions.assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains("Called Kiara about the rate")
                .contains("All referrals I sent").doesNotContain("Credit check");
        browser.screenshot("referrer-hears-back-one-referral");
    }
}
