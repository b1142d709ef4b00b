package io.papi.api;

/**
 * A {@link RecommendationStore} could not answer. The API turns it into 503 and counts it in
 * {@code papi_store_errors_total}; the message is logged, never sent to the caller, and must hold no secret.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
