package io.openrma.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's accessibility statement: what it aims for, what is known not to work yet, whom to write to. */
@Controller
class AccessibilityPage {

  @GetMapping("/returns/accessibility")
  String statement() {
    return "portal/accessibility";
  }
}
