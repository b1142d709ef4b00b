package io.papi.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecommendationJsonTest {
    record Item(long itemId, String movieName, String movieScore) implements RecommendationJson.Element {}

    @Test
    void elementsCarryTheGuidesKeysInOrder() {
        assertThat(RecommendationJson.items(
                        List.of(new Item(50, "Star Wars (1977)", "12.00"), new Item(1, "Toy Story", "3.10"))))
                .isEqualTo("[{\"item_id\":50,\"movie_name\":\"Star Wars (1977)\",\"movie_score\":\"12.00\"},"
                        + "{\"item_id\":1,\"movie_name\":\"Toy Story\",\"movie_score\":\"3.10\"}]");
        assertThat(RecommendationJson.items(List.of())).isEqualTo("[]");
    }

    @Test
    void theKeyOrderIsAlsoAlphabetical() {
        assertThat(RecommendationJson.ELEMENT_KEYS).isSorted();
    }

    @Test
    void aJsonLinesRecordWrapsTheArray() {
        assertThat(RecommendationJson.line(22, List.of(new Item(7, "x", "1.00"))))
                .isEqualTo(
                        "{\"user_id\":22,\"recommendations\":[{\"item_id\":7,\"movie_name\":\"x\",\"movie_score\":\"1.00\"}]}");
    }

    @Test
    void theAnswerElementUsesTheColumnNamesAndKeepsTheStoredText() {
        assertThat(RecommendationJson.answer("22", "[ ]")).isEqualTo("{\"USER_ID\":22,\"RECOMMENDATIONS\":[ ]}");
        assertThat(RecommendationJson.answer("\"u1\"", null))
                .isEqualTo("{\"USER_ID\":\"u1\",\"RECOMMENDATIONS\":null}");
        assertThat(RecommendationJson.answer("1", "  ")).isEqualTo("{\"USER_ID\":1,\"RECOMMENDATIONS\":null}");
    }

    @Test
    void textIsEscapedAsJsonRequires() {
        assertThat(RecommendationJson.quote("a\"b\\c\n\t\r\b\f\u0001\u001f/é€"))
                .isEqualTo("\"a\\\"b\\\\c\\n\\t\\r\\b\\f\\u0001\\u001F/é€\"");
    }
}
