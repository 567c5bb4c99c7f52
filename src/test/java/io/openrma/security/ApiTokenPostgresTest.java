package io.openrma.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrma.support.Http;
import io.openrma.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** API tokens on PostgreSQL with the production profile: the table, its timestamps, a revoked token. */
@PostgresTest
class ApiTokenPostgresTest {

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;

  @Test
  void aTokenIsStoredAsItsHashUsedAndRevokedOnPostgres() {
    Http http = new Http(port);
    Http admin = http.as("admin");
    JsonNode created = admin.post("/api/admin/tokens",
        Map.of("name", "Scanner dock 2", "user", "walt", "scopes", List.of("warehouse-arrivals"))).json();
    String token = created.get("token").asText();
    long id = created.get("id").asLong();
    Http scanner = http.header("Authorization", "Bearer " + token);
    Map<String, Object> scan = Map.of("scanId", "pg-scan-" + id, "rmaNumber", "RMA-999999",
        "scannedAt", "2026-11-20T10:00:00Z");

    assertThat(scanner.post("/api/warehouse/arrivals", scan).status()).as("authenticated; unknown return")
        .isEqualTo(404);
    assertThat(scanner.post("/api/warehouse/arrivals", scan).status()).isEqualTo(404);
    Map<String, Object> row = jdbc.sql("SELECT * FROM rma_api_token WHERE id = ?").param(id).query().singleRow();
    assertThat(row.get("secret_hash")).isEqualTo(ApiTokens.hash(token));
    assertThat(row.values()).noneMatch(value -> value != null && value.toString().contains(token.substring(6)));
    assertThat(((Timestamp) row.get("last_used_at")).toInstant()).isBefore(Instant.now().plusSeconds(1));

    assertThat(admin.delete("/api/admin/tokens/" + id).status()).isEqualTo(200);
    assertThat(scanner.post("/api/warehouse/arrivals", scan).status()).isEqualTo(401);
  }
}
