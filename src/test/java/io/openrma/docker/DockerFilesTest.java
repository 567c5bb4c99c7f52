package io.openrma.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrma.support.DockerFiles;
import org.junit.jupiter.api.Test;

/**
 * Docker does not run on the build machines, so the files in {@code docker/} are checked here for what
 * can be checked without it: they parse, every image is pinned, the app runs as non-root with a health
 * check, compose wires two OpenRMA replicas to PostgreSQL and Mailpit, and the dashboard and the scrape
 * configuration point at what OpenRMA serves. (That every metric the dashboard uses exists is checked
 * against a real scrape in {@code ReturnMetricsTest}.)
 */
class DockerFilesTest {

  static final Path DOCKER = DockerFiles.DIR;
  static final Pattern PINNED = Pattern.compile("[a-z0-9./-]+:v?\\d+\\.\\d+(\\.\\d+)?[a-zA-Z0-9._-]*");

  @Test
  void composeRunsTwoOpenRmaReplicasOnPostgresWithMailpitBehindOnePort() throws IOException {
    Map<String, Object> compose = yaml("compose.yaml");
    Map<String, Object> services = map(compose.get("services"));

    assertThat(services).containsKeys("postgres", "openrma", "proxy", "mailpit", "prometheus", "grafana");
    services.forEach((name, service) -> {
      if (!map(service).containsKey("build")) {
        assertThat(map(service).get("image")).as(name + " image").asString().matches(PINNED);
      }
    });
    Map<String, Object> openrma = map(services.get("openrma"));
    assertThat(map(openrma.get("deploy")).get("replicas")).isEqualTo(2);
    assertThat(openrma).doesNotContainKey("ports");
    assertThat(map(openrma.get("build")).get("dockerfile")).isEqualTo("docker/Dockerfile");
    Map<String, Object> environment = map(openrma.get("environment"));
    assertThat(environment).containsKeys("DB_URL", "DB_USER", "DB_PASSWORD", "OPENRMA_ADMIN_PASSWORD",
        "SPRING_MAIL_HOST");
    assertThat(environment.get("SPRING_PROFILES_ACTIVE").toString()).contains("postgres");
    assertThat(environment.get("DB_URL").toString()).startsWith("jdbc:postgresql://postgres:5432/");
    assertThat(environment.get("SPRING_MAIL_HOST")).isEqualTo("mailpit");
    assertThat(map(services.get("proxy")).get("ports").toString()).contains("8080:8080");
    assertThat(map(map(openrma.get("depends_on")).get("postgres")).get("condition")).isEqualTo("service_healthy");
  }

  @Test
  void theImageIsBuiltWithTheWrapperAndRunsTheLayersWithItsClassArchiveAsNonRootWithAHealthCheck() throws IOException {
    List<String> lines = Files.readAllLines(DOCKER.resolve("Dockerfile"));
    List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();

    assertThat(from).hasSize(2).allSatisfy(line -> assertThat(line.split("\\s+")[1]).matches(PINNED));
    String file = String.join("\n", lines);
    assertThat(file).contains("./mvnw", "-Djarmode=tools", "extract --layers --destination", "/actuator/health");
    // the class data sharing archive is made in the image, from the jar the entry point starts
    assertThat(file).contains("-XX:ArchiveClassesAtExit=openrma.jsa -Dspring.context.exit=onRefresh",
        "-jar app.jar", "ENTRYPOINT [\"java\", \"-XX:SharedArchiveFile=openrma.jsa\", \"-jar\", \"app.jar\"]");
    String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
    assertThat(user).doesNotContain("root").doesNotContain(" 0");
    assertThat(lines.stream().filter(l -> l.startsWith("HEALTHCHECK"))).hasSize(1);
  }

  @Test
  void prometheusScrapesEveryReplicaWithAdminCredentials() throws IOException {
    Map<String, Object> job = map(((List<?>) yaml("prometheus.yml").get("scrape_configs")).get(0));

    assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
    assertThat(map(job.get("basic_auth"))).containsKeys("username", "password_file");
    assertThat(map(((List<?>) job.get("dns_sd_configs")).get(0)).get("names")).isEqualTo(List.of("openrma"));
  }

  @Test
  void nginxBalancesTheReplicasOfTheOpenRmaService() throws IOException {
    String nginx = Files.readString(DOCKER.resolve("nginx.conf"));

    assertThat(nginx).contains("server openrma:8080", "listen 8080", "proxy_pass http://openrma");
    assertThat(nginx.chars().filter(c -> c == '{').count()).isEqualTo(nginx.chars().filter(c -> c == '}').count());
  }

  @Test
  void grafanaIsProvisionedWithTheDashboard() throws IOException {
    assertThat(map(((List<?>) yaml("grafana/provisioning/datasources/prometheus.yaml").get("datasources")).get(0))
        .get("uid")).isEqualTo("prometheus");
    assertThat(yaml("grafana/provisioning/dashboards/openrma.yaml")).containsKey("providers");
    JsonNode dashboard = DockerFiles.dashboard();
    assertThat(dashboard.get("uid").asText()).isEqualTo("openrma-returns");
    assertThat(DockerFiles.dashboardMetrics()).contains("openrma_returns", "openrma_returns_requested_total",
        "openrma_returns_closed_total", "openrma_refunds_amount_sum", "openrma_refunds_fees_sum",
        "openrma_stage_duration_seconds_bucket", "openrma_incidents_open", "openrma_jobs_executable");
    for (JsonNode panel : dashboard.get("panels")) {
      if (!"row".equals(panel.get("type").asText())) {
        assertThat(panel.get("datasource").get("uid").asText()).as(panel.get("title").asText()).isEqualTo("prometheus");
      }
    }
  }

  static Map<String, Object> yaml(String file) throws IOException {
    return DockerFiles.yaml(file);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }
}
