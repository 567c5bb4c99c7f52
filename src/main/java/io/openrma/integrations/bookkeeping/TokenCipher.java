package io.openrma.integrations.bookkeeping;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the stored QuickBooks tokens with AES-GCM (a random 12-byte nonce per value, the realm id as
 * associated data so a value cannot be moved to another company's row). The JDK's {@code javax.crypto} does
 * this in a dozen lines with no new dependency to keep current; a library (Tink, Spring Security's
 * {@code Encryptors}) would add key formats and modes OpenRMA does not need.
 */
final class TokenCipher {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  TokenCipher(String base64Key) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("openrma.quickbooks.token-key is not Base64", e);
    }
    if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
      throw new IllegalArgumentException("openrma.quickbooks.token-key must be Base64 of 16, 24 or 32 bytes "
          + "(e.g. openssl rand -base64 32), not " + bytes.length);
    }
    key = new SecretKeySpec(bytes, "AES");
  }

  /** Base64 of nonce + ciphertext + tag. */
  String encrypt(String plain, String realmId) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, realmId, plain.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
        .put(sealed).array());
  }

  String decrypt(String stored, String realmId) {
    byte[] all = Base64.getDecoder().decode(stored);
    byte[] nonce = java.util.Arrays.copyOfRange(all, 0, NONCE_BYTES);
    byte[] sealed = java.util.Arrays.copyOfRange(all, NONCE_BYTES, all.length);
    return new String(run(Cipher.DECRYPT_MODE, nonce, realmId, sealed), StandardCharsets.UTF_8);
  }

  private byte[] run(int mode, byte[] nonce, String realmId, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(realmId.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "QuickBooks tokens: cannot " + (mode == Cipher.ENCRYPT_MODE ? "encrypt" : "decrypt")
              + " (was openrma.quickbooks.token-key changed? then reconnect QuickBooks)",
          e);
    }
  }
}
