package io.openrma.integrations.helpdesk;

/**
 * The merchant's helpdesk (Zendesk or Gorgias, chosen by {@code openrma.helpdesk.provider}). Both updates check
 * the ticket first, so a retry does not post twice. Each returns the id of the ticket it updated, or
 * {@code null} when there was no ticket to update.
 */
public interface Helpdesk {

  /** The system's name in incidents and on the timeline, e.g. "Zendesk". */
  String name();

  /** Whether a helpdesk is connected at all (not so with {@code openrma.helpdesk.provider=none}). */
  default boolean connected() {
    return true;
  }

  /**
   * Whether the helpdesk steps have a ticket to work on for a return with {@code ticketId} (blank when the return
   * names none): the process variable {@code hasTicket}.
   */
  default boolean reaches(String ticketId) {
    return connected() && ticketId != null && !ticketId.isBlank();
  }

  /** Adds the label PDF to the customer's ticket with {@code comment}. */
  String attachLabel(Ticket ticket, String fileName, byte[] pdf, String comment);

  /** Records carrier and tracking number on the ticket (message, tag, custom field). */
  String updateTracking(Ticket ticket, String carrier, String trackingNumber);

  /**
   * The ticket of a return as far as OpenRMA knows it: the ticket id the return came with (may be blank), the
   * RMA number and the customer's email (for a helpdesk that can find the customer's ticket itself).
   */
  record Ticket(String id, String rmaNumber, String customerEmail) {

    public boolean hasId() {
      return id != null && !id.isBlank();
    }
  }
}
