package io.openrma.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Everything the portal refuses, each with a clear page and nothing written: a wrong email, too many lookups,
 * a line the order does not allow, an altered or expired status link, a form without its CSRF token.
 */
@PortalTest
class PortalRefusalsTest {

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  PortalProperties properties;
  @Autowired
  Clock clock;
  @Autowired
  StatusLinks statusLinks;
  @Autowired
  io.openrma.returns.ReturnService returns;

  /** The return's current generation of links, as the application counts it. */
  int generation(String rma) {
    return returns.get(rma).statusLinkGeneration();
  }

  @Test
  void revokedLinksOfAReturnStopWorkingAndTheNextLinkWorks() {
    PortalBrowser browser = new PortalBrowser(port);
    PortalSteps.toReview(browser, PortalTestOrders.next());
    PortalBrowser.Page confirmation = PortalSteps.submit(browser);
    String rma = PortalSteps.rmaNumber(confirmation);
    String link = PortalSteps.statusLink(confirmation);
    assertThat(new PortalBrowser(port).get(link).body()).contains(rma);

    io.openrma.support.Http.Response revoked = new io.openrma.support.Http(port).as("carl")
        .post("/api/returns/" + rma + "/status-links/revoke", "{}");
    assertThat(revoked.status()).isEqualTo(204);

    PortalBrowser.Page old = new PortalBrowser(port).get(link);
    assertThat(old.status()).isEqualTo(404);
    assertThat(old.body()).contains("This link does not work").doesNotContain(rma);
    assertThat(new PortalBrowser(port).get("/returns/status/" + statusLinks.issue(rma)).body()).contains(rma);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM rma_timeline t JOIN rma_return r ON r.id = t.return_id "
        + "WHERE r.rma_number = ? AND t.event = 'STATUS_LINKS_REVOKED'").param(rma).query(Long.class).single())
        .isOne();
  }

  @Test
  void aWrongEmailAnswersExactlyAsAnUnknownOrderAndWritesNothing() {
    int returns = returns();
    String order = PortalTestOrders.next();

    PortalBrowser.Page wrongEmail = PortalSteps.lookUp(new PortalBrowser(port), order, "someone@example.com");
    PortalBrowser.Page unknownOrder = PortalSteps.lookUp(new PortalBrowser(port), "#999999", "someone@example.com");

    assertThat(wrongEmail.path()).isEqualTo("/returns");
    assertThat(wrongEmail.body()).contains("We could not find an order with this number");
    assertThat(wrongEmail.status()).isEqualTo(unknownOrder.status());
    assertThat(main(wrongEmail).replace(order, "#N")).isEqualTo(main(unknownOrder).replace("#999999", "#N"));
    assertThat(returns()).isEqualTo(returns);
  }

  @Test
  void theEleventhLookupOfOneOrderWithinAMinuteIsToldToTryAgain() {
    String order = PortalTestOrders.next();
    PortalBrowser browser = new PortalBrowser(port);
    for (int i = 0; i < properties.lookups().perOrder(); i++) {
      assertThat(PortalSteps.lookUp(browser, order, "guess" + i + "@example.com").status()).isEqualTo(200);
    }

    PortalBrowser.Page refused = PortalSteps.lookUp(new PortalBrowser(port), order, PortalTestOrders.email(order));

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.body()).containsPattern("Too many attempts. Try again in \\d+ seconds.");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
    assertThat(refused.path()).as("even the right email waits").isEqualTo("/returns");
  }

  @Test
  void aLineTheOrderDoesNotAllowIsShownDisabledWithItsReasonAndRefusedWhenPostedAnyway() {
    String order = PortalTestOrders.next();
    PortalBrowser browser = new PortalBrowser(port);
    PortalBrowser.Page items = PortalSteps.lookUp(browser, order, PortalTestOrders.email(order));

    assertThat(items.body()).containsPattern("<select id=\"quantity-2\" name=\"lines\\[2\\].quantity\"[^>]*disabled")
        .contains("Bought in a final sale: it cannot be returned.")
        .containsPattern("aria-describedby=\"quantity-2-hint refusal-2\"");

    PortalBrowser.Page refused = browser.post("/returns/items",
        Map.of("lines[2].quantity", "1", "lines[2].reason", "DOES_NOT_FIT"));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("There is a problem", "href=\"#quantity-2\"",
        "Summer dress (sale) cannot be returned.");
    assertThat(browser.get("/returns/resolution").path()).as("no way past items").isEqualTo("/returns/items");

    PortalBrowser.Page tooMany = browser.post("/returns/items",
        Map.of("lines[1].quantity", "3", "lines[1].reason", "DOES_NOT_FIT"));
    assertThat(tooMany.status()).isEqualTo(422);
    assertThat(tooMany.body()).contains("Choose at most 2 of Merino T-shirt.");
  }

  @Test
  void anAlteredOrExpiredStatusLinkShowsNothingOfTheReturn() {
    String order = PortalTestOrders.next();
    PortalBrowser browser = new PortalBrowser(port);
    PortalSteps.toReview(browser, order);
    PortalBrowser.Page confirmation = PortalSteps.submit(browser);
    String rma = PortalSteps.rmaNumber(confirmation);
    String link = PortalSteps.statusLink(confirmation);
    String token = link.substring("/returns/status/".length());
    String other = "RMA-000001" + token.substring(token.indexOf('.'));

    for (String altered : new String[]{other, token.substring(0, token.length() - 2) + "xx", "RMA-000001",
        token + "/../x"}) {
      PortalBrowser.Page page = new PortalBrowser(port).get("/returns/status/" + altered);
      assertThat(page.status()).as(altered).isIn(400, 404);
      assertThat(page.body()).as(altered).doesNotContain(rma, "Slim chinos", "Pat Tester");
    }
    PortalBrowser.Page invalid = new PortalBrowser(port).get("/returns/status/" + other);
    assertThat(invalid.body()).contains("This link does not work");

    String expired = new StatusLinks(new PortalProperties("s", null, null, null, null, properties.linkSecret(),
        Duration.ofSeconds(-1), properties.lookups(), properties.publicUrl(), null, null, 0), clock, false,
        this::generation)
        .issue(rma);
    PortalBrowser.Page page = new PortalBrowser(port).get("/returns/status/" + expired);
    assertThat(page.status()).isEqualTo(410);
    assertThat(page.body()).contains("This link has expired").doesNotContain(rma, "Slim chinos");
    assertThat(new PortalBrowser(port).get("/returns/status/" + expired + "/label.pdf").status()).isEqualTo(410);
    assertThat(new PortalBrowser(port).get("/returns/status/" + token).body()).contains(rma);
  }

  @Test
  void aFormWithoutItsCsrfTokenIsRefusedAndWritesNothing() {
    String order = PortalTestOrders.next();
    PortalBrowser browser = new PortalBrowser(port);
    PortalSteps.toReview(browser, order);
    int returns = returns();

    PortalBrowser.Page refused = browser.postExactly("/returns/submit", Map.of("nonce", browser.last().input("nonce")));
    PortalBrowser.Page lookup = new PortalBrowser(port).postExactly("/returns",
        Map.of("orderNumber", order, "proof", PortalTestOrders.email(order)));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("This page has expired");
    assertThat(lookup.status()).isEqualTo(403);
    assertThat(returns()).isEqualTo(returns);
  }

  private int returns() {
    return jdbc.sql("SELECT COUNT(*) FROM rma_return").query(Integer.class).single();
  }

  /** The page's main content. */
  private static String main(PortalBrowser.Page page) {
    return page.body().replaceAll("(?s).*<main id=\"main\">(.*)</main>.*", "$1").replaceAll("value=\"[^\"]*\"", "");
  }
}
