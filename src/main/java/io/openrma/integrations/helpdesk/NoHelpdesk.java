package io.openrma.integrations.helpdesk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code openrma.helpdesk.provider=none}: the shop runs no helpdesk OpenRMA should write to. It reaches no ticket,
 * so new returns skip the helpdesk steps ({@code hasTicket} is false); a return already waiting at one of them
 * is told that no helpdesk is connected and nothing was updated, rather than that its ticket was.
 */
public class NoHelpdesk implements Helpdesk {

  private static final Logger log = LoggerFactory.getLogger(NoHelpdesk.class);

  @Override
  public String name() {
    return "No helpdesk";
  }

  @Override
  public boolean connected() {
    return false;
  }

  @Override
  public String attachLabel(Ticket ticket, String fileName, byte[] pdf, String comment) {
    log.info("No helpdesk connected: ticket {} of {} does not get the label", ticket.id(), ticket.rmaNumber());
    return null;
  }

  @Override
  public String updateTracking(Ticket ticket, String carrier, String trackingNumber) {
    log.info("No helpdesk connected: ticket {} of {} does not get tracking", ticket.id(), ticket.rmaNumber());
    return null;
  }
}
