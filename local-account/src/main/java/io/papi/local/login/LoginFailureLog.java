package io.papi.local.login;

import io.papi.local.LoginFailure;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The most recent login failures, by UUID; the oldest is forgotten when the log is full. */
public final class LoginFailureLog {
    private final int capacity;
    private final Map<String, LoginFailure> failures;

    public LoginFailureLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("login failure log capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.failures = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, LoginFailure> eldest) {
                return size() > LoginFailureLog.this.capacity;
            }
        };
    }

    public synchronized void add(LoginFailure failure) {
        failures.put(failure.uuid(), failure);
    }

    public synchronized Optional<LoginFailure> find(String uuid) {
        return Optional.ofNullable(uuid == null ? null : failures.get(uuid.trim()));
    }

    public synchronized int size() {
        return failures.size();
    }

    public int capacity() {
        return capacity;
    }
}
