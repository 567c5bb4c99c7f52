package io.openrma.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The HMAC check alone, against a signature computed as Shopify documents it (openssl's answer, fixed here). */
class ShopifySignaturesTest {

  private static final String SECRET = "hush";
  private static final byte[] BODY = "{\"id\":1,\"admin_graphql_api_id\":\"gid://shopify/Return/1\"}"
      .getBytes(StandardCharsets.UTF_8);
  /** {@code printf '%s' "$BODY" | openssl dgst -sha256 -hmac hush -binary | base64}. */
  private static final String OPENSSL = "tgBcWGRRvNPyqA3O0xzgS1Ee2dsbg5OBj5I8C4Qzmyg=";

  @Test
  void theBase64HmacSha256OfTheRawBodyWithTheClientSecretVerifies() {
    String signature = ShopifySignatures.sign(SECRET, BODY);

    assertThat(signature).isEqualTo(OPENSSL);
    assertThat(ShopifySignatures.verifies(SECRET, signature, BODY)).isTrue();
    assertThat(ShopifySignatures.verifies(SECRET, " " + signature + " ", BODY)).isTrue();
  }

  @Test
  void aChangedBodyAnotherSecretOrNoSignatureDoNotVerify() {
    String signature = ShopifySignatures.sign(SECRET, BODY);
    byte[] changed = new String(BODY, StandardCharsets.UTF_8).replace("1", "2").getBytes(StandardCharsets.UTF_8);

    assertThat(ShopifySignatures.verifies(SECRET, signature, changed)).isFalse();
    assertThat(ShopifySignatures.verifies("other", signature, BODY)).isFalse();
    assertThat(ShopifySignatures.verifies(SECRET, null, BODY)).isFalse();
    assertThat(ShopifySignatures.verifies(SECRET, "", BODY)).isFalse();
    assertThat(ShopifySignatures.verifies(SECRET, "not base64 at all!", BODY)).isFalse();
    assertThat(ShopifySignatures.verifies(SECRET, signature.substring(0, 20), BODY)).isFalse();
    assertThat(ShopifySignatures.verifies(null, signature, BODY)).isFalse();
    assertThat(ShopifySignatures.verifies("", signature, BODY)).isFalse();
  }
}
