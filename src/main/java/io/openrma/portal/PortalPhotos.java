package io.openrma.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.openrma.returns.PhotoType;
import io.openrma.returns.ReturnPhotos;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The photos a customer adds on "Choose items": at most {@link ReturnPhotos#MAX_PHOTOS} in all, each a JPEG, PNG,
 * WebP or HEIC by its first bytes (the name and the declared type are not believed). Either every file of a post
 * is staged or none is, so a refusal never leaves half a post behind. Size limits are Tomcat's, applied while the
 * body streams in ({@code spring.servlet.multipart.*}, see {@link UploadLimitFilter}).
 */
@Component
class PortalPhotos {

  private final ReturnPhotos photos;

  PortalPhotos(ReturnPhotos photos) {
    this.photos = photos;
  }

  List<ReturnPhotos.Photo> staged(Wizard wizard) {
    return photos.staged(wizard.uploadId);
  }

  /** Checks the posted files (empty parts of an unused field are no files) and stages them, or adds problems. */
  void add(Wizard wizard, List<MultipartFile> files, Problems problems) {
    List<MultipartFile> posted = files == null
        ? List.of()
        : files.stream().filter(f -> !f.isEmpty()).toList();
    if (posted.isEmpty()) {
      return;
    }
    int already = staged(wizard).size();
    if (already + posted.size() > ReturnPhotos.MAX_PHOTOS) {
      problems.add("photos", "items.error.photos.tooMany", ReturnPhotos.MAX_PHOTOS, already);
      return;
    }
    List<PhotoType> types = new ArrayList<>();
    for (MultipartFile file : posted) {
      Optional<PhotoType> type = PhotoType.detect(head(file));
      if (type.isEmpty()) {
        problems.add("photos", "items.error.photos.type", fileName(file.getOriginalFilename(), 0, null));
      }
      types.add(type.orElse(null));
    }
    if (types.contains(null)) {
      return;
    }
    for (int i = 0; i < posted.size(); i++) {
      MultipartFile file = posted.get(i);
      photos.stage(wizard.uploadId, fileName(file.getOriginalFilename(), already + i + 1, types.get(i)),
          types.get(i), file.getSize(), file);
    }
  }

  /**
   * The name to keep and show: the last part of what the browser sent (some send a whole path), letters, digits,
   * dot, dash and underscore only, at most 100 characters; {@code photo-n.jpg} when nothing is left. With no
   * type (for a refusal message) an empty name stays {@code photo}.
   */
  static String fileName(String original, int position, PhotoType type) {
    String name = original == null
        ? ""
        : original.substring(Math.max(original.lastIndexOf('/'),
            original.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[._]+", "");
    if (name.length() > 100) {
      name = name.substring(name.length() - 100);
    }
    if (name.isEmpty() || name.matches("_+")) {
      return type == null ? "photo" : "photo-" + position + "." + type.extension();
    }
    return name;
  }

  private static byte[] head(MultipartFile file) {
    try (InputStream in = file.getInputStream()) {
      return in.readNBytes(PhotoType.HEAD);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
