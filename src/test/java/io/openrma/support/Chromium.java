package io.openrma.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.util.FileSystemUtils;

/**
 * Headless Debian Chromium driven by Debian's chromedriver ({@code apt-get install chromium
 * chromium-driver}). Both paths are given explicitly, so Selenium Manager never looks for (or
 * downloads) a browser or a driver. Override with {@code -Dopenrma.chromium=...} and
 * {@code -Dopenrma.chromedriver=...}.
 */
public final class Chromium implements AutoCloseable {

  public static final String BINARY = System.getProperty("openrma.chromium", "/usr/bin/chromium");
  public static final String DRIVER = System.getProperty("openrma.chromedriver", "/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;

  private Chromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** A fresh browser with its own empty profile; close it when done. */
  public static Chromium start() {
    for (String file : new String[]{BINARY, DRIVER}) {
      if (!Files.isExecutable(Path.of(file))) {
        throw new IllegalStateException(file + " is missing: browser tests need Debian's Chromium and its driver "
            + "(apt-get install -y chromium chromium-driver)");
      }
    }
    System.setProperty("webdriver.chrome.driver", DRIVER);
    Path profile;
    try {
      profile = Files.createTempDirectory("openrma-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,1600", "--user-data-dir=" + profile);
    // the console (CSP violations among it) for consoleErrors()
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(DRIVER).toFile())
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return new Chromium(driver, profile);
  }

  /** Quits the browser and deletes its profile. */
  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      FileSystemUtils.deleteRecursively(profile.toFile());
    }
  }

  /**
   * The console's errors since the last call (Chromium reports every Content-Security-Policy violation there, as
   * "Refused to ..."), each as its message.
   */
  public List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()
            || entry.getMessage().contains("Content Security Policy"))
        .map(LogEntry::getMessage)
        .toList();
  }

  /** Saves what the browser shows under {@code target/browser/NAME.png} and returns the file. */
  public Path screenshot(String name) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "browser"));
      Path file = dir.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
