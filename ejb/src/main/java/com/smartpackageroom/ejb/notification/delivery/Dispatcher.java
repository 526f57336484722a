package com.smartpackageroom.ejb.notification.delivery;

import com.smartpackageroom.domain.notification.Channel;
import com.smartpackageroom.domain.notification.RetryPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers the outbox: every spr.notification.poll-interval each server instance claims due
 * messages (a claimed message is sent by that instance only), sends them outside any transaction
 * and writes each outcome at once. A failed try is retried with exponential backoff (see {@link
 * RetryPolicy}) until spr.notification.retry.window is over, then the message is FAILED; up to
 * spr.notification.senders messages go out at once, each sender over its own connection; a provider
 * that cannot be reached stops its channel for the run, its other messages untried. When it answers
 * again, the messages waiting for it are due at once.
 */
@Singleton
@Startup
@DependsOn("StartupCheck")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Dispatcher {

  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

  @Resource TimerService timers;

  @Resource ManagedExecutorService executor;

  @EJB DeliveryStore store;

  @Inject MailSender mail;

  @Inject SmsSender sms;

  @Inject
  @ConfigProperty(name = "spr.notification.poll-interval", defaultValue = "PT5S")
  Duration pollInterval;

  @Inject
  @ConfigProperty(name = "spr.notification.batch-size", defaultValue = "100")
  int batchSize;

  @Inject
  @ConfigProperty(name = "spr.notification.senders", defaultValue = "4")
  int senders;

  @Inject
  @ConfigProperty(name = "spr.notification.claim-lease", defaultValue = "PT2M")
  Duration lease;

  @Inject
  @ConfigProperty(name = "spr.notification.retry.initial-delay", defaultValue = "PT5S")
  Duration initialDelay;

  @Inject
  @ConfigProperty(name = "spr.notification.retry.max-delay-first-hour", defaultValue = "PT1M")
  Duration maxDelayFirstHour;

  @Inject
  @ConfigProperty(name = "spr.notification.retry.max-delay", defaultValue = "PT10M")
  Duration maxDelay;

  @Inject
  @ConfigProperty(name = "spr.notification.retry.window", defaultValue = "PT24H")
  Duration window;

  private final AtomicBoolean running = new AtomicBoolean();

  /** Channels whose provider did not answer at this instance's last try. */
  private final Set<Channel> unreachable = ConcurrentHashMap.newKeySet();

  private RetryPolicy policy;

  @PostConstruct
  void start() {
    policy = new RetryPolicy(initialDelay, maxDelayFirstHour, maxDelay, window);
    if (batchSize < 1 || senders < 1 || pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalStateException(
          "spr.notification.batch-size, senders and poll-interval must be positive");
    }
    if (lease.compareTo(Duration.ofSeconds(30)) < 0) {
      throw new IllegalStateException("spr.notification.claim-lease must be at least 30 seconds");
    }
    long millis = pollInterval.toMillis();
    timers.createIntervalTimer(millis, millis, new TimerConfig("notification-dispatcher", false));
  }

  @Timeout
  void tick() {
    if (!running.compareAndSet(false, true)) {
      return; // the previous run is still sending
    }
    try {
      run();
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "The notification dispatcher's run failed; the next run tries again", e);
    } finally {
      running.set(false);
    }
  }

  /** Sends what is due now, batch after batch; returns how many messages were tried. */
  int run() {
    Set<Channel> channels = ConcurrentHashMap.newKeySet();
    if (mail.configured()) {
      channels.add(Channel.EMAIL);
    }
    if (sms.configured()) {
      channels.add(Channel.SMS);
    }
    int tried = 0;
    long runEnds = System.nanoTime() + lease.toNanos() / 2;
    while (!channels.isEmpty() && System.nanoTime() < runEnds) {
      String token = UUID.randomUUID().toString();
      List<Outgoing> batch = store.claim(channels, batchSize, lease, token);
      if (batch.isEmpty()) {
        break;
      }
      long batchEnds = Math.min(runEnds, System.nanoTime() + lease.toNanos() / 2);
      List<Outgoing> emails = new ArrayList<>();
      List<Outgoing> texts = new ArrayList<>();
      batch.forEach(m -> (m.channel() == Channel.EMAIL ? emails : texts).add(m));
      // each sender works through its share of the batch over a connection of its own
      List<Callable<Integer>> work = new ArrayList<>();
      for (List<Outgoing> share : shares(emails)) {
        work.add(() -> sendEmails(share, token, batchEnds, channels));
      }
      for (List<Outgoing> share : shares(texts)) {
        work.add(() -> sendTexts(share, token, batchEnds, channels));
      }
      tried += runAll(work);
    }
    return tried;
  }

  private List<List<Outgoing>> shares(List<Outgoing> messages) {
    List<List<Outgoing>> shares = new ArrayList<>();
    int size = Math.max(1, (messages.size() + senders - 1) / senders);
    for (int from = 0; from < messages.size(); from += size) {
      shares.add(messages.subList(from, Math.min(messages.size(), from + size)));
    }
    return shares;
  }

  private int runAll(List<Callable<Integer>> work) {
    int tried = 0;
    try {
      if (work.size() == 1) {
        return work.get(0).call();
      }
      for (Future<Integer> done : executor.invokeAll(work)) {
        tried += done.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // the other senders' outcomes are written; this sender's claims run out after their lease
      LOG.log(Level.WARNING, "A notification sender failed", e.getCause());
    } catch (Exception e) {
      LOG.log(Level.WARNING, "A notification sender failed", e);
    }
    return tried;
  }

  private int sendEmails(List<Outgoing> emails, String token, long ends, Set<Channel> channels) {
    if (emails.isEmpty()) {
      return 0;
    }
    MailSender.Connection connection;
    try {
      connection = mail.connect();
    } catch (MessagingException e) {
      Outcome down =
          new Outcome.Unreachable("the mail server cannot be reached: " + e.getMessage());
      store.record(emails.get(0).id(), token, down, policy);
      givenUp(Channel.EMAIL, emails.subList(1, emails.size()), token, channels, down);
      return 1;
    }
    try (connection) {
      return sendAll(emails, token, ends, channels, connection::send);
    }
  }

  private int sendTexts(List<Outgoing> texts, String token, long ends, Set<Channel> channels) {
    return texts.isEmpty() ? 0 : sendAll(texts, token, ends, channels, sms::send);
  }

  private interface Sender {
    Outcome send(Outgoing message);
  }

  private int sendAll(
      List<Outgoing> messages, String token, long ends, Set<Channel> channels, Sender sender) {
    for (int i = 0; i < messages.size(); i++) {
      Outgoing message = messages.get(i);
      if (System.nanoTime() > ends) {
        // the claim must not run out while its messages are still being sent
        store.release(ids(messages.subList(i, messages.size())), token);
        return i;
      }
      Outcome outcome =
          message.text() == null
              ? new Outcome.Failed(
                  message.unsendable() != null
                      ? message.unsendable()
                      : "the key this message announces was deleted before it could be sent",
                  true)
              : sender.send(message);
      store.record(message.id(), token, outcome, policy);
      if (outcome instanceof Outcome.Unreachable) {
        givenUp(
            message.channel(), messages.subList(i + 1, messages.size()), token, channels, outcome);
        return i + 1;
      }
      if (outcome instanceof Outcome.Sent && unreachable.remove(message.channel())) {
        int due = store.bringForward(message.channel());
        LOG.info(
            () ->
                message.channel()
                    + " provider answers again; "
                    + due
                    + " waiting messages are due now");
      }
    }
    return messages.size();
  }

  private void givenUp(
      Channel channel, List<Outgoing> rest, String token, Set<Channel> channels, Outcome why) {
    store.release(ids(rest), token);
    channels.remove(channel);
    if (unreachable.add(channel)) {
      LOG.warning(() -> channel + " not delivered for now: " + ((Outcome.Unreachable) why).error());
    }
  }

  private static List<Long> ids(List<Outgoing> messages) {
    return messages.stream().map(Outgoing::id).toList();
  }
}
