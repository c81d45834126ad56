package org.relay.browser;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An integrator reads Relay's API in Swagger UI without an account: the title and how to sign in, the feature groups,
 * and for creating a referral its body and the problem responses it can give. Screenshots in
 * target/browser-screenshots/ (api-docs-*.png).
 */
class ApiDocsJourneyTest extends BrowserJourney {

    @Test
    void an_integrator_reads_how_to_create_a_referral_and_what_can_go_wrong() {
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(url("/swagger-ui.html"));

        WebElement title = browser.visible(By.cssSelector(".information-container .title"), 60);
        Assertions.assertThat(title.getText()).contains("Relay API");
        Assertions.assertThat(browser.visible(By.cssSelector(".information-container .description"), 10).getText())
                .contains("Signing in", "application/problem+json");
        Assertions.assertThat(browser.visible(By.cssSelector(".auth-wrapper .authorize"), 10).getText()).contains("Authorize");
        Assertions.assertThat(browser.driver.findElements(By.cssSelector(".opblock-tag")).stream()
                .map(WebElement::getText).toList()).anyMatch(tag -> tag.startsWith("intake"))
                .anyMatch(tag -> tag.startsWith("referral"));
        browser.screenshot("api-docs-overview");

        WebElement create = browser.driver.findElements(By.cssSelector("#operations-intake-intakeCreate")).stream().findFirst()
                .orElseGet(() -> browser.visible(By.xpath("//div[contains(@class,'opblock-post')]"
                        + "[.//span[@data-path='/api/referrals']]"), 10));
        if (!create.isDisplayed()) {
            browser.click(browser.visible(By.cssSelector("[data-tag='intake']"), 10));
        }
        browser.click(create.findElement(By.cssSelector(".opblock-summary")));
        WebElement responses = browser.visible(By.cssSelector("#operations-intake-intakeCreate .responses-table"), 20);
        Assertions.assertThat(responses.getText()).contains("400", "401", "403", "409", "Invalid request");
        Assertions.assertThat(browser.visible(By.cssSelector("#operations-intake-intakeCreate .body-param__example"), 10)
                .getText()).contains("Rachel Adams");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                .executeScript("arguments[0].scrollIntoView({block: 'start'});", responses);
        browser.screenshot("api-docs-create-referral");
    }
}
