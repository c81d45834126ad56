package org.relay.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
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
}
