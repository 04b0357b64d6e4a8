package io.mobim.platform.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mobim.events.Msisdn;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.support.TestNumbers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import io.mobim.smpp.simulator.SmscSimulator;

/**
 * The console as an operator uses it, in a real headless browser against the whole platform: sign in, provision two
 * subscribers, make them contacts and send {@code 1 Hello there} from one virtual handset to the other (the SMS goes
 * through the SMS-C simulator, the gateway, Kafka and the IM core), see it arrive with its delivery receipt, then
 * open the day's reconciliation and find the message's rated records. Each page is saved as a screenshot under
 * {@code target/console-screenshots/}. Skipped where Chromium or chromedriver is not installed.
 */
@MobimIntegrationTest
class ConsoleBrowserTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    SmscSimulator smsc;

    private ConsoleBrowser browser;

    @BeforeEach
    void startBrowser() {
        assumeTrue(ConsoleBrowser.installed(), "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        browser = ConsoleBrowser.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void anOperatorProvisionsTwoSubscribersTheyTextAndTheBillingTeamFindsTheCharges() throws Exception {
        var driver = browser.driver;
        var wait = browser.wait;
        Msisdn ann = TestNumbers.next();
        Msisdn bob = TestNumbers.next();

        // a console page asks for signing in first, and comes back after it
        driver.get(url("/console/subscribers"));
        wait.until(ExpectedConditions.urlContains("/console/login"));
        browser.screenshot("01-sign-in");
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys("admin-secret");
        driver.findElement(By.cssSelector("main button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("provision")));

        provision(ann, "Ann");
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains(ann.value() + " provisioned");
        browser.screenshot("02-subscriber");
        provision(bob, "Bob");

        // found by number in the list
        driver.get(url("/console/subscribers"));
        driver.findElement(By.id("q")).sendKeys(ann.value());
        driver.findElement(By.cssSelector("form[role=search] button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("table"), ann.value()));
        assertThat(driver.findElement(By.tagName("table")).getText()).contains("Ann", "ACTIVE", "VODAFONE_UK");
        browser.screenshot("03-subscribers");

        // a row of two phones: Ann adds Bob, Bob accepts, Ann writes to her contact 1
        driver.get(url("/console/handsets?phone=" + enc(ann) + "&phone=" + enc(bob)));
        text(ann, "ADD " + bob.value() + " Bob");
        awaitOnPhone(bob, "wants to add you");
        text(bob, "ACCEPT 1");
        awaitOnPhone(ann, "accepted you");
        text(ann, "1 Hello there");
        String hello = awaitOnPhone(bob, "Ann: Hello there");
        wait.until(d -> inbox(bob).findElements(By.cssSelector("li.sms")).stream()
                .anyMatch(li -> li.getText().contains("Ann: Hello there") && li.getText().contains("receipt DELIVRD")));
        // the service's replies are free and ask for no receipt
        assertThat(awaitOnPhone(bob, "wants to add you")).contains("no receipt asked");
        assertThat(hello).contains("from 20123");
        browser.screenshot("04-handsets");
        browser.resize(820, 1180);
        browser.screenshot("04b-handsets-tablet");
        browser.resize(1366, 900);

        // the day's reconciliation (today by the platform's clock), then the day's rated records of Ann
        driver.get(url("/console/billing/reconciliation"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("control-totals")));
        browser.screenshot("05-reconciliation");
        driver.findElement(By.linkText("The day's rated records")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("records")));
        // rating is asynchronous (outbox, Kafka, billing): look again until Ann's sent message is rated (rows read
        // while the filtered page replaces the last one are stale: look again then too)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .ignoreException(StaleElementReferenceException.class).until(() -> {
            driver.findElement(By.id("msisdn")).clear();
            driver.findElement(By.id("msisdn")).sendKeys(ann.value());
            driver.findElement(By.cssSelector("form[aria-label='Filter the rated records'] button")).click();
            return rows().stream().anyMatch(r -> r.contains("MESSAGE") && r.contains("SENT") && r.contains("0.12"));
        });
        browser.screenshot("06-rated-records-of-ann");
        // the message id leads to both legs: Ann's SENT and, once rated, Bob's RECEIVED
        WebElement sent = driver.findElements(By.cssSelector("tr.record")).stream()
                .filter(r -> r.getText().contains("SENT")).findFirst().orElseThrow();
        String messageId = sent.findElement(By.cssSelector("a[title^='Both legs']")).getText();
        sent.findElement(By.cssSelector("a[title^='Both legs']")).click();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .ignoreException(StaleElementReferenceException.class).until(() -> {
            driver.navigate().refresh();
            List<String> rows = rows();
            return rows.stream().anyMatch(r -> r.contains(ann.value()) && r.contains("SENT"))
                    && rows.stream().anyMatch(r -> r.contains(bob.value()) && r.contains("RECEIVED"));
        });
        assertThat(rows()).allSatisfy(r -> assertThat(r).contains(messageId)).hasSize(2);
        browser.screenshot("07-both-legs");

        // Ann's bill of this month has her sent message; the plan it was rated by shows its prices
        driver.findElement(By.linkText("A subscriber's bill")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("period")));
        driver.findElement(By.id("msisdn")).sendKeys(ann.value());
        driver.findElement(By.cssSelector("form[aria-label='Choose the subscriber and the period'] button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bill")));
        assertThat(driver.findElements(By.cssSelector("#bill tr.line")).stream().map(WebElement::getText))
                .anySatisfy(l -> assertThat(l).contains("VODAFONE_UK v1", "MESSAGE", "SMS", "SENT", "0.12"));
        assertThat(driver.findElement(By.cssSelector("#bill tr.total")).getText()).contains("Total GBP", "0.12");
        browser.screenshot("07b-bill-of-ann");
        driver.findElement(By.linkText("Tariff plans")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plans")));
        driver.findElement(By.linkText("VODAFONE_UK")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.plan-version")));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("VODAFONE_UK v1", "(in force now)", "IM_SENT", "0.12");
        browser.screenshot("07c-tariff-plan");

        driver.get(url("/console/traffic"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mo-title")));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("MO received per second", "SMS-C sessions", "bound",
                "Kafka consumer lag");
        browser.screenshot("08-traffic");

        driver.get(url("/console/clearing"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("statements")));
        browser.screenshot("09-clearing");
    }

    private void provision(Msisdn number, String nickname) {
        var driver = browser.driver;
        driver.get(url("/console/subscribers"));
        driver.findElement(By.id("msisdn")).sendKeys(number.value());
        driver.findElement(By.id("nickname")).sendKeys(nickname);
        new Select(driver.findElement(By.id("tariffPlan"))).selectByValue("VODAFONE_UK");
        driver.findElement(By.cssSelector("form[aria-labelledby=provision] button")).click();
        browser.wait.until(ExpectedConditions.urlContains("/console/subscribers/"));
    }

    private void text(Msisdn from, String text) {
        String id = "phone-" + from.value().substring(1);
        WebElement box = browser.driver.findElement(By.id(id + "-text"));
        box.sendKeys(text);
        browser.driver.findElement(By.cssSelector("#" + id + " form button")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#" + id + " [role=status]"),
                "acknowledged"));
    }

    private WebElement inbox(Msisdn phone) {
        return browser.driver.findElement(By.id("phone-" + phone.value().substring(1) + "-inbox"));
    }

    /** The text of the first SMS on the phone that contains {@code text}, once it arrived. */
    private String awaitOnPhone(Msisdn phone, String text) {
        // an SMS crosses the whole path (simulator, gateway, Kafka, IM core, outbox, gateway): on a busy 2-core CI
        // machine, after the suite's heavier tests, that can take longer than a page's wait
        WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(90));
        wait.ignoring(StaleElementReferenceException.class).withMessage(() -> "the SMS-C simulator has "
                + smsc.messagesTo(phone.value()).size() + " SMS for this phone, submits " + smsc.submitCount()
                + ", bound sessions " + smsc.boundSessions());
        return wait.until(d -> inbox(phone).findElements(By.cssSelector("li.sms")).stream()
                .map(WebElement::getText).filter(t -> t.contains(text)).findFirst().orElse(null));
    }

    private List<String> rows() {
        return browser.driver.findElements(By.cssSelector("tr.record")).stream().map(WebElement::getText).toList();
    }

    private static String enc(Msisdn m) {
        return java.net.URLEncoder.encode(m.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
