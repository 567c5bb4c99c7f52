package io.openrma.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.openrma.returns.ReturnReason;

/** The customer's way through the portal, step by step, as the tests walk it. */
final class PortalSteps {

  private static final Pattern RMA = Pattern.compile("RMA-\\d{6}");

  private PortalSteps() {
  }

  /** Finds the order and lands on "Choose items". */
  static PortalBrowser.Page lookUp(PortalBrowser browser, String orderNumber, String proof) {
    browser.get("/returns");
    return browser.post("/returns", Map.of("orderNumber", orderNumber, "proof", proof));
  }

  /** From a new order to "Review": one pair of chinos, does not fit, refund. */
  static PortalBrowser.Page toReview(PortalBrowser browser, String orderNumber) {
    return toReview(browser, orderNumber, 0, "DOES_NOT_FIT");
  }

  /** From a new order to "Review": one unit of line {@code line} for {@code reason}, reported unopened, refund. */
  static PortalBrowser.Page toReview(PortalBrowser browser, String orderNumber, int line, String reason) {
    toResolution(browser, orderNumber, line, reason);
    PortalBrowser.Page review = browser.post("/returns/resolution", Map.of("resolution", "REFUND"));
    assertThat(review.path()).as(review.body()).isEqualTo("/returns/review");
    return review;
  }

  /** From a new order to "How you want it made right": one unit of line {@code line} for {@code reason}, unopened. */
  static PortalBrowser.Page toResolution(PortalBrowser browser, String orderNumber, int line, String reason) {
    PortalBrowser.Page items = lookUp(browser, orderNumber, PortalTestOrders.email(orderNumber));
    assertThat(items.path()).as(items.body()).isEqualTo("/returns/items");
    Map<String, String> choice = Map.of("lines[" + line + "].quantity", "1", "lines[" + line + "].reason", reason,
        "lines[" + line + "].condition", "NEW");
    PortalBrowser.Page resolution = browser.post("/returns/items", choice);
    if (ReturnReason.valueOf(reason).needsPhotos()) {
      assertThat(resolution.path()).as("the page again, with the photo field").isEqualTo("/returns/items");
      Map<String, String> withoutPhotos = new java.util.HashMap<>(choice);
      withoutPhotos.put("photosOffered", "true");
      resolution = browser.post("/returns/items", withoutPhotos);
    }
    assertThat(resolution.path()).as(resolution.body()).isEqualTo("/returns/resolution");
    return resolution;
  }

  /** Submits the review on screen and answers the confirmation. */
  static PortalBrowser.Page submit(PortalBrowser browser) {
    String nonce = browser.last().input("nonce");
    PortalBrowser.Page confirmation = browser.post("/returns/submit", Map.of("nonce", nonce));
    assertThat(confirmation.path()).as(confirmation.body()).isEqualTo("/returns/confirmation");
    return confirmation;
  }

  static String rmaNumber(PortalBrowser.Page page) {
    Matcher m = RMA.matcher(page.body());
    assertThat(m.find()).as("an RMA number on " + page.path()).isTrue();
    return m.group();
  }

  static String statusLink(PortalBrowser.Page page) {
    String link = page.link("/returns/status/[^\"]+");
    assertThat(link).as("a status link on " + page.path()).isNotNull();
    return link;
  }
}
