package io.openrma.reporting;

import static io.openrma.support.ReturnRequests.aReturn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.openrma.returns.ItemCategory;
import io.openrma.returns.ItemCondition;
import io.openrma.returns.ReturnReason;
import io.openrma.support.Axe;
import io.openrma.support.Chromium;
import io.openrma.support.Http;
import io.openrma.support.WebAppTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Anna tries a stricter draft on the analysts' page in headless Chromium: she uploads the file, sends the form and
 * sees the return it would review. The page's screenshot lands in {@code target/browser/policy-simulation.png}
 * (the README's comes from here) and axe-core finds no WCAG 2.2 AA violation. Only with
 * {@code ./mvnw -Pbrowser-tests test}.
 */
@Tag("browser")
@WebAppTest
class PolicySimulationInBrowserTest {

  @LocalServerPort
  int port;

  @Test
  void anAnalystUploadsADraftAndSeesTheReturnItWouldReview() throws IOException {
    String rma = new Http(port).as("carl").post("/api/returns", aReturn().line("HEADPHONES",
        ItemCategory.ELECTRONICS, 1, 1, 30_000, 0, 0, ReturnReason.DOES_NOT_FIT, ItemCondition.NEW).captured(40_000)
        .build()).json().get("rmaNumber").asText();
    Path draft = Files.createTempFile("return-policy-draft", ".dmn");
    Files.writeString(draft, Files.readString(Path.of("processes", "return-policy.dmn"))
        .replace("<text>&gt;= 50000</text>", "<text>&gt;= 20000</text>"));
    try (Chromium chromium = Chromium.start()) {
      ChromeDriver browser = chromium.driver();
      browser.manage().window().setSize(new Dimension(1200, 1900));
      // the login dialog's answer, as the URL's user info: Chrome keeps it for the page's other requests
      browser.get("http://anna:anna@localhost:" + port + "/analysts/policy-simulation");
      browser.findElement(By.id("draft")).sendKeys(draft.toAbsolutePath().toString());
      browser.findElement(By.cssSelector("button.primary")).click();
      // the answer comes once the simulation ran (a cold engine's first one takes seconds): wait for its page
      try {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(
            By.id("live")));
      } catch (TimeoutException e) {
        throw new AssertionError("no simulation result after 60 s: " + browser.getPageSource(), e);
      }
      assertThat(browser.findElement(By.id("live")).getText()).startsWith("Live policy: version");
      assertThat(browser.findElement(By.id("changed")).getText()).contains(rma);
      chromium.screenshot("policy-simulation");
      Axe.assertNoViolations(browser, "policy-simulation");
    } finally {
      Files.deleteIfExists(draft);
    }
  }
}
