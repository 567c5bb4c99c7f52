package io.openrma.portal;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The brand's colour as a style sheet: the Content-Security-Policy allows no inline style, so the colour from
 * {@code openrma.portal.primary-colour} comes as {@code /returns/assets/brand.css}.
 */
@Controller
class BrandCss {

  private final PortalPages pages;

  BrandCss(PortalPages pages) {
    this.pages = pages;
  }

  @GetMapping(value = "/returns/assets/brand.css", produces = "text/css")
  ResponseEntity<String> css() {
    return ResponseEntity.ok().cacheControl(CacheControl.noCache())
        .body(":root { --brand: " + pages.colour() + "; }\n");
  }
}
