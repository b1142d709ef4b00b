package io.papi.broker.sidecar;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * One kept-alive HTTP/1.1 connection to the endpoint: it sends one request without a body at a time, parses the
 * answer with Jetty's parser and hands it to the {@link UpstreamExchange} part by part, reading on only when the
 * exchange has passed the last part on. Runs on the selector thread that serves the endpoint's socket (the proxy
 * listener's own), never blocking.
 */
final class UpstreamConnection extends AbstractConnection.NonBlocking implements HttpParser.ResponseHandler {
    /** Largest answer head (status line and headers) accepted from the endpoint. */
    static final int MAX_HEAD_BYTES = 32 * 1024;

    private static final int BUFFER_BYTES = 16 * 1024;
    private static final int NOT_WRITING = 0;
    private static final int WRITING = 1;
    private static final int PARKED = 2;
    private static final int WRITTEN = 3;

    private final UpstreamPool pool;
    private final HttpParser parser;
    private final ByteBuffer buffer = BufferUtil.allocateDirect(BUFFER_BYTES);
    private final Callback partWritten =
            Callback.from(Invocable.InvocationType.NON_BLOCKING, this::written, this::notWritten);
    private final AtomicInteger write = new AtomicInteger(NOT_WRITING);

    /**
     * The request being answered; null while the connection waits in the pool. Whoever takes it out (the answer's
     * end, a failure on either thread) answers it, once.
     */
    private final AtomicReference<UpstreamExchange> exchange = new AtomicReference<>();

    private volatile int served;
    /** The exchange the parser's callbacks serve, set before each parse. */
    private UpstreamExchange parsing;

    private int status;
    /** The answer asks for the connection to end after it: {@code Connection: close}, or HTTP/1.0 without keep-alive. */
    private boolean closeAfter;
    /** The parser gave up after the headers (a broken chunk, say), or a callback of ours threw. */
    private boolean broken;

    private HttpFields.Mutable fields;
    private boolean dropped;
    private boolean complete;
    private volatile Throwable writeFailure;
    /** Why the transport below gave up (a failed TLS handshake), when it says. */
    private volatile Throwable transportFailure;

    /** The request this connection was opened for. */
    private UpstreamExchange first;

    UpstreamConnection(EndPoint endPoint, Executor executor, UpstreamPool pool, UpstreamExchange first) {
        super(endPoint, executor);
        this.pool = pool;
        this.first = first;
        this.parser = new HttpParser(this, MAX_HEAD_BYTES, HttpCompliance.RFC9110);
    }

    @Override
    public void onOpen() {
        super.onOpen();
        getEndPoint().setIdleTimeout(pool.timeoutMillis());
        UpstreamExchange opener = first;
        first = null;
        pool.opened(this);
        fillInterested(); // kept from here on whenever no read is under way: the answer, or the endpoint's close
        send(opener);
    }

    /** Sends {@code next}'s request; the answer comes to it. */
    void send(UpstreamExchange next) {
        served++;
        status = 0;
        fields = HttpFields.build();
        dropped = false;
        complete = false;
        closeAfter = false;
        broken = false;
        writeFailure = null;
        parser.setHeadResponse(next.head());
        exchange.set(next);
        getEndPoint()
                .write(
                        Callback.from(Invocable.InvocationType.NON_BLOCKING, () -> {}, x -> failed(next, x)),
                        next.request());
    }

    /** True when this connection served a request before the one in hand: it may have been closed by the endpoint meanwhile. */
    boolean reused() {
        return served > 1;
    }

    @Override
    public void onFillable() {
        process();
    }

    private void process() {
        while (true) {
            UpstreamExchange current = exchange.get();
            if (current == null) {
                idleRead();
                return;
            }
            // parsed even when nothing new came: a body that ended with the last part written completes here
            parsing = current;
            parser.parseNext(buffer);
            if (exchange.get() != current) {
                return; // failed while parsing
            }
            if (broken || (parser.isTerminated() && !complete)) {
                failed(
                        current,
                        parser.isAtEOF()
                                ? new EOFException("the endpoint closed the connection before its answer ended")
                                : new IOException("the endpoint's answer broke off: it is not valid HTTP/1.1"));
                return;
            }
            if (dropped) {
                exchange.compareAndSet(current, null);
                close();
                return;
            }
            if (write.get() != NOT_WRITING) {
                if (write.compareAndSet(WRITING, PARKED)) {
                    return; // written() carries on
                }
                write.set(NOT_WRITING);
                if (writeFailure != null) {
                    abandon(current, writeFailure);
                    return;
                }
                continue;
            }
            if (complete) {
                finish(current);
                return;
            }
            if (BufferUtil.hasContent(buffer)) {
                continue;
            }
            if (parser.isAtEOF()) {
                failed(current, new EOFException("the endpoint closed the connection before its answer ended"));
                return;
            }
            int filled;
            try {
                if (BufferUtil.space(buffer) == 0) {
                    BufferUtil.compact(buffer);
                }
                filled = getEndPoint().fill(buffer);
            } catch (IOException e) {
                failed(current, e);
                return;
            }
            if (filled == 0) {
                fillInterested();
                return;
            }
            if (filled < 0) {
                parser.atEOF();
            }
        }
    }

