package io.papi.broker.sidecar;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON writer the sidecar's answers share. */
final class Replies {
    static final ObjectMapper JSON = new ObjectMapper();

    private Replies() {
    }
}
