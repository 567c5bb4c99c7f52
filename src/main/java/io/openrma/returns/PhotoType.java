package io.openrma.returns;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The image types a customer's photo may have, told from the file's first bytes (its magic number), never from
 * its name or the content type the browser declared: a renamed text file is no JPEG.
 */
public enum PhotoType {
  JPEG("image/jpeg", "jpg"), PNG("image/png", "png"), WEBP("image/webp", "webp"), HEIC("image/heic", "heic");

  /** Bytes {@link #detect} needs at most. */
  public static final int HEAD = 12;
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  /** ISO BMFF brands of HEIF/HEIC files at offset 8, after the {@code ftyp} box type at offset 4. */
  private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "mif1", "msf1", "hevc");

  private final String mediaType;
  private final String extension;

  PhotoType(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /** The type whose signature {@code head} (the file's first bytes) starts with, if any. */
  public static Optional<PhotoType> detect(byte[] head) {
    if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
      return Optional.of(JPEG);
    }
    if (head.length >= 8 && Arrays.equals(head, 0, 8, PNG_SIGNATURE, 0, 8)) {
      return Optional.of(PNG);
    }
    if (head.length >= HEAD && ascii(head, 0).equals("RIFF") && ascii(head, 8).equals("WEBP")) {
      return Optional.of(WEBP);
    }
    if (head.length >= HEAD && ascii(head, 4).equals("ftyp") && HEIF_BRANDS.contains(ascii(head, 8))) {
      return Optional.of(HEIC);
    }
    return Optional.empty();
  }

  /** The type of a stored photo's content type, if it is one of these. */
  static Optional<PhotoType> ofMediaType(String mediaType) {
    return Arrays.stream(values()).filter(t -> t.mediaType.equals(mediaType)).findFirst();
  }

  private static String ascii(byte[] bytes, int offset) {
    StringBuilder s = new StringBuilder(4);
    for (int i = offset; i < offset + 4; i++) {
      s.append((char) (bytes[i] & 0xFF));
    }
    return s.toString();
  }
}
