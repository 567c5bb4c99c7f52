package io.openrma.returns;

import java.nio.charset.StandardCharsets;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /api/returns/{rma}/photos}: the customer's photos for the reviewer and the inspector, under the staff
 * API's security, which for these reads also takes the Camunda webapps' login (security's
 * {@code WebappSessionPhotoFilter}), so the forms' link opens without a second login. A photo is always a
 * download ({@code Content-Disposition: attachment}) with the type detected from its bytes and {@code nosniff},
 * so an uploaded file is never rendered as a page of OpenRMA's origin.
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
  @Operation(summary = "The customer's photos of a return (uploaded in the portal), without their bytes", description = "JSON; "
      + "a browser (Accept: text/html), as from the link in a Tasklist form, gets a page of download links.")
  ResponseEntity<?> list(@PathVariable String rmaNumber,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    List<PhotoView> list = views(rmaNumber);
    return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)
        ? ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
            .body(page(rmaNumber, list))
        : ResponseEntity.ok(list);
  }

  private List<PhotoView> views(String rmaNumber) {
    ReturnRecord record = returns.get(rmaNumber);
    return photos.of(record).stream().map(p -> new PhotoView(p.position(), p.fileName(), p.contentType(), p.size(),
        p.uploadedAt(), "/api/returns/" + record.rmaNumber() + "/photos/" + p.position())).toList();
  }

  /** The list as a page: one download link per photo (opened from Tasklist, the webapp login is enough). */
  private static String page(String rmaNumber, List<PhotoView> photos) {
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(HtmlUtils.htmlEscape(rmaNumber)).append(": customer's photos</title></head><body><h1>")
        .append(HtmlUtils.htmlEscape(rmaNumber)).append(": customer's photos</h1><ul>");
    for (PhotoView photo : photos) {
      html.append("<li><a href=\"").append(HtmlUtils.htmlEscape(photo.href())).append("\">")
          .append(HtmlUtils.htmlEscape(photo.fileName())).append("</a> (").append(photo.contentType()).append(", ")
          .append((photo.size() + 1023) / 1024).append(" KB)</li>");
    }
    return html.append("</ul></body></html>").toString();
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
