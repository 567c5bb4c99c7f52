package io.openrma.process;

import io.openrma.integrations.helpdesk.Helpdesk;
import io.openrma.returns.ReturnRecord;

/** What the two helpdesk delegates share: the return's ticket, and the timeline texts when none is updated. */
final class HelpdeskTickets {

  private HelpdeskTickets() {
  }

  static Helpdesk.Ticket of(Step step) {
    ReturnRecord record = step.record();
    String email = record.customer() == null ? null : record.customer().email();
    return new Helpdesk.Ticket(record.ticketId(), record.rmaNumber(), email);
  }

  static String notConnected(Helpdesk.Ticket ticket) {
    return "No helpdesk is connected (openrma.helpdesk.provider=none): ticket " + ticket.id() + " was not updated";
  }

  static String noTicket(Helpdesk helpdesk, String what) {
    return helpdesk.name() + " has no ticket for this return (none given, none of the customer's open, none "
        + "opened): " + what + " was not posted";
  }
}
