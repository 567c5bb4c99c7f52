package io.openrma.integrations.notifications;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.openrma.integrations.SimulatedLatency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for SMTP when {@code spring.mail.host} is not set: keeps the last emails in memory
 * (the demo can show them) and logs the subject, never the address.
 */
public class SimulatedEmailSender implements EmailSender {

  private static final Logger log = LoggerFactory.getLogger(SimulatedEmailSender.class);

  private final SimulatedLatency latency;

  public SimulatedEmailSender() {
    this(SimulatedLatency.NONE);
  }

  /** With {@code latency} before every answer ({@code openrma.simulation.latency}). */
  public SimulatedEmailSender(SimulatedLatency latency) {
    this.latency = latency;
  }
  private static final int KEEP = 200;

  private final List<Email> sent = new CopyOnWriteArrayList<>();

  @Override
  public void send(Email email) {
    latency.await();
    if (sent.size() >= KEEP) {
      sent.remove(0);
    }
    sent.add(email);
    log.warn("SIMULATED email {}: '{}' ({} attachment(s); not sent)", email.messageId(), email.subject(),
        email.attachments().size());
  }

  public List<Email> sent() {
    return List.copyOf(sent);
  }
}
