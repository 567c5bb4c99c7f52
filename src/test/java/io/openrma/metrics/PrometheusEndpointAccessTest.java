package io.openrma.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrma.support.Http;
import io.openrma.support.PrometheusScrape;
import io.openrma.support.WebAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The metrics are for administrators: Prometheus scrapes with the credentials of a camunda-admin member. */
@WebAppTest
class PrometheusEndpointAccessTest {

  @LocalServerPort
  int port;

  @Test
  void anonymousCallersAreAskedToLogIn() {
    Http.Response response = new Http(port).get("/actuator/prometheus");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
  }

  @Test
  void usersOutsideCamundaAdminAreRefused() {
    assertThat(new Http(port).as("walt").get("/actuator/prometheus").status()).isEqualTo(403);
    assertThat(new Http(port).as("anna").get("/actuator/prometheus").status()).isEqualTo(403);
  }

  @Test
  void adminsReadOpenRmasMetrics() {
    Http.Response response = new Http(port).as("admin").get("/actuator/prometheus");

    assertThat(response.status()).isEqualTo(200);
    PrometheusScrape scrape = new PrometheusScrape(response.body());
    assertThat(scrape.has("openrma_returns", "status", "REQUESTED")).isTrue();
    assertThat(scrape.has("openrma_incidents_open", "process", "rma-lifecycle")).isTrue();
    assertThat(scrape.has("openrma_jobs_executable")).isTrue();
    assertThat(scrape.has("openrma_outbound_pending")).isTrue();
  }

  @Test
  void healthStaysOpenForTheContainersHealthCheck() {
    Http.Response response = new Http(port).get("/actuator/health");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("status").asText()).isEqualTo("UP");
  }
}
