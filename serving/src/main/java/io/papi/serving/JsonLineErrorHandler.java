package io.papi.serving;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * papi's one handler for the errors Jetty raises before any handler runs (a malformed request line, headers over the
 * limit, a body over the limit): one JSON line, {@code {"error":"...","reason":"..."}}, like every other papi refusal.
 * Server errors never show their cause. A server whose refusals have another shape overrides {@link #body} (and
 * {@link #describe} for its own wording); the response itself is written here only.
 */
public class JsonLineErrorHandler extends ErrorHandler {

    /** Jetty's own reason is cut to this many characters. */
    private static final int REASON_CHARS = 120;

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        byte[] body = body(code, message).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** The JSON text answered for {@code status}: {@code {"error":<describe>,"reason":<label>}}. */
    protected String body(int status, String message) {
        return JsonLine.error(describe(status, message), reason(status));
    }

    /** One line naming the problem and the fix. */
    protected String describe(int status, String message) {
        String what = switch (status) {
            case 400 -> "bad request";
            case 413 -> "request body too large";
            case 414 -> "request URI too long";
            case 431 -> "request headers too large: send fewer or smaller headers";
            default -> HttpStatus.getMessage(status);
        };
        if (status >= 500 || message == null || message.isBlank() || status == 431) {
            return what;
        }
        String said = shortened(message);
        return said.equalsIgnoreCase(what) ? what : what + ": " + said;
    }

    /** Jetty's reason, cut to {@value #REASON_CHARS} characters and an ellipsis when longer. */
    protected static String shortened(String message) {
        return message.length() > REASON_CHARS ? message.substring(0, REASON_CHARS) + "..." : message;
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 413 -> "body_too_large";
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            default -> status >= 500 ? "internal" : "http_" + status;
        };
    }
}
