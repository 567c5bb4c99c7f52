package io.openrma.process;

import java.util.regex.Pattern;

/**
 * A call to another system failed for a technical reason: the engine retries the step and, when
 * the retries are used up, shows this message as the incident in Cockpit. The message names the
 * system, the return and the step, and never carries an email address.
 */
public class ExternalSystemException extends RuntimeException {

  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");

  public ExternalSystemException(String system, String rmaNumber, String step, Throwable cause) {
    super(system + ": " + step + " failed for " + rmaNumber + ": " + describe(cause), cause);
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    message = EMAIL.matcher(message).replaceAll("<email>");
    return message.length() > 400 ? message.substring(0, 400) + "..." : message;
  }

  /** Runs one call to {@code system}, turning any failure into an incident-ready message. */
  public static <T> T call(String system, String rmaNumber, String step, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (org.camunda.bpm.engine.delegate.BpmnError | ExternalSystemException e) {
      throw e;
    } catch (io.openrma.integrations.payments.PaymentRefusedException
        | io.openrma.integrations.shipping.InvalidAddressException businessOutcome) {
      throw businessOutcome;
    } catch (RuntimeException e) {
      throw new ExternalSystemException(system, rmaNumber, step, e);
    }
  }

  public static void run(String system, String rmaNumber, String step, Runnable call) {
    call(system, rmaNumber, step, () -> {
      call.run();
      return null;
    });
  }
}
