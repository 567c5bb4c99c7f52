package io.openrma.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.openrma.support.Http;
import io.openrma.support.WebappSession;
import io.openrma.support.WebAppTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What people see of the webapps beyond Camunda's own pages. The "It is time to migrate to Camunda 8" banner is hidden from the people who cannot act on it (Tasklist
 * and the welcome page) and stays in Cockpit and Admin, which administrators use.
 */
@WebAppTest
@ExtendWith(OutputCaptureExtension.class)
class WebappPagesTest {

  @LocalServerPort
  int port;

  @Test
  void theMigrationBannerIsHiddenInTasklistAndOnTheWelcomePageOnly() {
    Http http = new Http(port);
    for (String app : new String[]{"tasklist", "welcome"}) {
      Http.Response styles = http.get("/camunda/app/" + app + "/styles/user-styles.css");
      assertThat(styles.status()).as(app).isEqualTo(200);
      assertThat(styles.body()).as(app).contains(".ce-eol-banner", "display: none");
    }
    for (String app : new String[]{"cockpit", "admin"}) {
      assertThat(http.get("/camunda/app/" + app + "/styles/user-styles.css").body()).as(app)
          .doesNotContain("ce-eol-banner");
    }
  }

  @Test
  void anAnalystOpeningTasklistSeesAStyledNoAccessPageNotTomcatsOrAStackTrace(CapturedOutput output) {
    WebappSession anna = new WebappSession(port);
    assertThat(anna.login("cockpit", "anna", "anna")).isEqualTo(200);

    HttpResponse<String> tasklist = anna.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/")).header("Accept", "text/html").GET());

    assertThat(tasklist.statusCode()).isEqualTo(403);
    assertThat(tasklist.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
        .startsWith("text/html"));
    assertThat(tasklist.body()).contains("No access", "ask an administrator").doesNotContain("Apache Tomcat",
        "HTTP Status 403");
    assertThat(output).doesNotContain("TemplateInputException").doesNotContain("Error resolving template");
  }
}
