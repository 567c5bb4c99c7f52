package io.openrma.portal;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The portal's language (English or German, from {@code Accept-Language}, switched with {@code ?lang=de} and
 * then kept in a cookie) and its CSS and script under {@code /returns/assets/}.
 */
@Configuration(proxyBeanMethods = false)
class PortalWebConfig implements WebMvcConfigurer {

  /** htmx, vendored from the npm package {@code htmx.org}: the status page's refresh (portal/status.html). */
  static final String HTMX = "htmx-2.0.11.min.js";

  /** Only the portal's languages: anything else is English, so a page never mixes two languages. */
  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver cookies = new CookieLocaleResolver("openrma-lang") {
      @Override
      public Locale resolveLocale(HttpServletRequest request) {
        return PortalPages.supported(super.resolveLocale(request));
      }

      @Override
      public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        super.setLocale(request, response, locale == null ? null : PortalPages.supported(locale));
      }
    };
    cookies.setDefaultLocaleFunction(request -> PortalPages.supported(request.getLocale()));
    cookies.setCookiePath("/returns");
    cookies.setCookieHttpOnly(true);
    return cookies;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change).addPathPatterns("/returns", "/returns/**");
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler("/returns/assets/**").addResourceLocations("classpath:/static/portal/");
    // the version is in the file's name, so a new htmx is a new address: browsers keep this one for a year
    registry.addResourceHandler("/returns/assets/htmx-*.min.js").addResourceLocations("classpath:/static/portal/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
  }
}
