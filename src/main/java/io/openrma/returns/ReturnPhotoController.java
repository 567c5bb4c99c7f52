package io.openrma.returns;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/returns/{rma}/photos}: the customer's photos for the reviewer and the inspector, under the staff
 * API's security. A photo is always a download ({@code Content-Disposition: attachment}) with the type detected
 * from its bytes and {@code nosniff}, so an uploaded file is never rendered as a page of OpenRMA's origin.
 */
@RestController
@RequestMapping("/api/returns/{rmaNumber}/photos")
@Tag(name = "Returns")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "token")
class ReturnPhotoController {

  private final ReturnService returns;
  private final ReturnPhotos photos;

  ReturnPhotoController(ReturnService returns, ReturnPhotos photos) {
    this.returns = returns;
    this.photos = photos;
  }

  /** One photo in the list, with the address of its bytes. */
  record PhotoView(int position, String fileName, String contentType, long size, java.time.Instant uploadedAt,
      String href) {
  }

  @GetMapping
  @Operation(summary = "The customer's photos of a return (uploaded in the portal), without their bytes")
  List<PhotoView> list(@PathVariable String rmaNumber) {
    ReturnRecord record = returns.get(rmaNumber);
    return photos.of(record).stream().map(p -> new PhotoView(p.position(), p.fileName(), p.contentType(), p.size(),
        p.uploadedAt(), "/api/returns/" + record.rmaNumber() + "/photos/" + p.position())).toList();
  }

  @GetMapping("/{position}")
  @Operation(summary = "One photo's bytes, as a download")
  ResponseEntity<byte[]> photo(@PathVariable String rmaNumber, @PathVariable int position) {
    ReturnPhotos.Content content = photos.content(returns.get(rmaNumber), position)
        .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND,
            "The return has no photo " + position + "."));
    MediaType type = PhotoType.ofMediaType(content.photo().contentType()).map(t -> MediaType.parseMediaType(
        t.mediaType())).orElse(MediaType.APPLICATION_OCTET_STREAM);
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(content.photo().fileName()).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(content.bytes());
  }
}
