package io.openrma.integrations.helpdesk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.openrma.integrations.HttpSettings;
import io.openrma.integrations.IntegrationMode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openrma.gorgias.*}: HTTP Basic with the account's email and REST API key; the key comes from
 * {@code GORGIAS_API_KEY}. Used when {@code openrma.helpdesk.provider=gorgias}.
 *
 * @param domain                 the account, {@code acme} for {@code https://acme.gorgias.com}
 * @param baseUrl                overrides {@code https://{domain}.gorgias.com} (tests, proxies)
 * @param email                  the user the API key belongs to
 * @param apiKey                 without it tickets are simulated
 * @param agentEmail             the agent OpenRMA's messages come from (their {@code sender}); also the address of a
 *                               public reply
 * @param agentId                the agent's user id, used as {@code sender} instead of the email when set
 * @param publicReply            whether the label and tracking go to the customer as an email reply (else an internal
 *                               note, the default)
 * @param trackingFieldId        id of a ticket custom field that gets the RMA number and tracking (optional)
 * @param tag                    tag added with the tracking
 * @param findCustomerTicket     without a ticket id on the return, use the customer's most recent open ticket
 * @param createTicketWhenMissing without any ticket, open one ({@code external_id} = RMA number)
 * @param maxRateLimitWait       how long one step waits in total for Gorgias' rate limit ({@code Retry-after}) before
 *                               it fails into the engine's retry
 */
@ConfigurationProperties("openrma.gorgias")
public record GorgiasSettings(
    @DefaultValue("AUTO") IntegrationMode mode,
    String domain,
    String baseUrl,
    String email,
    String apiKey,
    String agentEmail,
    Long agentId,
    @DefaultValue("false") boolean publicReply,
    Long trackingFieldId,
    @DefaultValue("rma") String tag,
    @DefaultValue("true") boolean findCustomerTicket,
    @DefaultValue("false") boolean createTicketWhenMissing,
    @DefaultValue("PT20S") Duration maxRateLimitWait,
    @DefaultValue("PT5S") Duration connectTimeout,
    @DefaultValue("PT30S") Duration readTimeout) {

  public boolean hasApiKey() {
    return apiKey != null && !apiKey.isBlank();
  }

  /** The API's root: the override, else {@code https://{domain}.gorgias.com}. */
  public String apiBase() {
    if (baseUrl != null && !baseUrl.isBlank()) {
      return baseUrl;
    }
    return domain == null || domain.isBlank() ? null : "https://" + domain + ".gorgias.com";
  }

  /** What a live Gorgias needs besides the key; empty when all is there. */
  public List<String> missingForLive() {
    List<String> missing = new ArrayList<>();
    if (!hasApiKey()) {
      missing.add("openrma.gorgias.api-key (GORGIAS_API_KEY)");
    }
    if (apiBase() == null) {
      missing.add("openrma.gorgias.domain (GORGIAS_DOMAIN)");
    }
    if (email == null || email.isBlank()) {
      missing.add("openrma.gorgias.email (GORGIAS_EMAIL)");
    }
    if (agentId == null && (agentEmail == null || agentEmail.isBlank())) {
      missing.add("openrma.gorgias.agent-email or agent-id (who OpenRMA's messages come from)");
    }
    if (publicReply && (agentEmail == null || agentEmail.isBlank())) {
      missing.add("openrma.gorgias.agent-email (the address a public reply comes from)");
    }
    return missing;
  }

  public HttpSettings http() {
    return new HttpSettings(connectTimeout, readTimeout);
  }
}
