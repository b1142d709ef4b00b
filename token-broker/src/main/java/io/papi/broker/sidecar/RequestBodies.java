package io.papi.broker.sidecar;

import java.io.IOException;
import java.io.InputStream;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * A caller's request body on its way to the endpoint. Bodies up to {@link #REPLAYABLE_BYTES} are held in memory, so
 * the request can be sent again after a 401 with a fresh token; longer ones are streamed through once (and a 401 on
 * them is relayed as it is).
 */
public final class RequestBodies {
    /** Bodies up to 1 MiB can be replayed. */
    public static final int REPLAYABLE_BYTES = 1024 * 1024;

    /** No body at all (a GET without Content-Length or Transfer-Encoding). */
    public static final RequestBodies NONE = new RequestBodies(new byte[0], null, 0);

    private final byte[] head;
    private final InputStream rest;
    private final long contentLength;

    private RequestBodies(byte[] head, InputStream rest, long contentLength) {
        this.head = head;
        this.rest = rest;
        this.contentLength = contentLength;
    }

    /**
     * Reads up to {@link #REPLAYABLE_BYTES} of {@code in}.
     *
     * @param declaredLength the caller's {@code Content-Length}, or -1
     */
    public static RequestBodies read(InputStream in, long declaredLength) throws IOException {
        byte[] head = in.readNBytes(REPLAYABLE_BYTES + 1);
        if (head.length <= REPLAYABLE_BYTES) {
            return new RequestBodies(head, null, head.length);
        }
        return new RequestBodies(head, in, declaredLength);
    }

    public boolean isEmpty() {
        return rest == null && head.length == 0;
    }

    /** True when the whole body is in memory and can be sent twice. */
    public boolean replayable() {
        return rest == null;
    }

    /** The body for OkHttp (no content type: the caller's {@code Content-Type} header is forwarded as it is). */
    public RequestBody toRequestBody() {
        if (rest == null) {
            return RequestBody.create(head, (MediaType) null);
        }
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return null;
            }

            @Override
            public long contentLength() {
                return contentLength;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.write(head);
                try (Source source = Okio.source(rest)) {
                    sink.writeAll(source);
                }
            }
        };
    }
}
