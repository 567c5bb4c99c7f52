package io.openrma.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhotoTypeTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "FFD8FFE000104A464946, JPEG",
      "89504E470D0A1A0A0000, PNG",
      "52494646AABBCCDD57454250, WEBP",
      "0000001866747970686569630000, HEIC",
      "00000018667479706D696631, HEIC",
      "00000018667479706D736631, HEIC",
      "0000001866747970686576630000, HEIC",
      "00000018667479706D703432, NONE", // an MP4 video: ftyp, but not a HEIF brand
      "52494646AABBCCDD57415645, NONE", // a WAV file: RIFF, but not WEBP
      "89504E47, NONE", // half a PNG signature
      "474946383961, NONE"}) // a GIF
  void theTypeComesFromTheFirstBytes(String hex, String expected) {
    assertThat(PhotoType.detect(bytes(hex)).map(Enum::name).orElse("NONE")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "text {0}")
  @CsvSource({"this is a .jpg", "''"})
  void textIsNoPhotoWhateverItIsCalled(String text) {
    assertThat(PhotoType.detect(text.getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  private static byte[] bytes(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return bytes;
  }
}
