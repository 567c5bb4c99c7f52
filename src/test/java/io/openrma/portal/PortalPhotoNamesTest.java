package io.openrma.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrma.returns.PhotoType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortalPhotoNamesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "IMG_0042.HEIC, IMG_0042.HEIC",
      "C:\\Users\\pat\\broken zip.jpg, broken_zip.jpg",
      "../../etc/passwd, passwd",
      "<script>.png, script_.png",
      ".htaccess, htaccess",
      "'', photo-3.jpg",
      "///, photo-3.jpg"})
  void aFileNameKeepsOnlyItsLastPartInSafeCharacters(String original, String kept) {
    assertThat(PortalPhotos.fileName(original, 3, PhotoType.JPEG)).isEqualTo(kept);
  }
}
