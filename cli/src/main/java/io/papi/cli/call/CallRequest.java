package io.papi.cli.call;

import io.papi.cli.PapiException;
import io.papi.serving.LoopbackNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The request of {@code papi call}, read the way curl reads its flags: {@code -X METHOD}, {@code -d DATA} (text,
 * {@code @FILE}, or {@code @-} for stdin; makes the method POST and the type {@code application/x-www-form-urlencoded}
 * unless given), {@code -H 'Name: value'}. The token goes into {@code Authorization}; a session token is never sent
 * over plain http to another machine.
 */
public final class CallRequest {
    private final HttpUrl url;
    private final String method;
    private final byte[] body;
    private final List<String[]> headers;

    private CallRequest(HttpUrl url, String method, byte[] body, List<String[]> headers) {
        this.url = url;
        this.method = method;
        this.body = body;
        this.headers = headers;
    }

    /** @throws PapiException (usage) saying which part is wrong and how to write it */
    public static CallRequest parse(
            String urlText, String method, String data, List<String> headerTexts, InputStream stdin) {
        HttpUrl url = url(urlText);
        List<String[]> headers = new ArrayList<>();
        boolean hasType = false;
        for (String text : headerTexts) {
            int colon = text.indexOf(':');
            String name = colon > 0 ? text.substring(0, colon).trim() : "";
            if (name.isEmpty() || !name.chars().allMatch(c -> c > ' ' && c < 127 && c != ':')) {
                throw PapiException.usage("-H '" + text + "' is not a header: write it as 'Name: value'");
            }
            if (name.equalsIgnoreCase("Authorization")) {
                throw PapiException.usage(
                        "-H Authorization: papi call sends the session token itself; drop that header");
            }
            hasType |= name.equalsIgnoreCase("Content-Type");
            headers.add(new String[] {name, text.substring(colon + 1).trim()});
        }
        byte[] body = data == null ? null : data(data, stdin);
        if (body != null && !hasType) {
            headers.add(new String[] {"Content-Type", "application/x-www-form-urlencoded"});
        }
        String verb = method != null ? method.trim().toUpperCase(Locale.ROOT) : body != null ? "POST" : "GET";
        if (!verb.matches("[A-Z]+")) {
            throw PapiException.usage("-X '" + method + "' is not an HTTP method such as GET or POST");
        }
        if (body != null && (verb.equals("GET") || verb.equals("HEAD"))) {
            throw PapiException.usage("-d sends a body, which " + verb + " cannot carry: use -X POST (or drop -X)");
        }
        return new CallRequest(url, verb, body, headers);
    }

    /** The request with {@code token} in its Authorization header. */
    public Request with(CallToken token) {
        Request.Builder request = new Request.Builder().url(url);
        headers.forEach(h -> request.addHeader(h[0], h[1]));
        request.header("Authorization", token.authorization());
        RequestBody requestBody = body != null
                ? RequestBody.create(body, (MediaType) null)
                : requiresBody(method) ? RequestBody.create(new byte[0], (MediaType) null) : null;
        request.method(method, requestBody);
        return request.build();
    }

    public HttpUrl url() {
        return url;
    }

    public String method() {
        return method;
    }

    /** host[:port], which the session token's scope names when no endpoint is configured. */
    public String endpoint() {
        boolean defaultPort = url.port() == HttpUrl.defaultPort(url.scheme());
        return defaultPort ? url.host() : url.host() + ":" + url.port();
    }

    private static boolean requiresBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    private static HttpUrl url(String text) {
        HttpUrl url = HttpUrl.parse(text.trim());
        if (url == null) {
            throw PapiException.usage("'" + text + "' is not an http(s) URL such as https://<ingress host>/customer/1");
        }
        if (url.scheme().equals("http") && !LoopbackNames.isLoopbackHost(url.host())) {
            throw PapiException.usage("refusing to send a session token over plain http to " + url.host()
                    + ": use https " + "(http is accepted for loopback only)");
        }
        return url;
    }

    private static byte[] data(String data, InputStream stdin) {
        if (!data.startsWith("@")) {
            return data.getBytes(StandardCharsets.UTF_8);
        }
        String name = data.substring(1);
        try {
            return name.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(name));
        } catch (NoSuchFileException e) {
            throw PapiException.usage("-d " + data + ": file " + name + " does not exist");
        } catch (IOException e) {
            throw PapiException.usage("-d " + data + ": cannot read " + name + ": " + e.getMessage());
        }
    }
}
