package io.openrma.reporting;

import static io.openrma.support.ReturnRequests.aReturn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.openrma.returns.ItemCategory;
import io.openrma.returns.ItemCondition;
import io.openrma.returns.ReturnReason;
import io.openrma.support.Http;
import io.openrma.support.WebAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An analyst tries a stricter draft on the analysts' page, over HTTP as a browser would send it (multipart form,
 * the CSRF token from the page and its cookie): the page shows the live version, the tables, the chart and the
 * return that changes; the CSV button downloads it; a draft with a script is refused on the page; only analysts
 * and admins get in, and only with the form's token.
 */
@WebAppTest
class PolicySimulationPageTest {

  private static final String PAGE = "/analysts/policy-simulation";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort
  int port;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  private static String stricter() throws IOException {
    // high value from 200.00 on instead of 500.00
    return Files.readString(Path.of("processes", "return-policy.dmn")).replace("<text>&gt;= 50000</text>",
        "<text>&gt;= 20000</text>");
  }

  @Test
  void aStricterDraftShowsTheLiveVersionTheFiguresTheChartAndTheChangedReturn() throws IOException {
    String rma = headphonesReturn();

    Http.Response page = submit(http.as("anna"), stricter(), Map.of());

    assertThat(page.status()).as(page.body()).isEqualTo(200);
    assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'", "style-src 'self'");
    assertThat(page.body()).containsPattern("Live policy: version <strong>\\d+</strong>")
        .contains("id=\"outcomes\"", "id=\"money\"", "Restocking fees", "Keep-item write-off", "Reviews per day")
        .contains("<svg", "<rect", "class=\"draft\"")
        .containsPattern("<th scope=\"row\">" + rma + "</th><td>Auto-approve</td>\\s*<td>Review</td>")
        .contains("rule 8", "returnValue=30000")
        .doesNotContain("<script", "style=");
  }

  @Test
  void theCsvButtonDownloadsTheChangedReturns() throws IOException {
    String rma = headphonesReturn();

    Http.Response csv = submit(http.as("anna"), stricter(), Map.of("format", "csv"));

    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.body()).startsWith("rma_number,outcome_then,outcome_now,").contains(rma + ",AUTO_APPROVE,REVIEW,");
  }

  @Test
  void aDraftWithAScriptIsRefusedOnThePageWithTheFormKept() throws IOException {
    String script = stricter().replace("<inputEntry id=\"Rule_HighValue_in3\">",
        "<inputEntry id=\"Rule_HighValue_in3\" expressionLanguage=\"javascript\">");

    Http.Response page = submit(http.as("anna"), script, Map.of("reason", "DEFECTIVE"));

    assertThat(page.status()).isEqualTo(400);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.body()).contains("The draft was not simulated", "Rule_HighValue_in3", "only FEEL")
        .contains("name=\"reason\" value=\"DEFECTIVE\"").doesNotContain("Exception");
  }

  @Test
  void onlyAnalystsAndAdminsGetIn() {
    assertThat(http.as("carl").get(PAGE).status()).isEqualTo(403);
    assertThat(http.get(PAGE).status()).isEqualTo(401);
    assertThat(http.as("admin").get(PAGE).status()).isEqualTo(200);
  }

  @Test
  void aPostWithoutTheFormsTokenIsRefused() throws IOException {
    Http anna = http.as("anna");
    Multipart form = new Multipart().file("draft", "draft.dmn", stricter());
    Http.Response answer = anna.send(anna.request(PAGE).header("Content-Type", form.contentType())
        .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())));

    assertThat(answer.status()).isEqualTo(403);
  }

  /** 300.00 of headphones: approved at once today, reviewed under the stricter draft. */
  private String headphonesReturn() {
    return http.as("carl").post("/api/returns", aReturn().line("HEADPHONES", ItemCategory.ELECTRONICS, 1, 1,
        30_000, 0, 0, ReturnReason.DOES_NOT_FIT, ItemCondition.NEW).captured(40_000).build()).json()
        .get("rmaNumber").asText();
  }

  /**
   * What a browser does: open the page, load its stylesheet, then send the form with its token and the token's
   * cookie.
   */
  private Http.Response submit(Http as, String draft, Map<String, String> fields) {
    Http.Response page = as.get(PAGE);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    Matcher token = CSRF.matcher(page.body());
    assertThat(token.find()).as("the form carries a CSRF token").isTrue();
    String cookie = page.headers("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
        .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    // the page's stylesheet comes with the cookie before the form is sent: the token must survive it
    assertThat(as.send(as.request("/analysts/policy-simulation.css").header("Cookie", cookie).GET()).headers(
        "Set-Cookie")).as("the stylesheet leaves the token alone").isEmpty();
    Multipart form = new Multipart().field("_csrf", token.group(1)).file("draft", "draft.dmn", draft);
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.forEach(form::field);
    return as.send(as.request(PAGE).header("Cookie", cookie).header("Content-Type", form.contentType())
        .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())));
  }

  /** A {@code multipart/form-data} body built by hand: Java's HttpClient has none. */
  static final class Multipart {
    private final String boundary = "----openrma" + System.nanoTime();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    Multipart field(String name, String value) {
      return part("Content-Disposition: form-data; name=\"" + name + "\"\r\n", value);
    }

    Multipart file(String name, String fileName, String content) {
      return part("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\n"
          + "Content-Type: application/xml\r\n", content);
    }

    private Multipart part(String headers, String content) {
      body.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n" + content + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
      return this;
    }

    String contentType() {
      return "multipart/form-data; boundary=" + boundary;
    }

    byte[] body() {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      all.writeBytes(body.toByteArray());
      all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return all.toByteArray();
    }
  }
}
