package io.openrma.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrma.returns.ReturnStatus;
import io.openrma.support.Axe;
import io.openrma.support.Chromium;
import io.openrma.support.Http;
import io.openrma.support.LifecycleDriver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A customer returns an item in Debian's headless Chromium with the keyboard alone: every field and button is
 * reached with Tab, chosen with the arrow keys and sent with Enter, from the lookup to the label on the status
 * page, with a photo of a faulty item chosen for its file field (the driver sets the file, as a file chooser
 * would). The open status page then shows the carrier's pickup by itself (htmx), without a reload, and the
 * console reports no Content-Security-Policy violation. Each step's screenshot lands in {@code target/browser/portal-*.png} (the README's come from here), and
 * axe-core finds no WCAG 2.2 AA violation on any of the pages ({@link Axe}). Only with
 * {@code ./mvnw -Pbrowser-tests test}.
 */
@Tag("browser")
@PortalTest
class PortalInBrowserTest {

  @LocalServerPort
  int port;
  @Autowired
  LifecycleDriver lifecycle;

  @Test
  void aCustomerReturnsAnItemWithTheKeyboardAloneFromLookupToTheLabel() throws IOException {
    String order = PortalTestOrders.next();
    try (Chromium chromium = Chromium.start()) {
      ChromeDriver browser = chromium.driver();
      browser.manage().window().setSize(new Dimension(1000, 1250));
      try {
        browser.get("http://localhost:" + port + "/returns");
        chromium.screenshot("portal-1-lookup");
        Axe.assertNoViolations(browser, "portal-1-lookup");
        tabTo(browser, "orderNumber").sendKeys(order);
        tabTo(browser, "proof").sendKeys(PortalTestOrders.email(order));
        press(browser, Keys.ENTER);

        assertThat(browser.getCurrentUrl()).endsWith("/returns/items");
        choose(browser, tabTo(browser, "quantity-0"), "1");
        choose(browser, tabTo(browser, "reason-0"), "It does not fit");
        choose(browser, tabTo(browser, "quantity-1"), "1");
        choose(browser, tabTo(browser, "reason-1"), "It is faulty");
        assertThat(browser.findElement(By.id("quantity-2")).isEnabled()).as("the final-sale dress").isFalse();
        chromium.screenshot("portal-2-items");
        Axe.assertNoViolations(browser, "portal-2-items");
        tabToButton(browser, "Continue");
        press(browser, Keys.ENTER);

        // a faulty item: the page comes back with the photo field; the file is chosen as a file chooser would
        assertThat(browser.getCurrentUrl()).endsWith("/returns/items#photos");
        Path photo = photoOfTheFault();
        tabTo(browser, "photos").sendKeys(photo.toString());
        Axe.assertNoViolations(browser, "portal-2-items with the photo field");
        tabToButton(browser, "Continue");
        press(browser, Keys.ENTER);

        assertThat(browser.getCurrentUrl()).endsWith("/returns/resolution");
        assertThat(tabTo(browser, "resolution-REFUND").isSelected()).isTrue();
        chromium.screenshot("portal-3-resolution");
        Axe.assertNoViolations(browser, "portal-3-resolution");
        tabToButton(browser, "Continue");
        press(browser, Keys.ENTER);

        assertThat(browser.getCurrentUrl()).endsWith("/returns/review");
        // the chinos that do not fit (€71.28 after the return fee) and the faulty T-shirt in full (€31.68)
        assertThat(browser.findElement(By.id("estimate-total")).getText()).isEqualTo("€102.96");
        chromium.screenshot("portal-4-review");
        Axe.assertNoViolations(browser, "portal-4-review");
        tabToButton(browser, "Submit return");
        press(browser, Keys.ENTER);

        assertThat(browser.getCurrentUrl()).endsWith("/returns/confirmation");
        String rma = browser.findElement(By.cssSelector(".rma")).getText().replaceAll(".*(RMA-\\d+).*", "$1");
        chromium.screenshot("portal-5-confirmation");
        Axe.assertNoViolations(browser, "portal-5-confirmation");
        JsonNode photos = new Http(port).as("carl").get("/api/returns/" + rma + "/photos").json();
        assertThat(photos.findValuesAsText("fileName")).containsExactly("seam.png");
        assertThat(photos.findValuesAsText("contentType")).containsExactly("image/png");
        assertThat(photos.get(0).path("size").asLong()).isEqualTo(Files.size(photo));
        lifecycle.runUntil(rma, ReturnStatus.LABEL_ISSUED);
        tabToLink(browser, "Follow your return");
        press(browser, Keys.ENTER);

        assertThat(browser.getCurrentUrl()).contains("/returns/status/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Return " + rma);
        assertThat(browser.findElement(By.linkText("Download the return label (PDF)")).isDisplayed()).isTrue();
        chromium.screenshot("portal-6-status");
        Axe.assertNoViolations(browser, "portal-6-status");

        browser.get(browser.getCurrentUrl() + "?lang=de");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Retoure " + rma);
        chromium.screenshot("portal-7-status-de");
        Axe.assertNoViolations(browser, "portal-7-status-de");
        // the carrier picks the parcel up: the open page shows it by itself (htmx), without a reload
        browser.executeScript("window.openrmaSamePage = true;");
        lifecycle.pickedUp(rma, "pickup-" + rma);
        lifecycle.runUntil(rma, ReturnStatus.IN_TRANSIT);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(By.id("status-now"),
            "Ihr Paket ist auf dem Weg zu uns."));
        assertThat(browser.findElement(By.cssSelector(".journey [aria-current=step]")).getText())
            .startsWith("Unterwegs");
        assertThat(browser.executeScript("return window.openrmaSamePage === true;")).as("no reload").isEqualTo(true);
        assertThat(browser.findElement(By.id("progress")).findElement(By.xpath("..")).getAttribute("aria-live"))
            .isEqualTo("polite");
        Axe.assertNoViolations(browser, "the status page after its refresh");
        // the customer changes their mind: Cancel, with the keyboard, from the status page
        tabToButton(browser, "Diese Retoure stornieren");
        press(browser, Keys.ENTER);
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Ihre Retoure ist storniert.");
        assertThat(lifecycle.status(rma)).isEqualTo(ReturnStatus.CANCELLED);
        Axe.assertNoViolations(browser, "the status page after cancelling");

        browser.get("http://localhost:" + port + "/returns/accessibility");
        Axe.assertNoViolations(browser, "the accessibility statement");
        browser.get("http://localhost:" + port + "/returns");
        browser.findElement(By.id("orderNumber")).sendKeys(order);
        browser.findElement(By.id("proof")).sendKeys("someone.else@example.com");
        browser.findElement(By.id("proof")).sendKeys(Keys.ENTER);
        assertThat(browser.getPageSource()).contains("error-summary");
        Axe.assertNoViolations(browser, "a refused lookup, with its error summary");
        // Chromium asks for /favicon.ico by itself; the portal has none
        assertThat(chromium.consoleErrors()).as("the console: no CSP violation, no script error")
            .filteredOn(message -> !message.contains("/favicon.ico")).isEmpty();
      } catch (RuntimeException | AssertionError e) {
        chromium.screenshot("portal-failure");
        throw e;
      }
    }
  }

  /** A real PNG (40 x 30 pixels) in a temporary file, as a customer's camera would leave it. */
  private static Path photoOfTheFault() {
    BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 40; x++) {
      for (int y = 0; y < 30; y++) {
        image.setRGB(x, y, x == y ? 0xB00020 : 0x2F5D8A);
      }
    }
    try {
      Path dir = Files.createTempDirectory("openrma-photo-");
      Path file = dir.resolve("seam.png");
      ImageIO.write(image, "png", file.toFile());
      file.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void anExchangeAsksForTheSizeByKeyboardOnAPageWithoutViolationsAlsoWithItsError() {
    String order = PortalTestOrders.next();
    try (Chromium chromium = Chromium.start()) {
      ChromeDriver browser = chromium.driver();
      browser.manage().window().setSize(new Dimension(1000, 1250));
      try {
        browser.get("http://localhost:" + port + "/returns");
        browser.findElement(By.id("orderNumber")).sendKeys(order);
        browser.findElement(By.id("proof")).sendKeys(PortalTestOrders.email(order));
        browser.findElement(By.id("proof")).sendKeys(Keys.ENTER);
        choose(browser, tabTo(browser, "quantity-0"), "1");
        choose(browser, tabTo(browser, "reason-0"), "It does not fit");
        tabToButton(browser, "Continue");
        press(browser, Keys.ENTER);
        assertThat(browser.getCurrentUrl()).endsWith("/returns/resolution");
        tabTo(browser, "resolution-REFUND").sendKeys(Keys.ARROW_DOWN);
        assertThat(browser.findElement(By.id("resolution-EXCHANGE")).isSelected()).isTrue();
        tabToButton(browser, "Continue");
        press(browser, Keys.ENTER);

        assertThat(browser.getCurrentUrl()).endsWith("/returns/exchange");
        chromium.screenshot("portal-3b-exchange");
        Axe.assertNoViolations(browser, "portal-3b-exchange");
        tabToButton(browser, "Continue");
        press(browser, Keys.ENTER);
        assertThat(browser.getPageSource()).contains("error-summary", "Choose what you would like instead of");
        Axe.assertNoViolations(browser, "the exchange page with its error");

        choose(browser, tabTo(browser, "variant-0"), "34/32");
        tabToButton(browser, "Continue");
        press(browser, Keys.ENTER);
        // the same URL until the redirect's page has loaded: wait for it
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/returns/review"));
        assertThat(browser.findElement(By.cssSelector(".exchange-variant")).getText()).isEqualTo("34/32");
        Axe.assertNoViolations(browser, "the review of an exchange");
      } catch (RuntimeException | AssertionError e) {
        chromium.screenshot("portal-exchange-failure");
        throw e;
      }
    }
  }

  /** Presses Tab until the element with this id has the focus: it is reachable by keyboard. */
  private static WebElement tabTo(WebDriver browser, String id) {
    for (int i = 0; i < 60; i++) {
      WebElement active = browser.switchTo().activeElement();
      if (id.equals(active.getAttribute("id"))) {
        return active;
      }
      tab(browser);
    }
    throw new AssertionError("#" + id + " is not reached with the Tab key");
  }

  private static void tabToButton(WebDriver browser, String text) {
    tabToElement(browser, "button", text);
  }

  private static void tabToLink(WebDriver browser, String text) {
    tabToElement(browser, "a", text);
  }

  private static void tabToElement(WebDriver browser, String tag, String text) {
    for (int i = 0; i < 60; i++) {
      WebElement active = browser.switchTo().activeElement();
      if (active.getTagName().equals(tag) && active.getText().trim().equals(text)) {
        return;
      }
      tab(browser);
    }
    throw new AssertionError(tag + " '" + text + "' is not reached with the Tab key");
  }

  /** Chooses an option of a focused select with the arrow keys. */
  private static void choose(WebDriver browser, WebElement select, String option) {
    Select choices = new Select(select);
    for (int i = 0; i < 20 && !choices.getFirstSelectedOption().getText().equals(option); i++) {
      select.sendKeys(Keys.ARROW_DOWN);
    }
    assertThat(choices.getFirstSelectedOption().getText()).isEqualTo(option);
  }

  /**
   * Tab as the keyboard sends it, to whatever has the focus: an element's own sendKeys would be taken as a file's
   * name by a file field.
   */
  private static void tab(WebDriver browser) {
    new Actions(browser).sendKeys(Keys.TAB).perform();
  }

  private static void press(WebDriver browser, Keys key) {
    browser.switchTo().activeElement().sendKeys(key);
  }
}
