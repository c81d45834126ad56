package org.relay.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (installed by .ci/run; nothing is downloaded at
 * test time), with the few steps Relay's users take: log into a Camunda webapp, wait for something, screenshot.
 */
final class BrowserSession implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("relay.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("relay.chromedriver", "/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final Path profile;

    BrowserSession() throws IOException {
        profile = Files.createTempDirectory(Path.of("target"), "chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1100", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    /** Camunda's login form, as a person fills it; every demo user's password is their user id. */
    void logIn(String url, String user) {
        driver.manage().deleteAllCookies();
        driver.get(url);
        WebElement name = waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=text]")));
        WebElement password = driver.findElement(By.cssSelector("input[type=password]"));
        // the page focuses the user field once it has rendered; typing before that can land the password in it
        // ("alicealice" and an empty password, seen once), so type, check both fields, and type again if needed
        waitUpTo(30).until(page -> {
            name.clear();
            name.sendKeys(user);
            password.clear();
            password.sendKeys(user);
            return user.equals(name.getAttribute("value")) && user.equals(password.getAttribute("value"));
        });
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        waitUpTo(30).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
    }

    WebElement visible(By by, int seconds) {
        return waitUpTo(seconds).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        waitUpTo(10).until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    void screenshot(String name) {
        try {
            Path target = Path.of("target", "browser-screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            System.err.println("No screenshot for " + name + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover profile in target/ is harmless
        }
    }
}
