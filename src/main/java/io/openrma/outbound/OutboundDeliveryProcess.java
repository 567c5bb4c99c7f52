package io.openrma.outbound;

/** Ids shared with {@code processes/outbound-event-delivery.bpmn}. */
public final class OutboundDeliveryProcess {

  private OutboundDeliveryProcess() {
  }

  /** One instance per event and subscriber; business key = RMA number. */
  public static final String KEY = "outbound-event-delivery";
  public static final String DELIVER_EVENT = "DeliverOutboundEvent";

  public static final String VAR_DELIVERY_ID = "deliveryId";
  public static final String VAR_SUBSCRIBER = "subscriber";
  public static final String VAR_EVENT_ID = "eventId";
  public static final String VAR_RETURN_STATUS = "returnStatus";
}
