package io.openrma.integrations.helpdesk;

/**
 * The merchant's helpdesk (Zendesk). Both calls check the ticket first, so a retry does not comment twice.
 */
public interface Helpdesk {

  /** Adds a public comment with the label PDF attached to the customer's ticket. */
  void attachLabel(String ticketId, String rmaNumber, String fileName, byte[] pdf, String comment);

  /** Records carrier and tracking number on the ticket (comment, tag, custom field). */
  void updateTracking(String ticketId, String rmaNumber, String carrier, String trackingNumber);
}
