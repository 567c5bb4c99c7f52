package io.openrma.portal;

import java.util.Optional;

import io.openrma.integrations.notifications.StatusPageLinks;
import org.springframework.stereotype.Component;

/**
 * The link every customer email carries: the portal's status page of the return, signed and expiring
 * ({@link StatusLinks}), under {@code openrma.portal.public-url}.
 */
@Component
class PortalStatusPageLinks implements StatusPageLinks {

  private final StatusLinks links;
  private final String publicUrl;

  PortalStatusPageLinks(StatusLinks links, PortalProperties properties) {
    this.links = links;
    String url = properties.publicUrl();
    this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public Optional<String> statusPage(String rmaNumber) {
    return Optional.of(publicUrl + "/returns/status/" + links.issue(rmaNumber));
  }
}
