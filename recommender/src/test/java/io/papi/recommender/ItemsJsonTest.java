package io.papi.recommender;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract's JSON writer publishes byte for byte what papi published with Jackson's generator before it. */
class ItemsJsonTest {

    private static final List<String> TITLES = List.of(
            "Star Wars (1977)",
            "It's '); DROP TABLE x; --",
            "Amélie (2001)",
            "quote \" backslash \\ slash /",
            "tab\tnewline\nreturn\rbell\u0007nul\u0000us\u001f",
            "\u2028 line separator",
            "emoji \uD83C\uDFAC",
            "");

    @Test
    void itemsAndLinesMatchJacksonsOutput() throws IOException {
        List<RecommendedItem> items = new java.util.ArrayList<>();
        for (int k = 0; k < TITLES.size(); k++) {
            items.add(new RecommendedItem(k * 1000L + 1, TITLES.get(k), k - 2.675));
        }
        UserRecommendations user = new UserRecommendations(22, items);

        assertThat(user.itemsJson()).isEqualTo(jackson(null, items));
        assertThat(user.toJsonLine()).isEqualTo(jackson(22L, items));
    }

    /** What the removed publish.RecommendationJson wrote. */
    private static String jackson(Long userId, List<RecommendedItem> items) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            if (userId != null) {
                g.writeStartObject();
                g.writeNumberField("user_id", userId);
                g.writeFieldName("recommendations");
            }
            g.writeStartArray();
            for (RecommendedItem item : items) {
                g.writeStartObject();
                g.writeNumberField("item_id", item.itemId());
                g.writeStringField("movie_name", item.movieName());
                g.writeStringField("movie_score", item.movieScore());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (userId != null) {
                g.writeEndObject();
            }
        }
        return out.toString();
    }
}
