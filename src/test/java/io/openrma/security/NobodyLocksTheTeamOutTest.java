package io.openrma.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.openrma.support.Http;
import io.openrma.support.WebAppTest;
import io.openrma.support.WebappSession;
import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Wrong passwords from a stranger's address lock nobody out: not the user from another address, not the
 * user's API tokens, and never for good. Before, ten wrong passwords from anyone locked the user in the engine
 * (ENGINE-27002) and each one delayed the next check. The API requests run through MockMvc, which lets each
 * come from its own address (the real server sees only 127.0.0.1 here), and each test has its own addresses.
 */
@WebAppTest
class NobodyLocksTheTeamOutTest {

  private static final String CARRIER_EVENT = "{\"eventId\":\"lock-1\",\"trackingNumber\":\"1Z-NOT-A-RETURN\","
      + "\"type\":\"PICKED_UP\",\"occurredAt\":\"2026-11-20T09:00:00Z\"}";

  @Autowired
  WebApplicationContext context;
  @Autowired
  @Qualifier("springSecurityFilterChain")
  Filter springSecurity;
  @Autowired
  IdentityService identityService;
  @Autowired
  JdbcTemplate jdbc;
  @LocalServerPort
  int port;

  MockMvc api;

  @BeforeEach
  void setUp() {
    api = MockMvcBuilders.webAppContextSetup(context).addFilters(new ClientAddress.Filter(), springSecurity).build();
  }

  @Test
  void fiftyWrongPasswordsFromOneAddressStopNeitherTheRightPasswordFromAnotherNorAToken() throws Exception {
    String token = tokenFor("shipbot", "carrier-events");
    int refused = 0;
    for (int i = 0; i < 50; i++) {
      MockHttpServletResponse wrong = carrierEvent(basic("shipbot", "guess-" + i), "203.0.113.7");
      assertThat(wrong.getStatus()).isIn(401, 429);
      refused += wrong.getStatus() == 429 ? 1 : 0;
    }
    assertThat(refused).as("from the sixth attempt on").isEqualTo(45);

    MockHttpServletResponse throttled = carrierEvent(basic("shipbot", "shipbot"), "203.0.113.7");
    assertThat(throttled.getStatus()).as("the attacker's address, even with the right password").isEqualTo(429);
    assertThat(throttled.getContentType()).startsWith("application/problem+json");
    assertThat(throttled.getContentAsString()).contains("too-many-failed-logins");
    assertThat(Integer.parseInt(throttled.getHeader("Retry-After"))).isBetween(1, 300);

    assertThat(carrierEvent(basic("shipbot", "shipbot"), "198.51.100.20").getStatus())
        .as("the right password from another address: authenticated, and the tracking number is unknown")
        .isEqualTo(404);
    assertThat(carrierEvent("Bearer " + token, "203.0.113.7").getStatus()).as("a token, from the same address")
        .isEqualTo(404);
    assertThat(new Http(port).as("shipbot").post("/api/carrier/events", CARRIER_EVENT).status())
        .as("over the real server").isEqualTo(404);
    assertThat(engineLock("shipbot")).as("the engine counted nothing").containsEntry("ATTEMPTS_", 0);
  }

  @Test
  void enginePasswordChecksAreThrottledPerAddressAndNeverLockTheUser() {
    for (int i = 0; i < 50; i++) {
      int attempt = i;
      assertThat(ClientAddress.as("203.0.113.8", () -> identityService.checkPassword("carl", "guess-" + attempt)))
          .isFalse();
    }

    assertThat(ClientAddress.as("203.0.113.8", () -> identityService.checkPassword("carl", "carl")))
        .as("Cockpit, Tasklist and /engine-rest from the attacker's address").isFalse();
    assertThat(ClientAddress.as("198.51.100.21", () -> identityService.checkPassword("carl", "carl"))).isTrue();
    assertThat(engineLock("carl")).containsEntry("ATTEMPTS_", 0).containsEntry("LOCK_EXP_TIME_", null);
    assertThat(new Http(port).as("carl").get("/engine-rest/filter").status()).as("/engine-rest over HTTP")
        .isEqualTo(200);
  }

  @Test
  void theWebappLoginAndEngineRestMeetTheSameThrottle() {
    String user = "probe-" + System.nanoTime();
    org.camunda.bpm.engine.identity.User probe = identityService.newUser(user);
    probe.setPassword("Probe-Pass-1");
    identityService.saveUser(probe);
    try {
      WebappSession tasklist = new WebappSession(port);
      assertThat(tasklist.login("tasklist", user, "Probe-Pass-1")).as("known, but no Tasklist access").isEqualTo(403);
      for (int i = 0; i < 5; i++) {
        assertThat(new WebappSession(port).login("tasklist", user, "guess-" + i)).isEqualTo(401);
      }

      assertThat(new WebappSession(port).login("tasklist", user, "Probe-Pass-1")).as("refused from 127.0.0.1")
          .isEqualTo(401);
      assertThat(new Http(port).as(user, "Probe-Pass-1").get("/engine-rest/task").status()).isEqualTo(401);
      assertThat(ClientAddress.as("198.51.100.23", () -> identityService.checkPassword(user, "Probe-Pass-1")))
          .as("from elsewhere").isTrue();
    } finally {
      identityService.deleteUser(user);
    }
  }

  @Test
  void aUserTheEngineLockedBeforeGetsInAgain() {
    jdbc.update("UPDATE ACT_ID_USER SET ATTEMPTS_ = 10, LOCK_EXP_TIME_ = ? WHERE ID_ = 'fiona'",
        java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(3600)));

    assertThat(ClientAddress.as("198.51.100.22", () -> identityService.checkPassword("fiona", "fiona"))).isTrue();
    assertThat(engineLock("fiona")).containsEntry("ATTEMPTS_", 0).containsEntry("LOCK_EXP_TIME_", null);
  }

  @Test
  void oneWrongPasswordNoLongerShutsTheRealUserOutForSeconds() throws Exception {
    assertThat(get("/api/returns", basic("walt", "typo"), "203.0.113.9").getStatus()).isEqualTo(401);

    assertThat(get("/api/returns", basic("walt", "walt"), "203.0.113.9").getStatus())
        .as("at once, not after the engine's 3 s").isEqualTo(200);
  }

  private MockHttpServletResponse carrierEvent(String authorization, String address) throws Exception {
    return send(post("/api/carrier/events").contentType(MediaType.APPLICATION_JSON).content(CARRIER_EVENT),
        authorization, address);
  }

  private MockHttpServletResponse get(String path, String authorization, String address) throws Exception {
    return send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path), authorization,
        address);
  }

  private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String authorization, String address)
      throws Exception {
    return api.perform(request.header("Authorization", authorization).with(r -> {
      r.setRemoteAddr(address);
      return r;
    })).andReturn().getResponse();
  }

  private String tokenFor(String user, String scope) {
    Http.Response created = new Http(port).as("admin").post("/api/admin/tokens",
        Map.of("name", "lockout test " + user, "user", user, "scopes", List.of(scope)));
    assertThat(created.status()).isEqualTo(201);
    return created.json().get("token").asText();
  }

  /** The engine's own count of failed attempts and its lock, in the user's row. */
  private Map<String, Object> engineLock(String user) {
    return jdbc.queryForMap("SELECT COALESCE(ATTEMPTS_, 0) AS ATTEMPTS_, LOCK_EXP_TIME_ FROM ACT_ID_USER WHERE ID_ = ?",
        user);
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
