package io.openrma.portal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.openrma.process.SlaSettings;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * What every portal page reads, as {@code ${@portalPages...}} in the templates (also the error page, which
 * no portal controller renders): the brand, the page's language, amounts and dates in the customer's locale.
 */
@Component
class PortalPages {

  /** The portal's languages; the first is the fallback. */
  static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);
  private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

  private final PortalProperties brand;
  private final SlaSettings sla;
  private final MultipartProperties uploads;

  PortalPages(PortalProperties brand, SlaSettings sla, MultipartProperties uploads) {
    this.brand = brand;
    this.sla = sla;
    this.uploads = uploads;
  }

  public PortalProperties brand() {
    return brand;
  }

  /** The primary colour when it is {@code #rrggbb}, else the default: it goes into CSS. */
  public String colour() {
    return brand.primaryColour() != null && COLOUR.matcher(brand.primaryColour()).matches()
        ? brand.primaryColour()
        : "#1d4ed8";
  }

  /** {@code en} or {@code de}: the language the page is written in, for {@code <html lang>}. */
  public String lang(Locale locale) {
    return supported(locale).getLanguage();
  }

  /** The languages to switch to from this one. */
  public List<String> otherLanguages(Locale locale) {
    return LANGUAGES.stream().map(Locale::getLanguage).filter(l -> !l.equals(lang(locale))).toList();
  }

  /** Minor units as the locale writes money: {@code 12,34 €} in German, {@code €12.34} in English. */
  public String money(long minorUnits, String currency, Locale locale) {
    Currency code = Currency.getInstance(currency);
    NumberFormat format = NumberFormat.getCurrencyInstance(supportedWithCountry(locale));
    format.setCurrency(code);
    format.setMinimumFractionDigits(Math.max(0, code.getDefaultFractionDigits()));
    format.setMaximumFractionDigits(Math.max(0, code.getDefaultFractionDigits()));
    return format.format(BigDecimal.valueOf(minorUnits).movePointLeft(Math.max(0, code.getDefaultFractionDigits())));
  }

  public String date(LocalDate date, Locale locale) {
    return date == null
        ? ""
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(supported(locale))
            .format(date);
  }

  public String date(Instant instant, Locale locale) {
    return instant == null ? "" : date(LocalDate.ofInstant(instant, ZoneId.systemDefault()), locale);
  }

  /** Days a review takes at most ({@code openrma.sla.review-return}), at least one. */
  public long reviewDays() {
    return Math.max(1, ceilDays(sla.getReviewReturn()));
  }

  /** Days the inspection takes at most after arrival ({@code openrma.sla.inspection}), at least one. */
  public long inspectionDays() {
    return Math.max(1, ceilDays(sla.getInspection()));
  }

  /** Where the vendored htmx is served ({@link PortalWebConfig#HTMX}). */
  public String htmx() {
    return "/returns/assets/" + PortalWebConfig.HTMX;
  }

  /** The status page's refresh ({@code openrma.portal.status-refresh}) as htmx's trigger, at least every second. */
  public String statusRefreshTrigger() {
    long seconds = brand.statusRefresh() == null ? 30 : Math.max(1, brand.statusRefresh().toSeconds());
    return "every " + seconds + "s";
  }

  /** {@code spring.servlet.multipart.max-file-size}, as {@code 10 MB}. */
  public String maxPhotoSize() {
    return size(uploads.getMaxFileSize());
  }

  /** {@code spring.servlet.multipart.max-request-size}, as {@code 51 MB}. */
  public String maxUploadSize() {
    return size(uploads.getMaxRequestSize());
  }

  private static String size(DataSize size) {
    return size.toMegabytes() > 0 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
  }

  static Locale supported(Locale locale) {
    return locale != null && Locale.GERMAN.getLanguage().equals(locale.getLanguage())
        ? Locale.GERMAN
        : Locale.ENGLISH;
  }

  /** A country for the currency format's symbol placement: Germany for German, else Ireland (euro, English). */
  private static Locale supportedWithCountry(Locale locale) {
    return supported(locale) == Locale.GERMAN ? Locale.GERMANY : Locale.forLanguageTag("en-IE");
  }

  private static long ceilDays(Duration duration) {
    return duration == null ? 1 : (duration.toHours() + 23) / 24;
  }
}
