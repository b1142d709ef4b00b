package io.papi.broker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Several identities, each with its own {@link RefreshingTokenSource} refreshing on its own schedule. Callers pick
 * one by name; with a single identity the name may be left out.
 */
public final class TokenBroker implements AutoCloseable {
    private final Map<String, RefreshingTokenSource> sources = new LinkedHashMap<>();
    private final Clock clock;

    /**
     * @param sources at least one, with distinct identity names, in the order they are listed
     * @param clock the clock readiness is judged by
     */
    public TokenBroker(List<RefreshingTokenSource> sources, Clock clock) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a broker needs at least one identity");
        }
        for (RefreshingTokenSource source : sources) {
            if (this.sources.putIfAbsent(source.identity().name(), source) != null) {
                throw new IllegalArgumentException(
                        "identity " + source.identity().name() + " is given twice: give each identity its own name");
            }
        }
        this.clock = clock;
    }

    /** Starts every identity's first exchange; does not wait for them. */
    public void start() {
        sources.values().forEach(RefreshingTokenSource::start);
    }

    /** The identities' names, in the order given. */
    public List<String> identities() {
        return List.copyOf(sources.keySet());
    }

    public List<RefreshingTokenSource> sources() {
        return List.copyOf(sources.values());
    }

    /**
     * The source of the identity {@code name}, or of the only identity when {@code name} is empty.
     *
     * @throws IllegalArgumentException naming the known identities, when the name is unknown or needed
     */
    public RefreshingTokenSource source(Optional<String> name) {
        if (name.isEmpty()) {
            if (sources.size() == 1) {
                return sources.values().iterator().next();
            }
            throw new IllegalArgumentException("this broker holds several identities ("
                    + String.join(", ", sources.keySet()) + "): name one with identity=NAME");
        }
        RefreshingTokenSource source = sources.get(name.get());
        if (source == null) {
            throw new IllegalArgumentException(
                    "unknown identity '" + name.get() + "': this broker holds " + String.join(", ", sources.keySet()));
        }
        return source;
    }

    /** The source of identity {@code name}. @throws IllegalArgumentException when there is none */
    public RefreshingTokenSource source(String name) {
        return source(Optional.of(name));
    }

    /** True when every identity holds a token valid for more than the policy's ready margin (60 s by default). */
    public boolean ready() {
        Instant now = clock.instant();
        return sources.values().stream()
                .allMatch(s -> s.status().validFor(s.policy().readyMargin(), now));
    }

    public List<TokenStatus> status() {
        return sources.values().stream().map(RefreshingTokenSource::status).toList();
    }

    /**
     * Reads every identity's key file again (SIGHUP). Every identity is tried even when one fails.
     *
     * @throws KeyFileException with the first failure's message; the identities that failed keep their old key
     */
    public void reloadKeys() {
        List<KeyFileException> failures = new ArrayList<>();
        for (RefreshingTokenSource source : sources.values()) {
            try {
                source.reloadKey();
            } catch (KeyFileException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            KeyFileException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    /**
     * Waits for every identity to hold a token, for at most {@code timeout} in all; identities whose refresh fails
     * permanently stop the wait early.
     *
     * @return the tokens by identity; an identity without a token is missing
     */
    public Map<String, SessionToken> awaitTokens(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, SessionToken> tokens = new LinkedHashMap<>();
        for (RefreshingTokenSource source : sources.values()) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            source.awaitToken(left).ifPresent(t -> tokens.put(source.identity().name(), t));
        }
        return tokens;
    }

    @Override
    public void close() {
        sources.values().forEach(RefreshingTokenSource::close);
    }
}
