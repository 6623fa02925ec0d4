package io.ysh.queue.conformance;

import io.ysh.queue.ReceivedMessage;
import io.ysh.queue.Subscription;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The consumer that {@link QueueCrashRecovery} kills: run in a JVM of its own, it receives a
 * known number of messages, acks some of them as they arrive, holds the rest, reports everything
 * on stdout and then waits to be killed with SIGKILL. It never nacks and never closes its
 * subscription: what it holds must come back to the next consumer by the provider's own means
 * (ack deadline, session timeout, dead connection).
 *
 * <p>Arguments: {@code <subscription URL> <messages to receive> <acks>}, where {@code acks} is
 * {@code even} (ack the messages whose body ends in an even number, hold the odd ones) or
 * {@code none}. Bodies are {@code <anything>-<number>}. Output, one line each: {@code RECEIVED
 * <body> <attempt>} per delivery, {@code ACKED <body>} once {@code ack()} returned, and finally
 * {@code HOLDING <n>} when every expected message arrived ({@code FAILED <reason>} and exit code
 * 2 when they do not within 120 s). A driver whose subscription cannot be opened by URL alone has
 * a main of its own that calls {@link #run(String[], Function)}.
 */
public final class CrashingConsumer {

  private static final Duration RECEIVE_FOR = Duration.ofSeconds(120);

  private CrashingConsumer() {}

  /**
   * Opens the subscription with {@link Subscription#open(String)} and runs.
   *
   * @param args {@code <subscription URL> <messages to receive> <even|none>}
   */
  public static void main(String[] args) {
    run(args, Subscription::open);
  }

  /**
   * Runs with a subscription opened by {@code open} from the URL argument; never returns unless
   * it fails (then the JVM exits with code 2).
   *
   * @param args {@code <subscription URL> <messages to receive> <even|none>}
   * @param open opens the subscription
   */
  public static void run(String[] args, Function<String, Subscription> open) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (args.length != 3 || !(args[2].equals("even") || args[2].equals("none"))) {
      out.println("FAILED usage: <subscription URL> <messages to receive> <even|none>");
      System.exit(2);
    }
    int expected = Integer.parseInt(args[1]);
    boolean ackEven = args[2].equals("even");
    Subscription sub = open.apply(args[0]); // never closed: closing would nack what is held
    Set<String> seen = new HashSet<>();
    long end = System.nanoTime() + RECEIVE_FOR.toNanos();
    try {
      while (seen.size() < expected) {
        if (System.nanoTime() - end > 0) {
          out.println("FAILED received " + seen.size() + " of " + expected + " distinct messages within " + RECEIVE_FOR);
          System.exit(2);
        }
        for (ReceivedMessage m : sub.receive(Math.max(1, expected - seen.size()), Duration.ofSeconds(1))) {
          String body = m.bodyAsString();
          seen.add(body);
          out.println("RECEIVED " + body + " " + m.deliveryAttempt());
          if (ackEven && number(body) % 2 == 0) {
            m.ack(); // acked as it arrives, well within the ack deadline
            out.println("ACKED " + body);
          }
        }
      }
      out.println("HOLDING " + seen.size());
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      out.println("FAILED " + e);
      e.printStackTrace(out);
      System.exit(2);
    }
  }

  /** The number at the end of a body {@code <anything>-<number>}. */
  static int number(String body) {
    return Integer.parseInt(body.substring(body.lastIndexOf('-') + 1));
  }
}
