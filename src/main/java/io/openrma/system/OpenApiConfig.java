package io.openrma.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of OpenRMA's own API (/v3/api-docs, Swagger UI at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

  @Bean
  OpenAPI openRmaApi() {
    return new OpenAPI()
        .info(new Info().title("OpenRMA API").version("1")
            .description("Returns (RMA) automation: the returns record, arrival scans, carrier events and webhooks. "
                + "Authenticate with HTTP Basic as an OpenRMA user (the same users as Cockpit and Tasklist), or, "
                + "as a machine user, with an API token (Authorization: Bearer ormat_..., created by an administrator "
                + "under /api/admin/tokens) within its scopes. "
                + "Errors are RFC 7807 problem documents. Amounts are integers in minor units of the return's currency.")
            .license(new License().name("Apache-2.0")))
        .components(new Components()
            .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
            .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("ormat_<43 characters>").description("An API token of a machine user; "
                    + "scopes: carrier-events, warehouse-arrivals, returns-read, returns-write")));
  }
}
