package io.openrma.integrations.bookkeeping;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openrma.integrations.HttpClients;
import io.openrma.integrations.IntegrationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The OAuth 2.0 tokens of the QuickBooks connection. Intuit's access token lasts an hour and every refresh
 * answers a new refresh token, after which the old one may stop working. So the refresh happens while the
 * company's row is locked ({@code select ... for update}) and the new tokens are written in that same
 * transaction, a transaction of its own that commits even when the step then fails: two nodes never refresh
 * with the same old token, and none loses the newest.
 */
public class QuickBooksTokens {

  /** An access token this close to its expiry is refreshed first. */
  private static final Duration MARGIN = Duration.ofMinutes(5);

  private final QuickBooksSettings settings;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final TokenCipher cipher;
  private final RestClient oauth;
  private final ObjectMapper json;
  private final Clock clock;
  private final String basic;

  public QuickBooksTokens(QuickBooksSettings settings, JdbcTemplate jdbc, PlatformTransactionManager transactions,
      ObjectMapper json, Clock clock) {
    this.settings = settings;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.cipher = new TokenCipher(settings.tokenKey());
    this.oauth = HttpClients.restClient(settings.oauthUrl(), settings.http(), json);
    this.json = json;
    this.clock = clock;
    this.basic = "Basic " + Base64.getEncoder().encodeToString((settings.clientId() + ":" + settings.clientSecret())
        .getBytes(StandardCharsets.UTF_8));
  }

  /** A valid access token, refreshed first when it is missing or about to expire. */
  public String accessToken() {
    return locked(null);
  }

  /** A new access token after QuickBooks rejected {@code rejected} (unless another node refreshed meanwhile). */
  public String refreshedAfter(String rejected) {
    return locked(rejected);
  }

  /** Stores the tokens of a new connection (the authorization-code flow), clearing an earlier refusal. */
  public void connected(TokenAnswer answer) {
    transaction.executeWithoutResult(status -> {
      Instant now = clock.instant();
      jdbc.update("DELETE FROM rma_quickbooks_token WHERE realm_id = ?", settings.realmId());
      jdbc.update("INSERT INTO rma_quickbooks_token (realm_id, refresh_token, updated_at) VALUES (?, ?, ?)",
          settings.realmId(), cipher.encrypt(answer.refreshToken(), settings.realmId()), Timestamp.from(now));
      store(answer, now);
    });
  }

  /** The connection as the health details show it; empty when QuickBooks was never connected. */
  public Optional<Connection> connection() {
    List<Connection> rows = jdbc.query("SELECT refresh_expires_at, refused_at, refused_reason FROM "
        + "rma_quickbooks_token WHERE realm_id = ?",
        (rs, n) -> new Connection(instant(rs.getTimestamp(1)),
            instant(rs.getTimestamp(2)), rs.getString(3)),
        settings.realmId());
    return rows.stream().findFirst();
  }

  /** {@code refusedAt}: when Intuit answered invalid_grant (null while the connection works). */
  public record Connection(Instant refreshExpiresAt, Instant refusedAt, String refusedReason) {
  }

  private String locked(String rejected) {
    Object result = transaction.execute(status -> {
      Row row = lockRow();
      Instant now = clock.instant();
      if (row.access() != null && row.accessExpiresAt().isAfter(now.plus(MARGIN)) && !row.access().equals(rejected)) {
        return row.access();
      }
      if (row.refusedAt() != null) {
        return new QuickBooksDisconnectedException(row.refusedReason());
      }
      TokenAnswer answer;
      try {
        answer = refresh(row.refresh());
      } catch (QuickBooksDisconnectedException refused) {
        jdbc.update("UPDATE rma_quickbooks_token SET refused_at = ?, refused_reason = ?, access_token = NULL, "
            + "updated_at = ? WHERE realm_id = ?", Timestamp.from(now), refusedReason(refused), Timestamp.from(now),
            settings.realmId());
        return refused; // committed, then thrown: the health details say "reconnect QuickBooks"
      }
      store(answer, now);
      return answer.accessToken();
    });
    if (result instanceof RuntimeException failure) {
      throw failure;
    }
    return (String) result;
  }

