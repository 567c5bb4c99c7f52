package io.openrma.portal;

import io.nayuki.qrcodegen.QrCode;
import org.springframework.stereotype.Component;

/**
 * The tracking number as a QR code, for carriers whose drop-off points scan it instead of a printed label: an
 * inline SVG (one path, no script, no style attribute, so the portal's Content-Security-Policy holds), labelled
 * for screen readers; the page shows the number as text beside it.
 */
@Component("trackingQr")
public class TrackingQr {

  private static final int BORDER = 4;

  /** The SVG of a QR code of {@code text}, named by {@code label} for assistive technology. */
  public String svg(String text, String label) {
    QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
    int size = qr.size + BORDER * 2;
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < qr.size; y++) {
      for (int x = 0; x < qr.size; x++) {
        if (qr.getModule(x, y)) {
          path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" viewBox=\"0 0 " + size + " " + size
        + "\" width=\"160\" height=\"160\" aria-label=\"" + escape(label) + "\"><rect width=\"100%\" height=\"100%\" "
        + "fill=\"#ffffff\"/><path d=\"" + path + "\" fill=\"#000000\"/></svg>";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
