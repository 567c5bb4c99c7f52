package io.openrma.process;

/**
 * Every id the Java code shares with the BPMN and DMN files in {@code processes/}: process and
 * decision keys, message names, BPMN error codes, variable names and the ids of the elements
 * that code or tests refer to. Renaming one in the Modeler means renaming it here too
 * ({@code ProcessIdsTest} checks that each id exists in the diagram).
 */
public final class ProcessIds {

  private ProcessIds() {
  }

  /** The returns lifecycle, {@code processes/rma-lifecycle.bpmn}; business key = RMA number. */
  public static final String RMA_LIFECYCLE = "rma-lifecycle";
  /** {@code processes/return-policy.dmn}. */
  public static final String RETURN_POLICY = "return-policy";

  /** Extension property on any flow node: the returns record takes this status when a token enters it. */
  public static final String RMA_STATUS_PROPERTY = "rma-status";

  // messages
  public static final String MSG_ITEM_PICKED_UP = "ItemPickedUp";
  public static final String MSG_ITEM_ARRIVED = "ItemArrived";
  public static final String MSG_REFUND_SETTLED = "RefundSettled";
  public static final String MSG_REFUND_FAILED_AFTER_CLOSE = "RefundFailedAfterClose";
  public static final String MSG_RETURN_CANCELLED = "ReturnCancelled";

  // BPMN errors (business outcomes with their own path)
  public static final String ERROR_INVALID_ADDRESS = "INVALID_ADDRESS";
  public static final String ERROR_REFUND_REFUSED = "REFUND_REFUSED";

  // user tasks
  public static final String TASK_REVIEW_RETURN = "ReviewReturnRequest";
  public static final String TASK_FIX_ADDRESS = "FixReturnAddress";
  public static final String TASK_INSPECT = "InspectReturnedItems";
  public static final String TASK_RESOLVE_REFUND_PROBLEM = "ResolveRefundProblem";
  public static final String TASK_ARRANGE_EXCHANGE = "ArrangeExchange";

  // start events
  public static final String START_REFUND_FAILED_AFTER_CLOSING = "RefundFailedAfterClosing";

  // service tasks and wait states
  public static final String CHECK_RETURN_POLICY = "CheckReturnPolicy";
  public static final String GENERATE_RETURN_LABEL = "GenerateReturnLabel";
  public static final String SEND_RETURN_EMAIL = "SendReturnEmail";
  public static final String SEND_REJECTION_EMAIL = "SendRejectionEmail";
  public static final String ATTACH_LABEL_TO_ZENDESK = "AttachLabelToZendesk";
  public static final String UPDATE_ZENDESK_TRACKING = "UpdateZendeskTracking";
  public static final String CANCEL_STRIPE_SUBSCRIPTION = "CancelStripeSubscription";
  public static final String ITEM_PICKED_UP = "ItemPickedUp";
  public static final String ITEM_ARRIVED = "ItemArrivedAtWarehouse";
  public static final String SEND_REMINDER_EMAIL = "SendReminderEmail";
  public static final String CALCULATE_REFUND = "CalculateRefund";
  public static final String REFUND_PAYMENT = "RefundPayment";
  public static final String ISSUE_STORE_CREDIT = "IssueStoreCredit";
  public static final String WAIT_FOR_REFUND_CONFIRMATION = "WaitForRefundConfirmation";
  public static final String UPDATE_RECORD_REFUNDED = "UpdateReturnsRecordRefunded";
  public static final String RECORD_REFUND_IN_BOOKS = "RecordRefundInBooks";
  public static final String NOTIFY_CUSTOMER = "NotifyCustomer";
  public static final String VOID_RETURN_LABEL = "VoidReturnLabel";
  public static final String SEND_CANCELLATION_EMAIL = "SendCancellationEmail";
  public static final String OPEN_SHOPIFY_RETURN = "OpenShopifyReturn";
  public static final String APPROVE_SHOPIFY_RETURN = "ApproveShopifyReturn";
  public static final String DECLINE_SHOPIFY_RETURN = "DeclineShopifyReturn";
  public static final String ADD_RETURN_SHIPPING_TO_SHOPIFY = "AddReturnShippingToShopify";
  public static final String PROCESS_SHOPIFY_RETURN = "ProcessShopifyReturn";
  public static final String CANCEL_SHOPIFY_RETURN = "CancelShopifyReturn";

  // end events
  public static final String END_CLOSED = "ReturnClosed";
  public static final String END_REJECTED = "ReturnRejected";
  public static final String END_EXPIRED = "ReturnExpired";
  public static final String END_CANCELLED = "ReturnCancelledEnd";

  // process variables (small, no personal data)
  public static final String VAR_RMA_NUMBER = "rmaNumber";
  public static final String VAR_RESOLUTION = "resolution";
  public static final String VAR_HAS_TICKET = "hasTicket";
  public static final String VAR_HAS_SUBSCRIPTION = "hasSubscription";
  /** The order came from Shopify: the diagram's "Shopify order?" gateways mirror the return there. */
  public static final String VAR_FROM_SHOPIFY = "fromShopify";
  /** Bookkeeping is connected ({@code openrma.bookkeeping.provider}): "Record refund in QuickBooks" runs. */
  public static final String VAR_RECORDS_BOOKS = "recordsBooks";
  public static final String VAR_KEEP_ITEM = "keepItem";
  public static final String VAR_POLICY = "policy";
  public static final String VAR_REVIEW_DECISION = "reviewDecision";
  public static final String VAR_REVIEW_COMMENT = "reviewComment";
  public static final String VAR_REFUND_TOTAL = "refundTotal";
  public static final String VAR_REFUND_STATUS = "refundStatus";
  /** Set by "Calculate refund": the payment allows less than the calculated refund. */
  public static final String VAR_REFUND_CAPPED = "refundCapped";
  public static final String VAR_REFUND_PROBLEM = "refundProblem";
  public static final String VAR_REFUND_PROBLEM_DECISION = "refundProblemDecision";
  /** Finance's comment on "Resolve refund problem"; sent to the customer when the return closes without refund. */
  public static final String VAR_REFUND_PROBLEM_COMMENT = "refundProblemComment";
  public static final String VAR_ADDRESS_PROBLEM = "pii_addressProblem";
  public static final String VAR_INSPECTION_LINES = "inspectionLines";
}
