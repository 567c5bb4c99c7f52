package io.openrma.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrma.support.Http;
import io.openrma.support.WebAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The "It is time to migrate to Camunda 8" banner is hidden from the people who cannot act on it (Tasklist
 * and the welcome page) and stays in Cockpit and Admin, which administrators use.
 */
@WebAppTest
class WebappStylesTest {

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
}
