package io.openrma.returns;

import static io.openrma.support.ReturnRequests.aReturn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.openrma.support.Http;
import io.openrma.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;

/** The photos table on PostgreSQL: V11 applies, bytes stream into BYTEA, a staged photo moves to its return. */
@PostgresTest
class ReturnPhotosPostgresTest {

  @LocalServerPort
  int port;
  @Autowired
  ReturnPhotos photos;
  @Autowired
  ReturnService returns;

  @Test
  void aStagedPhotoIsAttachedToItsReturnAndReadBackWhole() {
    String rma = new Http(port).as("carl").post("/api/returns", aReturn().build()).json().get("rmaNumber").asText();
    ReturnRecord record = returns.get(rma);
    String upload = UUID.randomUUID().toString();
    byte[] png = new byte[300_000];
    System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);

    photos.stage(upload, "seam.png", PhotoType.PNG, png.length, new ByteArrayResource(png));
    assertThat(photos.staged(upload)).hasSize(1);
    assertThat(photos.attach(upload, record.id())).isEqualTo(1);

    assertThat(photos.staged(upload)).isEmpty();
    assertThat(photos.of(record)).extracting(ReturnPhotos.Photo::fileName).containsExactly("seam.png");
    assertThat(photos.content(record, 1).orElseThrow().bytes()).isEqualTo(png);
  }
}
