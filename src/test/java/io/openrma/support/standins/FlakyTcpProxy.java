package io.openrma.support.standins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on a random loopback port in front of a real server (GreenMail's SMTP), that can reset
 * the next connections the way a broken network does: accepted, then closed with a RST before a word
 * was said. Or it can accept and stay silent, to make a client time out.
 */
public final class FlakyTcpProxy implements AutoCloseable {

  private final ServerSocket server;
  private final int targetPort;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "flaky-proxy");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicInteger resets = new AtomicInteger();
  private final AtomicInteger silences = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();

  public FlakyTcpProxy(int targetPort) {
    this.targetPort = targetPort;
    try {
      server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    threads.execute(this::accept);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** The next {@code count} connections are reset right after they are accepted. */
  public void resetNext(int count) {
    resets.set(count);
  }

  /** The next {@code count} connections are accepted and never answered. */
  public void silenceNext(int count) {
    silences.set(count);
  }

  /** Connections accepted so far, failed ones included. */
  public int connections() {
    return connections.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        connections.incrementAndGet();
        if (resets.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          client.setSoLinger(true, 0); // RST instead of FIN
          client.close();
          continue;
        }
        if (silences.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          threads.execute(() -> holdSilently(client));
          continue;
        }
        Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        threads.execute(() -> pipe(client, target));
        threads.execute(() -> pipe(target, client));
      } catch (IOException e) {
        if (server.isClosed()) {
          return;
        }
      }
    }
  }

  private static void holdSilently(Socket client) {
    try (client; InputStream in = client.getInputStream()) {
      while (in.read() >= 0) {
        // swallow whatever the client says, answer nothing
      }
    } catch (IOException ignored) {
      // the client gave up
    }
  }

  private static void pipe(Socket from, Socket to) {
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException ignored) {
      // one side closed
    } finally {
      try {
        to.close();
        from.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    threads.shutdownNow();
  }
}
