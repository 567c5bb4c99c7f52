package io.openrma.integrations.shopify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;

/** The GraphQL documents under {@code src/main/resources/shopify/returns/}, read once at start. */
final class ShopifyDocuments {

  private ShopifyDocuments() {
  }

  /** The named documents joined into one, e.g. an operation and the fragments it spreads. */
  static String load(String... names) {
    return Arrays.stream(names).map(ShopifyDocuments::read).collect(Collectors.joining("\n"));
  }

  private static String read(String name) {
    try (InputStream in = new ClassPathResource("shopify/returns/" + name).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("GraphQL document shopify/returns/" + name + " is missing", e);
    }
  }
}
