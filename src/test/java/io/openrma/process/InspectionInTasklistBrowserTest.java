package io.openrma.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrma.support.ActiveEngineExtension;
import io.openrma.support.Chromium;
import io.openrma.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The warehouse's day in the real Tasklist: walt logs in, opens his group's filter, claims the
 * inspection of a return that has just arrived, grades each line in the rendered Camunda Form
 * ({@code forms/inspect-return.form}) and completes it; the process then refunds what he graded as
 * refundable. Runs in Debian's headless Chromium with the job executor on, so everything after the
 * form happens the way it does in production; the customer's photos page then opens with walt's Tasklist
 * login alone. Only with {@code ./mvnw -Pbrowser-tests test}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles("test")
@ExtendWith(ActiveEngineExtension.class)
class InspectionInTasklistBrowserTest {

  private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(60);

  @LocalServerPort
  int port;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void waltGradesEachLineInTasklistAndOnlyWhatArrivedIsRefunded() {
    String rma = returnWaitingForInspection();

    try (Chromium chromium = Chromium.start()) {
      ChromeDriver browser = chromium.driver();
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      try {
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("form[name=signinForm] input[type=text]")));
        username.sendKeys("walt");
        browser.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("walt");
        browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();

        wait.until(ExpectedConditions.elementToBeClickable(
            By.xpath("//*[contains(text(), \"My group's tasks (Warehouse)\")]"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(
            By.xpath("//*[contains(@class, 'task')]//*[starts-with(normalize-space(text()), "
                + "'Inspect returned items: " + rma + " (1 x Trail shoe, size 42; 2 x Merino socks')]")))
            .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"),
            "Inspect return " + rma));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".assignee"), "Walt Warehouse"));

        // the form shows a block per returned line, and only for the lines this return has
        assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText()).contains(
            "Customer: Bea Browser",
            "Line 1: 1 x Trail shoe, size 42 (SHOE-42), customer's reason: Does not fit",
            "Line 2: 2 x Merino socks, 3 pairs (SOCK-3), customer's reason: No longer needed");
        assertThat(browser.findElements(By.cssSelector("[id$='-Line3Condition']"))).isEmpty();

        // completing with a line not graded is refused by the form: it marks the missing fields
        field(browser, "Line1Received").sendKeys("1");
        choose(browser, wait, "Line1Condition", "New, unopened");
        choose(browser, wait, "Line1Disposition", "Restock");
        completeButton(browser).click();
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$='-Line2Condition-error-message']")));
        assertThat(browser.findElements(By.cssSelector("[id$='-Line1Condition-error-message']"))).isEmpty();
        assertThat(openTaskCount(rma)).isEqualTo(1);

        field(browser, "Line2Received").sendKeys("3");
        choose(browser, wait, "Line2Condition", "Missing");
        choose(browser, wait, "Line2Disposition", "Scrap");
        field(browser, "Line2Notes").sendKeys("Parcel held the shoes only");
        // 3 of the 2 announced socks is more than the form accepts
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$='-Line2Received-error-message']")));
        assertThat(completeButton(browser).isEnabled()).isFalse();
        field(browser, "Line2Received").sendKeys(Keys.BACK_SPACE, "0");
        wait.until(
            ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[id$='-Line2Received-error-message']")));
        assertThat(browser.findElements(By.cssSelector(".fjs-form-field-error"))).isEmpty();
        chromium.screenshot("inspection-form");

        wait.until(ExpectedConditions.elementToBeClickable(completeButton(browser))).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> openTaskCount(rma) == 0);

        // the page the forms' "Customer's photos" link opens (this return, from the API, has none): walt's
        // Tasklist login in this browser is enough, no second login
        browser.get("http://localhost:" + port + "/api/returns/" + rma + "/photos");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(rma + ": customer's photos");
      } catch (RuntimeException | AssertionError e) {
        chromium.screenshot("inspection-failure");
        writePage(browser, "inspection-failure");
        throw e;
      }
    }

    JsonNode done = await().atMost(PROCESS_TIMEOUT).until(() -> http.as("walt").get("/api/returns/" + rma).json(),
        r -> r.path("status").asText().equals("CLOSED"));
    assertThat(done.path("refund").path("refundId").asText(null)).isNotBlank();
    assertThat(done.path("refund").path("status").asText()).isEqualTo("SUCCEEDED");
    // the shoe (80.00 + 12.77 tax) came back new; the socks were missing and are not refunded
    assertThat(done.path("refund").path("total").asLong()).isEqualTo(9277);
    JsonNode shoe = done.path("lines").get(0);
    assertThat(shoe.path("inspectedCondition").asText()).isEqualTo("NEW");
    assertThat(shoe.path("disposition").asText()).isEqualTo("RESTOCK");
    assertThat(shoe.path("quantityReceived").asInt()).isEqualTo(1);
    assertThat(shoe.path("inspectedBy").asText()).isEqualTo("walt");
    JsonNode socks = done.path("lines").get(1);
    assertThat(socks.path("inspectedCondition").asText()).isEqualTo("MISSING");
    assertThat(socks.path("disposition").asText()).isEqualTo("SCRAP");
    assertThat(socks.path("quantityReceived").asInt()).isZero();
    assertThat(socks.path("inspectionNotes").asText()).isEqualTo("Parcel held the shoes only");
  }

  /** carl creates the return, the carrier picks it up, walt's scanner sees it arrive. */
  private String returnWaitingForInspection() {
    Http.Response created = http.as("carl").post("/api/returns", newReturn());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String rma = created.json().get("rmaNumber").asText();
    String tracking = await().atMost(PROCESS_TIMEOUT).until(
        () -> http.as("walt").get("/api/returns/" + rma).json().path("label").path("trackingNumber").asText(null),
        number -> number != null);
    Http.Response pickup = http.as("shipbot").post("/api/carrier/events", Map.of("eventId", "pickup-" + rma,
        "trackingNumber", tracking, "type", "PICKED_UP", "occurredAt", Instant.now().toString()));
    assertThat(pickup.status()).as(pickup.toString()).isIn(200, 202);
    Http.Response arrival = http.as("walt").post("/api/warehouse/arrivals", Map.of("scanId", "scan-" + rma,
        "rmaNumber", rma, "scannedAt", Instant.now().toString(), "location", "Dock 2"));
    assertThat(arrival.status()).as(arrival.toString()).isIn(200, 202);
    await().atMost(PROCESS_TIMEOUT).until(() -> openTaskCount(rma) == 1);
    return rma;
  }

  private int openTaskCount(String rma) {
    JsonNode view = http.as("walt").get("/api/returns/" + rma).json();
    int count = 0;
    for (JsonNode task : view.path("process").path("openTasks")) {
      if (task.path("name").asText().equals("Inspect returned items")) {
        count++;
      }
    }
    return count;
  }

  private static WebElement completeButton(ChromeDriver browser) {
    return browser.findElement(By.xpath("//button[normalize-space(.) = 'Complete']"));
  }

  /** A form-js field: its id is {@code fjs-form-<form instance>-<component id>}. */
  private static WebElement field(ChromeDriver browser, String componentId) {
    return browser.findElement(By.cssSelector("[id$='-" + componentId + "']"));
  }

  /** form-js renders selects as its own dropdown: open it, pick the option by its label. */
  private static void choose(ChromeDriver browser, WebDriverWait wait, String componentId, String label) {
    By display = By.cssSelector("[id$='-" + componentId + "-display']");
    browser.findElement(display).click();
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@class, 'fjs-dropdownlist-item') and normalize-space(.) = '" + label + "']"))).click();
    wait.until(ExpectedConditions.textToBe(display, label));
  }

  private static void writePage(ChromeDriver browser, String name) {
    try {
      Files.writeString(Path.of("target", "browser", name + ".html"), browser.getPageSource());
    } catch (Exception e) {
      // the screenshot is what matters
    }
  }

  private static Map<String, Object> newReturn() {
    LocalDate delivered = LocalDate.now().minusDays(5);
    return Map.of(
        "order", Map.of("orderId", "SO-BROWSER-" + System.nanoTime(), "orderDate", delivered.minusDays(3).toString(),
            "deliveryDate", delivered.toString(), "currency", "EUR", "amountCaptured", 12990, "shippingPaid", 490,
            "paymentIntentId", "pi_browser_test"),
        "customer", Map.of("customerId", "C-BROWSER", "name", "Bea Browser", "email", "bea@example.com",
            "address", Map.of("line1", "Hauptstr. 1", "city", "Berlin", "postalCode", "10115", "country", "DE")),
        "lines", List.of(
            Map.of("sku", "SHOE-42", "description", "Trail shoe, size 42", "quantityOrdered", 1, "quantityReturned", 1,
                "unitPrice", 8000, "tax", 1277, "reason", "DOES_NOT_FIT"),
            Map.of("sku", "SOCK-3", "description", "Merino socks, 3 pairs", "quantityOrdered", 2, "quantityReturned", 2,
                "unitPrice", 2000, "tax", 639, "reason", "NO_LONGER_NEEDED")));
  }
}
