package io.papi.broker.testing;

import io.papi.broker.refresh.Scheduler;
import io.papi.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;

/**
 * A {@link Scheduler} whose time is a {@link MutableClock}: planned tasks run only when a test {@link #advance}s the
 * clock past them. Exchanges still run on real threads (so callers can wait on them concurrently), and advancing
 * waits for them to finish before moving the clock on, so every exchange happens at a well-defined fake instant.
 */
public final class FakeScheduler implements Scheduler {
    private final MutableClock clock;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-scheduler-worker");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();
    private final List<Planned> planned = new ArrayList<>();

    private record Planned(Instant due, long order, Runnable task) {}

    public FakeScheduler(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(Runnable task) {
        running.incrementAndGet();
        workers.execute(() -> {
            try {
                task.run();
            } finally {
                running.decrementAndGet();
            }
        });
    }

    @Override
    public synchronized Task schedule(Duration delay, Runnable task) {
        Planned p = new Planned(clock.instant().plus(delay), sequence.incrementAndGet(), task);
        planned.add(p);
        return () -> {
            synchronized (FakeScheduler.this) {
                planned.remove(p);
            }
        };
    }

    /** Moves the clock by {@code by}, running every task that falls due on the way, each at its own instant. */
    public void advance(Duration by) {
        Instant target = clock.instant().plus(by);
        while (true) {
            awaitIdle();
            Planned next;
            synchronized (this) {
                next = planned.stream()
                        .filter(p -> !p.due().isAfter(target))
                        .min(Comparator.comparing(Planned::due).thenComparingLong(Planned::order))
                        .orElse(null);
                if (next != null) {
                    planned.remove(next);
                }
            }
            if (next == null) {
                break;
            }
            if (next.due().isAfter(clock.instant())) {
                clock.advance(Duration.between(clock.instant(), next.due()));
            }
            next.task().run();
        }
        if (target.isAfter(clock.instant())) {
            clock.advance(Duration.between(clock.instant(), target));
        }
        awaitIdle();
    }

    /** Waits until no exchange is running. */
    public void awaitIdle() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(2))
                .until(() -> running.get() == 0);
    }

    /** When the earliest planned task (other than the periodic key check) falls due; for assertions on timing. */
    public synchronized List<Instant> plannedInstants() {
        return planned.stream().map(Planned::due).sorted().toList();
    }

    @Override
    public void close() {
        synchronized (this) {
            planned.clear();
        }
        workers.shutdownNow();
    }
}
