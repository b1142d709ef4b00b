package io.papi.api.http;

import io.papi.serving.JsonLineErrorHandler;
import org.eclipse.jetty.http.HttpStatus;

/**
 * Answers the errors Jetty raises itself, before any route runs (a malformed request line, a URI or header
 * block over the size limit, an ambiguous URI), as {@code {"error": "..."}} rather than Jetty's HTML page: the
 * serving module's handler, with the API's body shape and wording. Server errors never show their cause.
 */
public final class JsonErrorHandler extends JsonLineErrorHandler {

    @Override
    protected String body(int status, String message) {
        return Json.errorText(describe(status, message));
    }

    /** One line naming the problem and the fix; Jetty's own reason is kept when it says more. */
    @Override
    protected String describe(int status, String reason) {
        String what = switch (status) {
            case 400 -> "bad request";
            case 414 -> "request URI too long: ask for at most 100 ids per request, comma-separated";
            case 431 -> "request headers too large: send fewer or smaller headers";
            default -> HttpStatus.getMessage(status);
        };
        if (status >= 500 || reason == null || reason.isBlank() || status == 414 || status == 431) {
            return what;
        }
        if (status == 400 && reason.equalsIgnoreCase(HttpStatus.getMessage(400))) {
            // Jetty's URI parser refuses a NUL, a control character or a malformed %-escape without saying which
            return "bad request: the URL could not be parsed; percent-escapes are % and two hex digits, and no "
                    + "NUL or control characters are allowed (ids are comma-separated, at most 100)";
        }
        return what + ": " + shortened(reason);
    }
}
