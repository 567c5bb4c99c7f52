package io.openrma.outbound;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.openrma.returns.ReturnStatus;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * {@code openrma.outbound.*}: who receives OpenRMA's events, and how deliveries are retried. A named
 * bean because the delivery diagram reads {@code ${outboundSettings.retryCycle}}. Secrets come from the
 * environment, e.g. {@code OPENRMA_OUTBOUND_SUBSCRIBERS_0_SECRET}.
 */
@Component("outboundSettings")
@ConfigurationProperties("openrma.outbound")
public class OutboundSettings implements InitializingBean {

  /** Webhook subscribers; none by default (then status changes cost nothing extra). */
  private List<Subscriber> subscribers = new ArrayList<>();
  /**
   * When a failed delivery is tried again (Camunda retry intervals: a comma-separated list of ISO 8601
   * durations, one per retry, or {@code R5/PT10M}); after the last one the delivery is an incident.
   */
  private String retryCycle = "PT1M,PT5M,PT30M,PT2H,PT6H";
  /** How long one delivery attempt may take, connecting included. */
  private Duration timeout = Duration.ofSeconds(10);

  public List<Subscriber> getSubscribers() {
    return subscribers;
  }

  public void setSubscribers(List<Subscriber> subscribers) {
    this.subscribers = subscribers;
  }

  public String getRetryCycle() {
    return retryCycle;
  }

  public void setRetryCycle(String retryCycle) {
    this.retryCycle = retryCycle;
  }

  public Duration getTimeout() {
    return timeout;
  }

  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  public boolean hasSubscribers() {
    return !subscribers.isEmpty();
  }

  public Optional<Subscriber> subscriber(String name) {
    return subscribers.stream().filter(s -> s.getName().equals(name)).findFirst();
  }

  /** Refuses to start with a subscriber that could never be delivered to, naming the property to fix. */
  @Override
  public void afterPropertiesSet() {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < subscribers.size(); i++) {
      Subscriber subscriber = subscribers.get(i);
      String prefix = "openrma.outbound.subscribers[" + i + "].";
      if (subscriber.getName() == null || !subscriber.getName().matches("[a-z0-9]+(-[a-z0-9]+)*")
          || subscriber.getName().length() > 64) {
        throw new IllegalStateException(prefix + "name must be set: lower-case letters, digits and inner hyphens, "
            + "at most 64 characters (e.g. warehouse-partner)");
      }
      if (!names.add(subscriber.getName())) {
        throw new IllegalStateException(prefix + "name '" + subscriber.getName() + "' is used twice");
      }
      URI url = subscriber.getUrl();
      if (url == null || url.getHost() == null
          || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
        throw new IllegalStateException(prefix + "url must be an absolute http(s) URL");
      }
      if (subscriber.getSecret() == null || subscriber.getSecret().length() < 16) {
        throw new IllegalStateException(prefix + "secret must be at least 16 characters; set it from the "
            + "environment (OPENRMA_OUTBOUND_SUBSCRIBERS_" + i + "_SECRET)");
      }
    }
  }

  /** One partner endpoint. */
  public static class Subscriber {
    /** Short id, shown in the delivery log and in incidents. */
    private String name;
    private URI url;
    /** Shared secret of the HMAC-SHA256 signature. */
    private String secret;
    /** Statuses the partner wants; all when empty. */
    private Set<ReturnStatus> statuses = EnumSet.noneOf(ReturnStatus.class);

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public URI getUrl() {
      return url;
    }

    public void setUrl(URI url) {
      this.url = url;
    }

    public String getSecret() {
      return secret;
    }

    public void setSecret(String secret) {
      this.secret = secret;
    }

    public Set<ReturnStatus> getStatuses() {
      return statuses;
    }

    public void setStatuses(Set<ReturnStatus> statuses) {
      this.statuses = statuses;
    }

    public boolean wants(ReturnStatus status) {
      return statuses == null || statuses.isEmpty() || statuses.contains(status);
    }
  }
}
