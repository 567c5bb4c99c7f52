package io.openrma.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * htmx on the status page, as progressive enhancement: the page names the vendored script and its CSP-safe
 * config, and asks for its own address again to refresh the journey; a return that has ended asks for nothing.
 * The script is served as JavaScript and cached for a year (its version is in its name). That the pages work
 * without it is what every other portal test shows: {@link PortalBrowser} runs no script.
 */
@PortalTest
class PortalHtmxTest {

  @LocalServerPort
  int port;

  @Test
  void theStatusPageRefreshesItsJourneyFromItsOwnAddressWithoutInlineScript() {
    PortalBrowser browser = new PortalBrowser(port);
    String order = PortalTestOrders.next();
    PortalSteps.toReview(browser, order);
    String statusLink = PortalSteps.statusLink(PortalSteps.submit(browser));

    PortalBrowser.Page status = browser.get(statusLink);

    assertThat(status.status()).isEqualTo(200);
    assertThat(status.body().replaceAll("\\s+", " "))
        .contains("<script src=\"/returns/assets/htmx-2.0.11.min.js\" defer></script>",
            "<meta name=\"htmx-config\"", "\"includeIndicatorStyles\":false", "\"allowEval\":false",
            "\"allowScriptTags\":false", "\"historyEnabled\":false",
            "<div class=\"progress-live\" aria-live=\"polite\">",
            "id=\"progress\" hx-get=\"" + statusLink + "\" hx-trigger=\"every 1s\" hx-select=\"#progress\""
                + " hx-swap=\"outerHTML\"")
        .doesNotContain("<script>", "hx-boost", "hx-on");
    assertThat(status.header("Content-Security-Policy")).contains("script-src 'self';", "style-src 'self';")
        .doesNotContain("unsafe");

    PortalBrowser.Page cancelled = browser.post(statusLink + "/cancel", Map.of());
    assertThat(cancelled.body()).as("an ended return").contains("id=\"progress\"").doesNotContain("hx-trigger");
  }

  @Test
  void htmxIsServedAsJavaScriptCachedForAYearAndOnlyOnTheStatusPage() {
    PortalBrowser browser = new PortalBrowser(port);

    PortalBrowser.Page script = browser.get("/returns/assets/htmx-2.0.11.min.js");

    assertThat(script.status()).isEqualTo(200);
    assertThat(script.header("Content-Type")).startsWith("text/javascript");
    assertThat(script.header("Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
    assertThat(script.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(script.body()).startsWith("/*! htmx 2.0.11").contains("Zero-Clause BSD", "var htmx=function()");
    assertThat(browser.get("/returns/assets/portal.css").header("Cache-Control")).as("unversioned")
        .doesNotContain("immutable");
    assertThat(browser.get("/returns").body()).doesNotContain("htmx");
  }
}
