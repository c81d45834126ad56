package org.relay.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.relay.support.RelayIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser journey needs: one headless Chromium per test class (Debian's, installed by .ci/run; the class
 * is skipped where it is missing), a screenshot in target/browser-screenshots/ when a journey fails, and the test
 * server's URLs. The browser is closed after the class, whatever happened.
 */
abstract class BrowserJourney extends RelayIntegrationTest {

    static BrowserSession browser;

    @LocalServerPort
    int port;

    @RegisterExtension
    TestWatcher screenshotOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.screenshot(context.getRequiredTestMethod().getName());
            }
        }
    };

    @BeforeAll
    static void openBrowser() throws Exception {
        Assumptions.assumeTrue(BrowserSession.available(), "Debian's chromium and chromium-driver (installed by .ci/run)");
        browser = new BrowserSession();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The New referral form, open in Tasklist, filled as an advisor refers Zoe Park's mortgage, then Start. */
    void startZoesMortgage() {
        WebElement form = browser.visible(By.cssSelector("form.relay-form"), 20);
        browser.waitUpTo(20).until(d -> new Select(d.findElement(By.id("expressedInterest"))).getOptions().size() > 1);
        form.findElement(By.id("customerName")).sendKeys("Zoe Park");
        form.findElement(By.id("customerEmail")).sendKeys("zoe.park@mail.example");
        new Select(form.findElement(By.id("recordType"))).selectByVisibleText("Person Referral");
        new Select(form.findElement(By.id("expressedInterest"))).selectByVisibleText("Mortgage");
        form.findElement(By.id("interestAmount")).sendKeys("320000");
        browser.click(browser.driver.findElement(By.xpath("//button[normalize-space(.)='Start']")));
    }
}