    /** A pooled connection reads only to learn that the endpoint closed it. */
    private void idleRead() {
        try {
            if (getEndPoint().fill(buffer) == 0) {
                fillInterested();
                return;
            }
        } catch (IOException ignored) {
            // closed below
        }
        close();
    }

    private void finish(UpstreamExchange done) {
        if (!exchange.compareAndSet(done, null)) {
            return; // failed meanwhile, and answered so
        }
        boolean reusable = !closeAfter
                && !parser.isClose()
                && !parser.isAtEOF()
                && !BufferUtil.hasContent(buffer)
                && getEndPoint().isOpen();
        parser.reset();
        BufferUtil.clear(buffer);
        if (reusable) {
            fillInterested();
            pool.release(this);
        } else {
            close();
        }
        done.completed();
    }

    private void written() {
        if (!write.compareAndSet(WRITING, WRITTEN)) {
            write.set(NOT_WRITING);
            process();
        }
    }

    private void notWritten(Throwable failure) {
        writeFailure = failure;
        if (!write.compareAndSet(WRITING, WRITTEN)) {
            write.set(NOT_WRITING);
            UpstreamExchange current = exchange.get();
            if (current != null) {
                abandon(current, failure);
            }
        }
    }

    /** The caller went away mid-answer: this connection's answer cannot be finished, so it is closed. */
    private void abandon(UpstreamExchange current, Throwable failure) {
        boolean mine = exchange.compareAndSet(current, null);
        close();
        if (mine) {
            current.abandoned(failure);
        }
    }

    private void failed(Throwable failure) {
        UpstreamExchange current = exchange.get();
        if (current != null) {
            failed(current, failure);
        } else {
            close();
        }
    }

    /** {@code which} failed, if it is still this connection's: it is answered once, and the connection closed. */
    private void failed(UpstreamExchange which, Throwable failure) {
        boolean mine = exchange.compareAndSet(which, null);
        close();
        if (mine) {
            which.failed(failure, resendable(failure));
        }
    }

    /**
     * Nothing came back on a connection that had served before, and it ended (not timed out): the endpoint may have
     * closed it just as the request went out, so the request may go again on another connection.
     */
    private boolean resendable(Throwable failure) {
        return reused() && !parserStarted() && !(failure instanceof TimeoutException);
    }

    private boolean parserStarted() {
        return status != 0;
    }

    @Override
    public boolean onIdleExpired(TimeoutException timeout) {
        UpstreamExchange current = exchange.get();
        if (current != null) {
            failed(current, timeout);
            return true;
        }
        // idle in the pool: closed only if no request is taking it this very moment
        if (pool.removeIdle(this)) {
            close();
            return true;
        }
        return false;
    }

    /** The layer below (TLS) failed for {@code failure}; the close that follows reports it. */
    void transportFailed(Throwable failure) {
        transportFailure = failure;
    }

    @Override
    public void onClose(Throwable cause) {
        super.onClose(cause);
        UpstreamExchange current = exchange.getAndSet(null);
        pool.closed(this);
        if (current != null) {
            Throwable why = cause != null ? cause : transportFailure;
            Throwable failure = why != null ? why : new EOFException("the connection to the endpoint closed");
            current.failed(failure, resendable(failure));
        }
    }

    // HttpParser.ResponseHandler, called from parseNext on the connection's thread

    @Override
    public void startResponse(HttpVersion version, int status, String reason) {
        this.status = status;
        // HTTP/1.0 ends the connection after the answer unless it says keep-alive (Jetty's parser leaves this to us)
        this.closeAfter = version != HttpVersion.HTTP_1_1;
    }

    @Override
    public void parsedHeader(HttpField field) {
        if (field.getHeader() == HttpHeader.CONNECTION) {
            if (field.contains(HttpHeaderValue.CLOSE.asString())) {
                closeAfter = true;
            } else if (field.contains(HttpHeaderValue.KEEP_ALIVE.asString())) {
                closeAfter = false;
            }
        }
        fields.add(field);
    }

    @Override
    public boolean headerComplete() {
        if (status >= 100 && status < 200 && status != 101) {
            return false; // an interim answer: its end resets the parser for the real one
        }
        boolean relayed;
        try {
            relayed = parsing.headers(status, fields);
        } catch (RuntimeException e) {
            broken = true;
            return true;
        }
        if (!relayed) {
            dropped = true;
            return true;
        }
        return false;
    }

    @Override
    public boolean content(ByteBuffer part) {
        boolean last = !parser.isChunking()
                && parser.getContentLength() >= 0
                && parser.getContentRead() >= parser.getContentLength();
        write.set(WRITING);
        try {
            parsing.content(part, last, partWritten);
        } catch (RuntimeException e) {
            write.set(NOT_WRITING);
            broken = true;
        }
        return true;
    }

    @Override
    public boolean contentComplete() {
        return false;
    }

    @Override
    public boolean messageComplete() {
        if (status >= 100 && status < 200 && status != 101) {
            parser.reset();
            parser.setHeadResponse(parsing.head()); // reset() forgets it
            fields = HttpFields.build();
            status = 0;
            return false;
        }
        complete = true;
        return true;
    }

    @Override
    public void earlyEOF() {
        broken = true; // the end came, or the parser gave up, before the answer was whole: process() fails it
    }

    @Override
    public void badMessage(HttpException failure) {
        failed(new IOException("the endpoint's answer is not valid HTTP/1.1: " + failure.getReason()));
    }
}