  private Row lockRow() {
    List<Row> rows = selectForUpdate();
    String seed = settings.refreshToken();
    boolean hasSeed = seed != null && !seed.isBlank();
    if (rows.isEmpty()) {
      if (!hasSeed) {
        throw new QuickBooksDisconnectedException("QuickBooks is not connected yet");
      }
      jdbc.update("INSERT INTO rma_quickbooks_token (realm_id, refresh_token, updated_at) VALUES (?, ?, ?)",
          settings.realmId(), cipher.encrypt(seed.trim(), settings.realmId()), Timestamp.from(clock.instant()));
      rows = selectForUpdate();
    }
    Row row = rows.get(0);
    if (row.refusedAt() != null && hasSeed && !seed.trim().equals(row.refresh())) {
      // an admin put a new refresh token into the configuration after the refusal: start from it
      jdbc.update("UPDATE rma_quickbooks_token SET refresh_token = ?, refused_at = NULL, refused_reason = NULL "
          + "WHERE realm_id = ?", cipher.encrypt(seed.trim(), settings.realmId()), settings.realmId());
      return new Row(seed.trim(), null, null, null, null);
    }
    return row;
  }

  private List<Row> selectForUpdate() {
    return jdbc.query("SELECT refresh_token, access_token, access_expires_at, refused_at, refused_reason FROM "
        + "rma_quickbooks_token WHERE realm_id = ? FOR UPDATE",
        (rs, n) -> new Row(
            cipher.decrypt(rs.getString(1), settings.realmId()),
            rs.getString(2) == null ? null : cipher.decrypt(rs.getString(2), settings.realmId()),
            instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)), rs.getString(5)),
        settings.realmId());
  }

  private void store(TokenAnswer answer, Instant now) {
    jdbc.update("UPDATE rma_quickbooks_token SET refresh_token = ?, refresh_expires_at = ?, access_token = ?, "
        + "access_expires_at = ?, refused_at = NULL, refused_reason = NULL, updated_at = ? WHERE realm_id = ?",
        cipher.encrypt(answer.refreshToken(), settings.realmId()),
        answer.refreshExpiresIn() > 0 ? Timestamp.from(now.plusSeconds(answer.refreshExpiresIn())) : null,
        cipher.encrypt(answer.accessToken(), settings.realmId()),
        Timestamp.from(now.plusSeconds(answer.expiresIn())), Timestamp.from(now), settings.realmId());
  }

  /** {@code POST /oauth2/v1/tokens/bearer} with {@code grant_type=refresh_token}, the client id and secret as Basic. */
  private TokenAnswer refresh(String refreshToken) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("grant_type", "refresh_token");
    form.add("refresh_token", refreshToken);
    return exchange(form);
  }

  /** {@code grant_type=authorization_code}: the first tokens of a connection. */
  public TokenAnswer exchangeCode(String code, String redirectUri) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("grant_type", "authorization_code");
    form.add("code", code);
    form.add("redirect_uri", redirectUri);
    return exchange(form);
  }

  private TokenAnswer exchange(MultiValueMap<String, String> form) {
    try {
      return oauth.post().uri("/oauth2/v1/tokens/bearer").header("Authorization", basic)
          .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.APPLICATION_JSON).body(form)
          .exchange((request, response) -> {
            String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            if (response.getStatusCode().is2xxSuccessful()) {
              TokenAnswer answer = json.readValue(body, TokenAnswer.class);
              if (answer.accessToken() == null || answer.refreshToken() == null) {
                throw new IntegrationException(QuickBooksApi.SYSTEM, "the token endpoint answered no tokens");
              }
              return answer;
            }
            JsonNode error = body.isBlank() ? null : json.readTree(body);
            String code = error == null ? "" : error.path("error").asText("");
            if ("invalid_grant".equals(code)) {
              throw new QuickBooksDisconnectedException("invalid_grant");
            }
            throw new IntegrationException(QuickBooksApi.SYSTEM, "the token endpoint answered HTTP "
                + response.getStatusCode().value() + (code.isEmpty() ? "" : " " + code));
          });
    } catch (IntegrationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IntegrationException(QuickBooksApi.SYSTEM, "the token endpoint did not answer: " + e.getMessage(), e);
    }
  }

  private static String refusedReason(QuickBooksDisconnectedException refused) {
    String detail = refused.detail();
    return detail.length() > 400 ? detail.substring(0, 400) : detail;
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** Intuit's token answer; lifetimes in seconds. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record TokenAnswer(@JsonProperty("access_token") String accessToken,
      @JsonProperty("refresh_token") String refreshToken, @JsonProperty("expires_in") long expiresIn,
      @JsonProperty("x_refresh_token_expires_in") long refreshExpiresIn) {
  }

  private record Row(String refresh, String access, Instant accessExpiresAt, Instant refusedAt, String refusedReason) {
  }
}
