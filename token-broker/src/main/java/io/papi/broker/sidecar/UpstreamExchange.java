package io.papi.broker.sidecar;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.util.Callback;

/** One request on an {@link UpstreamConnection}, and where its answer goes. Called on the connection's thread. */
interface UpstreamExchange {
    /** The request's bytes, from the start (a request may be sent again on another connection). */
    ByteBuffer request();

    /** A HEAD request: its answer has no body, whatever its headers say. */
    boolean head();

    /**
     * The answer's status and headers. False drops the answer: the connection closes, and the exchange answers its
     * caller itself (with a retry, say).
     */
    boolean headers(int status, HttpFields fields);

    /** A part of the body, valid until {@code written} is called; {@code last} when no more follows. */
    void content(ByteBuffer part, boolean last, Callback written);

    /** The whole answer was passed on; the connection is free again. */
    void completed();

    /** Passing the answer on failed (the caller went away); the connection is closed. */
    void abandoned(Throwable failure);

    /**
     * The request could not be sent or its answer not read (if its headers were passed on already, the caller's answer
     * breaks off). {@code resendable}: nothing came back on a connection that had served before, and it ended (not
     * timed out), so the endpoint may have closed it just as it was reused, and the request may go again on another.
     */
    void failed(Throwable failure, boolean resendable);
}
