package io.openrma.integrations.helpdesk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openrma.integrations.SimulatedLatency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the one {@link Helpdesk} of {@code openrma.helpdesk.provider} once {@code IntegrationsConfig} has decided
 * whether it runs live, and says which in one log line.
 */
public final class Helpdesks {

  private static final Logger log = LoggerFactory.getLogger(Helpdesks.class);

  private Helpdesks() {
  }

  public static Helpdesk chosen(HelpdeskSettings.Provider provider, boolean live, ZendeskSettings zendesk,
      GorgiasSettings gorgias, ObjectMapper json, SimulatedLatency latency) {
    return switch (provider) {
      case NONE -> {
        log.info("Integration helpdesk: NONE (openrma.helpdesk.provider=none: no ticket is updated, the helpdesk "
            + "steps are skipped)");
        yield new NoHelpdesk();
      }
      case GORGIAS -> {
        if (live) {
          log.info("Integration Gorgias: LIVE against {} ({}{})", gorgias.apiBase(),
              gorgias.publicReply() ? "public email replies" : "internal notes",
              gorgias.createTicketWhenMissing() ? ", opens a ticket when the customer has none" : "");
          yield new GorgiasHelpdesk(gorgias, json);
        }
        log.warn("Integration Gorgias: SIMULATED (tickets are not touched; set GORGIAS_DOMAIN, GORGIAS_EMAIL and "
            + "GORGIAS_API_KEY for live)");
        yield new SimulatedHelpdesk(GorgiasClient.SYSTEM, latency);
      }
      case ZENDESK -> {
        if (live) {
          log.info("Integration Zendesk: LIVE against {}", zendesk.baseUrl());
          yield new ZendeskHelpdesk(zendesk, json);
        }
        log.warn("Integration Zendesk: SIMULATED (tickets are not touched; set ZENDESK_API_TOKEN for live)");
        yield new SimulatedHelpdesk(ZendeskHelpdesk.SYSTEM, latency);
      }
    };
  }
}
