package io.openrma.security;

import static io.openrma.support.ReturnRequests.aReturn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrma.returns.ReturnService;
import io.openrma.returns.ReturnStatus;
import io.openrma.support.Http;
import io.openrma.support.LifecycleDriver;
import io.openrma.support.WebAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Machine users call the API with tokens: created by admins, shown once, stored as a hash, scoped, revocable. */
@WebAppTest
class ApiTokenTest {

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ReturnService returns;
  @Autowired
  LifecycleDriver lifecycle;

  Http http;
  Http admin;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    admin = http.as("admin");
  }

  @Test
  void aCarrierTokenPostsCarrierEventsAsItsUser() {
    String rma = lifecycle.create(aReturn().build());
    lifecycle.runJobs(rma);
    assertThat(returns.get(rma).status()).isEqualTo(ReturnStatus.LABEL_ISSUED);
    String token = create("DHL events", "shipbot", "carrier-events").get("token").asText();

    Http.Response pickup = bearer(token).post("/api/carrier/events",
        carrierEvent("tok-" + rma, returns.get(rma).label().trackingNumber()));

    assertThat(pickup.status()).as(pickup.toString()).isEqualTo(200);
    assertThat(pickup.json().get("status").asText()).isEqualTo("IN_TRANSIT");
    JsonNode listed = listed(token);
    assertThat(listed.get("lastUsedAt")).isNotNull();
  }

  @Test
  void theSecretIsShownOnceAndStoredOnlyAsItsHash() {
    JsonNode created = create("Scanner dock 1", "walt", "warehouse-arrivals");
    String token = created.get("token").asText();
    long id = created.get("id").asLong();

    assertThat(token).matches("ormat_[A-Za-z0-9_-]{43}");
    Http.Response list = admin.get("/api/admin/tokens");
    assertThat(list.body()).doesNotContain(token).doesNotContain(token.substring(6));
    assertThat(list.json().findValuesAsText("name")).contains("Scanner dock 1");
    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM rma_api_token WHERE id = ?", id);
    assertThat(row.values()).noneMatch(value -> value != null && value.toString().contains(token.substring(6)));
    assertThat(row.get("SECRET_HASH")).isEqualTo(ApiTokens.hash(token));
    assertThat(row.get("USER_ID")).isEqualTo("walt");
    assertThat(row.get("SCOPES")).isEqualTo("warehouse-arrivals");
    assertThat(row.get("CREATED_BY")).isEqualTo("admin");
  }

  @Test
  void aRevokedTokenIsRefused() {
    JsonNode created = create("Old partner", "shipbot", "carrier-events");
    String token = created.get("token").asText();
    assertThat(bearer(token).post("/api/carrier/events", carrierEvent("rev-1", "1Z-UNKNOWN")).status())
        .isEqualTo(404);

    Http.Response revoked = admin.delete("/api/admin/tokens/" + created.get("id").asLong());
    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.json().get("revokedBy").asText()).isEqualTo("admin");

    Http.Response refused = bearer(token).post("/api/carrier/events", carrierEvent("rev-2", "1Z-UNKNOWN"));
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().get("type").asText()).isEqualTo("https://openrma.io/problems/invalid-token");
    assertThat(refused.json().get("detail").asText()).contains("revoked");
    assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(admin.delete("/api/admin/tokens/" + created.get("id").asLong()).status()).as("again").isEqualTo(200);
  }

  @Test
  void aTokenOutsideItsScopesIsRefused() {
    String carrier = create("Carrier only", "shipbot", "carrier-events").get("token").asText();

    Http.Response read = bearer(carrier).get("/api/returns");
    assertThat(read.status()).isEqualTo(403);
    assertThat(read.json().get("type").asText()).isEqualTo("https://openrma.io/problems/insufficient-scope");
    assertThat(read.json().get("detail").asText()).contains("returns-read");
    assertThat(bearer(carrier).post("/api/warehouse/arrivals", Map.of("scanId", "s-1", "rmaNumber", "RMA-999999"))
        .status()).isEqualTo(403);
  }

  @Test
  void aScopeNeverGivesMoreThanTheUsersGroupsAndNoTokenReachesTheAdminEndpoints() {
    String shipbotReads = create("Shipbot reads", "shipbot", "returns-read").get("token").asText();
    assertThat(bearer(shipbotReads).get("/api/returns").status()).as("integrations may not read returns")
        .isEqualTo(403);

    String adminToken = create("Admin's everything", "admin", "carrier-events", "warehouse-arrivals", "returns-read",
        "returns-write").get("token").asText();
    assertThat(bearer(adminToken).get("/api/returns").status()).isEqualTo(200);
    Http.Response tokens = bearer(adminToken).get("/api/admin/tokens");
    assertThat(tokens.status()).isEqualTo(403);
    assertThat(tokens.json().get("detail").asText()).contains("not open to API tokens");
    assertThat(bearer(adminToken).post("/api/customers/C-1/erase", Map.of()).status()).isEqualTo(403);
  }

  @Test
  void unknownTokensAreRefused() {
    Http.Response unknown = bearer("ormat_" + "A".repeat(43)).get("/api/returns");
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.json().get("type").asText()).isEqualTo("https://openrma.io/problems/invalid-token");
    assertThat(bearer("not-a-token").get("/api/returns").status()).isEqualTo(401);
  }

  @Test
  void onlyAdministratorsManageTokens() {
    Map<String, Object> request = Map.of("name", "x", "user", "shipbot", "scopes", List.of("carrier-events"));
    assertThat(http.as("carl").post("/api/admin/tokens", request).status()).isEqualTo(403);
    assertThat(http.as("shipbot").get("/api/admin/tokens").status()).isEqualTo(403);
    assertThat(http.post("/api/admin/tokens", request).status()).isEqualTo(401);
  }

  @Test
  void aTokenRequestNamesWhatIsWrong() {
    Http.Response invalid = admin.post("/api/admin/tokens",
        Map.of("name", "", "user", "nobody-here", "scopes", List.of("carrier-events", "everything")));

    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().get("errors").findValuesAsText("field")).containsExactly("name", "user", "scopes");
    assertThat(invalid.body()).contains("'everything' is none of carrier-events, warehouse-arrivals");
  }

  @Test
  void theDemoRunHasATokenForShipbot() {
    assertThat(admin.get("/api/admin/tokens").json())
        .anySatisfy(token -> {
          assertThat(token.get("user").asText()).isEqualTo("shipbot");
          assertThat(token.get("name").asText()).isEqualTo(DemoApiToken.NAME);
          assertThat(token.get("scopes").toString()).contains("carrier-events");
        });
  }

  @Test
  void openApiDescribesTheTokensAndWhereTheyWork() {
    JsonNode docs = http.get("/v3/api-docs").json();

    assertThat(docs.get("paths").has("/api/admin/tokens")).isTrue();
    assertThat(docs.get("paths").has("/api/admin/tokens/{id}")).isTrue();
    assertThat(docs.get("components").get("securitySchemes").get("token").get("scheme").asText()).isEqualTo("bearer");
    assertThat(docs.get("paths").get("/api/carrier/events").get("post").get("security").toString()).contains("token");
  }

  private JsonNode create(String name, String user, String... scopes) {
    Http.Response created = admin.post("/api/admin/tokens", Map.of("name", name, "user", user, "scopes",
        List.of(scopes)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/api/admin/tokens/" + created.json().get("id").asLong());
    return created.json();
  }

  private JsonNode listed(String token) {
    for (JsonNode listed : admin.get("/api/admin/tokens").json()) {
      if (ApiTokens.hash(token).equals(jdbc.queryForObject("SELECT secret_hash FROM rma_api_token WHERE id = ?",
          String.class, listed.get("id").asLong()))) {
        return listed;
      }
    }
    throw new AssertionError("token not listed");
  }

  private Http bearer(String token) {
    return http.header("Authorization", "Bearer " + token);
  }

  private static Map<String, Object> carrierEvent(String eventId, String tracking) {
    return Map.of("eventId", eventId, "trackingNumber", tracking, "type", "PICKED_UP",
        "occurredAt", "2026-11-20T09:00:00Z");
  }
}
