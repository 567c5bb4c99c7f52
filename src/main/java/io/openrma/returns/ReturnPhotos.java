package io.openrma.returns;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's photos of a return ({@code rma_return_photo}). The portal stages them under the wizard's random
 * upload id while the customer is still choosing (in the database, not the session: a session stays small and a
 * photo survives a restart of the node); {@link ReturnCreation} attaches them to the new return in its
 * transaction. Staged photos nobody attached are deleted after a day. The bytes are streamed into the database,
 * so a photo Tomcat kept on disk is never held in memory whole while it is stored.
 */
@Service
public class ReturnPhotos {

  /** At most this many photos per return. */
  public static final int MAX_PHOTOS = 5;
  private static final Duration ABANDONED = Duration.ofDays(1);

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final Clock clock;

  ReturnPhotos(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
    this.jdbc = jdbc;
    this.template = template;
    this.clock = clock;
  }

  /** A photo without its bytes; {@code position} counts from 1. */
  public record Photo(int position, String fileName, String contentType, long size, Instant uploadedAt) {
  }

  /** A photo's bytes with the type detected when it was uploaded. */
  public record Content(Photo photo, byte[] bytes) {
  }

  /** Stages one photo under {@code uploadId}, after those already staged; {@code fileName} must be sanitised. */
  @Transactional
  public void stage(String uploadId, String fileName, PhotoType type, long size, InputStreamSource content) {
    Instant now = clock.instant();
    jdbc.sql("DELETE FROM rma_return_photo WHERE return_id IS NULL AND uploaded_at < :before")
        .param("before", Timestamp.from(now.minus(ABANDONED))).update();
    int position = staged(uploadId).size() + 1;
    try (InputStream in = content.getInputStream()) {
      template.update("""
          INSERT INTO rma_return_photo (upload_id, position, file_name, content_type, size, bytes, uploaded_at)
          VALUES (?, ?, ?, ?, ?, ?, ?)""", ps -> {
        ps.setString(1, uploadId);
        ps.setInt(2, position);
        ps.setString(3, fileName);
        ps.setString(4, type.mediaType());
        ps.setLong(5, size);
        ps.setBinaryStream(6, in, size);
        ps.setTimestamp(7, Timestamp.from(now));
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The photos waiting under {@code uploadId}. */
  @Transactional(readOnly = true)
  public List<Photo> staged(String uploadId) {
    return jdbc.sql("SELECT position, file_name, content_type, size, uploaded_at FROM rma_return_photo "
        + "WHERE upload_id = :upload AND return_id IS NULL ORDER BY position")
        .param("upload", uploadId).query(ReturnPhotos::photo).list();
  }

  /** The photos of a return, in the order they were uploaded. */
  @Transactional(readOnly = true)
  public List<Photo> of(ReturnRecord record) {
    return jdbc.sql("SELECT position, file_name, content_type, size, uploaded_at FROM rma_return_photo "
        + "WHERE return_id = :id ORDER BY position").param("id", record.id()).query(ReturnPhotos::photo).list();
  }

  /** Photo {@code position} of a return, with its bytes. */
  @Transactional(readOnly = true)
  public Optional<Content> content(ReturnRecord record, int position) {
    return jdbc.sql("SELECT position, file_name, content_type, size, uploaded_at, bytes FROM rma_return_photo "
        + "WHERE return_id = :id AND position = :position").param("id", record.id()).param("position", position)
        .query((rs, n) -> new Content(photo(rs, n), rs.getBytes("bytes"))).optional();
  }

  /** Moves the photos staged under {@code uploadId} to the return; the number moved. */
  int attach(String uploadId, long returnId) {
    return jdbc.sql("UPDATE rma_return_photo SET return_id = :id, upload_id = NULL "
        + "WHERE upload_id = :upload AND return_id IS NULL").param("id", returnId).param("upload", uploadId).update();
  }

  private static Photo photo(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Photo(rs.getInt("position"), rs.getString("file_name"), rs.getString("content_type"),
        rs.getLong("size"), rs.getTimestamp("uploaded_at").toInstant());
  }
}
