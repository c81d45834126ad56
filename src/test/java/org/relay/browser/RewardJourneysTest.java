package org.relay.browser;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.relay.links.AccessLinkPurpose;
import org.relay.links.AccessLinks;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.rewards.Reward;
import org.relay.rewards.RewardLedger;
import org.relay.rewards.RewardOutcome;
import org.relay.rewards.RewardRepository;
import org.relay.rewards.RewardStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;

/**
 * Referral rewards (issue #29) as people see them: Jackie approves a flagged reward in Tasklist (its findings in
 * words, the reject reason checked in the form), and Lena, the advocate, sees it on her signed-link page.
 */
class RewardJourneysTest extends BrowserJourney {

    @Autowired
    ReferralIntake intake;
    @Autowired
    RewardLedger ledger;
    @Autowired
    RewardRepository rewards;
    @Autowired
    TaskService taskService;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccessLinks links;

    @Test
    void a_manager_approves_a_flagged_reward_in_tasklist_and_the_advocate_sees_it_on_her_page() {
        // Lena Ortiz (the demo's realtor advocate) refers Paul, who shares her email: a finding, so a manager decides
        jdbc.update("update advocate set email = 'ortiz.family@mail.example' where code = 'ADV-123'");
        Referral paul = intake.create(new CreateReferralRequest(org.relay.referral.ReferralKind.REFERRAL, "PERSON_REFERRAL",
                new CreateReferralRequest.CustomerData(org.relay.referral.CustomerType.PERSON, "Paul Ortiz", null,
                        "+1 555 0142", "ortiz.family@mail.example", "Springfield", "Central", null),
                "CREDIT_CARD", new CreateReferralRequest.InterestValue(new BigDecimal("8000"), "USD"), "ADVOCATE",
                new CreateReferralRequest.ReferrerData(org.relay.referral.ReferrerType.ADVOCATE, "ADV-123", null), null));
        Reward reward = transactions.execute(s -> ledger.earn(data.reload(paul), RewardOutcome.CONVERTED, "bob").orElseThrow());
        Assertions.assertThat(reward.getStatus()).isEqualTo(RewardStatus.PENDING_APPROVAL);
        String task = taskService.createTaskQuery().processInstanceBusinessKey(reward.getReference()).singleResult().getId();

        browser.logIn(url("/camunda/app/tasklist/"), "jackie");
        browser.driver.get(url("/camunda/app/tasklist/default/#/?task=" + task));
        WebElement form = browser.visible(By.cssSelector("form.relay-reward"), 30);
        browser.waitUpTo(20).until(d -> form.getText().contains("share the same email address"));
        Assertions.assertThat(form.getText()).contains("Lena Ortiz (Ortiz Realty)").contains("USD 25.00")
                .contains(reward.getReference()).contains(paul.getReferenceNumber()).doesNotContain("SHARED_CONTACT_DETAILS");
        browser.click(browser.visible(By.xpath("//button[contains(., 'Claim')]"), 20));
        WebElement complete = browser.visible(By.xpath("//button[contains(., 'Complete')]"), 20);

        // the form's own rule: a rejection needs its reason
        browser.click(form.findElement(By.xpath(".//label[contains(., 'Reject')]")));
        Assertions.assertThat(browser.visible(By.xpath("//label[@for='reason']"), 10).getText()).contains("required");
        Assertions.assertThat(complete.isEnabled()).as("Complete without a reason").isFalse();
        browser.click(form.findElement(By.xpath(".//label[contains(., 'Approve')]")));
        form.findElement(By.id("reason")).sendKeys("Paul is Lena's brother; he chose the card himself.");
        browser.screenshot("reward-approve-form");
        browser.click(complete);
        browser.waitUpTo(30).until(d -> rewards.findByReference(reward.getReference()).orElseThrow().getStatus()
                == RewardStatus.APPROVED);
        Assertions.assertThat(rewards.findByReference(reward.getReference()).orElseThrow().getDecidedBy()).isEqualTo("jackie");

        // the Cockpit dashboard's rewards card: what the programme earned and paid, per unit
        browser.logIn(url("/camunda/app/cockpit/default/"), "jackie");
        browser.visible(By.cssSelector(".relay-dashboard[data-relay-rendered=true]"), 40);
        WebElement card = browser.visible(By.id("relay-rewards"), 20);
        Assertions.assertThat(card.getText()).contains("Rewards earned and paid").contains("USD").contains("25.00");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView()", card);
        browser.screenshot("reward-dashboard-card");

        // Lena's own page, through her signed link
        String token = links.issue(AccessLinkPurpose.REFERRER_VIEW, jdbc.queryForObject(
                "select link_subject_id from advocate where code = 'ADV-123'", Long.class));
        browser.driver.get(url("/public/referrals/" + token));
        WebElement section = browser.visible(By.id("rewards"), 20);
        Assertions.assertThat(section.getText()).contains("Your rewards").contains("USD 25.00").contains("approved")
                .contains(paul.getReferenceNumber());
        browser.screenshot("reward-advocate-page");
    }
}
