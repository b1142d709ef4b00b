package io.papi.broker.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an error body from the token endpoint says, in either shape it comes in: Snowflake's own
 * {@code {"data":null,"code":"390144","message":"JWT token is invalid. [<uuid>]","success":false,"headers":null}}
 * or OAuth's {@code {"error":"invalid_grant","error_description":"..."}}. Anything else yields an empty body.
 */
public record ErrorBody(
        Optional<String> code, Optional<String> message, Optional<String> error, Optional<String> errorDescription) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REFERENCE = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    public static ErrorBody parse(String body) {
        JsonNode node;
        try {
            node = body.isBlank() ? null : JSON.readTree(body);
        } catch (Exception e) { // not JSON: an HTML page, plain text
            node = null;
        }
        if (node == null || !node.isObject()) {
            return new ErrorBody(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
        return new ErrorBody(
                scalar(node, "code"),
                scalar(node, "message"),
                scalar(node, "error"),
                scalar(node, "error_description"));
    }

    private static Optional<String> scalar(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null
                        && value.isValueNode()
                        && !value.isNull()
                        && !value.asText().isBlank()
                ? Optional.of(value.asText())
                : Optional.empty();
    }

    /** True when the body is Snowflake's or OAuth's error shape rather than a token. */
    public boolean isError() {
        return code.isPresent() || error.isPresent();
    }

    /** The request id Snowflake puts in brackets at the end of its message, which an admin looks up. */
    public Optional<String> reference() {
        return message.map(REFERENCE::matcher).filter(Matcher::find).map(Matcher::group);
    }
}
