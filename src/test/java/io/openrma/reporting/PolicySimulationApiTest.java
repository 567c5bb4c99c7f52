package io.openrma.reporting;

import static io.openrma.support.ReturnRequests.aReturn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrma.returns.ItemCategory;
import io.openrma.returns.ItemCondition;
import io.openrma.returns.ReturnReason;
import io.openrma.support.Http;
import io.openrma.support.WebAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An analyst tries a stricter return policy on the decisions recorded so far, over HTTP: the returns it would
 * decide differently are named with their rules then and now; nothing is deployed; a draft with a script is
 * refused naming the element; only analysts and admins may simulate.
 */
@WebAppTest
class PolicySimulationApiTest {

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

  private Http.Response simulate(Http as, String draft, String query) {
    return as.send(as.request("/api/policy/simulations" + query).header("Content-Type", "application/xml")
        .POST(HttpRequest.BodyPublishers.ofString(draft)));
  }

  @Test
  void aStricterDraftNamesTheReturnItWouldReviewAndChangesNothingLive() throws IOException {
    // 300.00 of headphones: approved at once today, reviewed under the draft
    String rma = http.as("carl").post("/api/returns", aReturn().line("HEADPHONES", ItemCategory.ELECTRONICS, 1, 1,
        30_000, 0, 0, ReturnReason.DOES_NOT_FIT, ItemCondition.NEW).captured(40_000).build()).json()
        .get("rmaNumber").asText();
    long versionsBefore = versions();

    Http.Response answer = simulate(http.as("anna"), stricter(), "");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode body = answer.json();
    assertThat(body.get("result").get("decisions").asInt()).isPositive();
    JsonNode change = null;
    for (JsonNode c : body.get("result").get("changed")) {
      if (c.get("rmaNumber").asText().equals(rma)) {
        change = c;
      }
    }
    assertThat(change).as("the headphones' return is among the changed").isNotNull();
    assertThat(change.get("outcomeThen").asText()).isEqualTo("AUTO_APPROVE");
    assertThat(change.get("outcomeNow").asText()).isEqualTo("REVIEW");
    assertThat(change.get("ruleNow").asInt()).isEqualTo(8); // "High value"
    assertThat(change.get("inputs").get("returnValue").asLong()).isEqualTo(30_000);
    JsonNode reviews = body.get("result").get("outcomes").get("REVIEW");
    assertThat(reviews.get("draft").asLong()).isGreaterThan(reviews.get("current").asLong());
    assertThat(reviews.get("difference").asLong()).isEqualTo(reviews.get("draft").asLong()
        - reviews.get("current").asLong());
    assertThat(body.get("live").get("version").asInt()).isPositive();
    assertThat(versions()).as("nothing deployed").isEqualTo(versionsBefore);

    Http.Response csv = simulate(http.as("anna"), stricter(), "?format=csv");
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.body()).startsWith("rma_number,outcome_then,outcome_now,rule_then,rule_now,fee_then,fee_now,inputs")
        .contains(rma + ",AUTO_APPROVE,REVIEW,");
  }

  @Test
  void aDraftWithAScriptIsRefusedNamingTheElement() throws IOException {
    String script = stricter().replace("<inputEntry id=\"Rule_HighValue_in3\">",
        "<inputEntry id=\"Rule_HighValue_in3\" expressionLanguage=\"javascript\">");

    Http.Response answer = simulate(http.as("anna"), script, "");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("Rule_HighValue_in3", "only FEEL");
  }

  @Test
  void onlyAnalystsAndAdminsSimulate() throws IOException {
    assertThat(simulate(http.as("carl"), stricter(), "").status()).isEqualTo(403);
    assertThat(simulate(http, stricter(), "").status()).isEqualTo(401);
    assertThat(simulate(http.as("admin"), stricter(), "").status()).isEqualTo(200);
  }

  private long versions() {
    return http.as("admin").get("/engine-rest/decision-definition/count?key=return-policy").json().get("count")
        .asLong();
  }
}
