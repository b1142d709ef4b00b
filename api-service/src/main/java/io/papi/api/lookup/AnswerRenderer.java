package io.papi.api.lookup;

import io.papi.api.ApiConfig.IdMode;
import io.papi.lookup.RecommendationJson;
import java.nio.charset.StandardCharsets;

/**
 * Builds the answer to {@code /customer/{ids}} by concatenation, never parsing the stored JSON:
 * {@code [{"USER_ID":22,"RECOMMENDATIONS":<stored JSON text>}, ...]}, each element as {@link RecommendationJson#answer}
 * shapes it. USER_ID is a JSON number for numeric ids
 * (the guide's NUMBER key) and a string for alphanumeric ones; ids reaching here were checked to be plain ASCII
 * letters and digits, so they need no escaping.
 */
final class AnswerRenderer {
    private static final byte[] EMPTY_ANSWER = "[]".getBytes(StandardCharsets.US_ASCII);

    private final boolean quoteIds;

    AnswerRenderer(IdMode mode) {
        this.quoteIds = mode == IdMode.ALPHANUMERIC;
    }

    /** One user's element; a missing or blank stored value becomes JSON null rather than broken JSON. */
    byte[] element(String id, String storedJson) {
        String userId = quoteIds ? '"' + id + '"' : id;
        return RecommendationJson.answer(userId, storedJson).getBytes(StandardCharsets.UTF_8);
    }

    /** The JSON array of the elements present ({@link RecommendationCache#ABSENT} ones are skipped). */
    byte[] answer(byte[][] elements) {
        int length = 1;
        int present = 0;
        for (byte[] e : elements) {
            if (e.length > 0) {
                length += e.length + 1;
                present++;
            }
        }
        if (present == 0) {
            return EMPTY_ANSWER;
        }
        byte[] out = new byte[length];
        out[0] = '[';
        int at = 1;
        for (byte[] e : elements) {
            if (e.length > 0) {
                if (at > 1) {
                    out[at++] = ',';
                }
                System.arraycopy(e, 0, out, at, e.length);
                at += e.length;
            }
        }
        out[at] = ']';
        return out;
    }
}
