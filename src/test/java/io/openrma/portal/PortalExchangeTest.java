package io.openrma.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An exchange for another variant, without JavaScript: where the order's source offers other variants of a chosen
 * line's product, the customer picks one per line, sees it in the review, and the return's line carries it as its
 * exchangeVariantId; a missing or made-up choice is refused at its field and nothing is kept.
 */
@PortalTest
class PortalExchangeTest {

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;

  /** Chinos (which come in other sizes) and a T-shirt (which does not), for an exchange: the variants page. */
  private PortalBrowser.Page toVariants(PortalBrowser browser, String order) {
    PortalSteps.lookUp(browser, order, PortalTestOrders.email(order));
    PortalBrowser.Page resolution = browser.post("/returns/items", Map.of("lines[0].quantity", "1",
        "lines[0].reason", "DOES_NOT_FIT", "lines[1].quantity", "1", "lines[1].reason", "DOES_NOT_FIT"));
    assertThat(resolution.path()).as(resolution.body()).isEqualTo("/returns/resolution");
    PortalBrowser.Page variants = browser.post("/returns/resolution", Map.of("resolution", "EXCHANGE"));
    assertThat(variants.path()).as(variants.body()).isEqualTo("/returns/exchange");
    return variants;
  }

  @Test
  void theCustomerChoosesTheSizeTheyWantAndTheReturnLineCarriesIt() {
    String order = PortalTestOrders.next();
    String id = order.substring(1);
    PortalBrowser browser = new PortalBrowser(port);

    PortalBrowser.Page variants = toVariants(browser, order);
    assertThat(variants.body()).contains("<label for=\"variant-0\">Instead of Slim chinos</label>",
        "<option value=\"PT-V-" + id + "-3032\">30/32</option>",
        "<option value=\"PT-V-" + id + "-3432\">34/32</option>")
        .as("the T-shirt has no other variants: customer service arranges it").doesNotContain("variant-1");

    PortalBrowser.Page review = browser.post("/returns/exchange", Map.of("variants[0]", "PT-V-" + id + "-3432"));
    assertThat(review.path()).as(review.body()).isEqualTo("/returns/review");
    assertThat(review.body()).contains("Instead of Slim chinos you get", "34/32");
    String rma = PortalSteps.rmaNumber(PortalSteps.submit(browser));

    assertThat(jdbc.sql("SELECT l.exchange_variant_id FROM rma_line l JOIN rma_return r ON r.id = l.return_id "
        + "WHERE r.rma_number = ? ORDER BY l.line_index").param(rma).query(String.class).list())
        .containsExactly("PT-V-" + id + "-3432", null);
  }

  @Test
  void aMissingChoiceComesBackAt422WithItsErrorLinkedAndNothingKept() {
    String order = PortalTestOrders.next();
    PortalBrowser browser = new PortalBrowser(port);
    toVariants(browser, order);

    PortalBrowser.Page refused = browser.post("/returns/exchange", Map.of("variants[0]", ""));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("class=\"error-summary\"", "href=\"#variant-0\"",
        "id=\"variant-0-error\"", "aria-describedby=\"variant-0-error exchange-intro\"", "aria-invalid=\"true\"",
        "Choose what you would like instead of Slim chinos.");
    assertThat(browser.get("/returns/review").path()).as("no review without a choice").isEqualTo("/returns/exchange");
    assertNothingCreated(order);
  }

  @Test
  void aVariantThatWasNotOfferedIsRefused() {
    String order = PortalTestOrders.next();
    PortalBrowser browser = new PortalBrowser(port);
    toVariants(browser, order);

    PortalBrowser.Page refused = browser.post("/returns/exchange",
        Map.of("variants[0]", "gid://shopify/ProductVariant/4242"));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("That choice is not available for Slim chinos: choose one from the list.",
        "href=\"#variant-0\"");
    assertThat(browser.get("/returns/review").path()).isEqualTo("/returns/exchange");
    String nonce = browser.last().input("nonce");
    assertThat(browser.post("/returns/submit", Map.of("nonce", nonce == null ? "" : nonce)).path())
        .isNotEqualTo("/returns/confirmation");
    assertNothingCreated(order);
  }

  @Test
  void theDemoShopOffersOtherSizesOfJanesChinos() {
    PortalBrowser browser = new PortalBrowser(port);
    PortalSteps.lookUp(browser, "#1001", "jane.doe@example.com");
    browser.post("/returns/items", Map.of("lines[1].quantity", "1", "lines[1].reason", "DOES_NOT_FIT"));

    PortalBrowser.Page variants = browser.post("/returns/resolution", Map.of("resolution", "EXCHANGE"));

    assertThat(variants.path()).isEqualTo("/returns/exchange");
    assertThat(variants.body()).contains("Instead of Slim chinos, 32/32", ">30/32<", ">34/32<", ">32/34<");
  }

  private void assertNothingCreated(String order) {
    assertThat(jdbc.sql("SELECT COUNT(*) FROM rma_return WHERE order_id = ?").param("PT-" + order.substring(1))
        .query(Integer.class).single()).isZero();
  }
}
