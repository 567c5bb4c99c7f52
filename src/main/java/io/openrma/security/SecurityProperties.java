package io.openrma.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code openrma.security.*}: who the first administrator is. In the demo run (H2, default
 * profile) the demo users of the README are created instead; under the {@code postgres}
 * profile {@code adminPassword} must come from the environment ({@code OPENRMA_ADMIN_PASSWORD}).
 *
 * @param adminUser     id of the administrator created at first start
 * @param adminPassword its password; required unless demo users are enabled
 * @param demoUsers     create the demo users and groups members of the README (demo run only)
 */
@ConfigurationProperties("openrma.security")
public record SecurityProperties(String adminUser, String adminPassword, boolean demoUsers) {

  public SecurityProperties {
    if (adminUser == null || adminUser.isBlank()) {
      adminUser = "admin";
    }
  }
}
