package io.papi.recommender.publish;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.papi.recommender.RecommendedItem;
import io.papi.recommender.UserRecommendations;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON shapes papi publishes. Element: {@code {"item_id":50,"movie_name":"…","movie_score":"12.00"}}, keys in
 * that order, the score as a string as the guide's notebook writes it. Line: {@code {"user_id":22,"recommendations":[…]}}.
 */
public final class RecommendationJson {

    private static final JsonFactory JSON = new JsonFactory();

    private RecommendationJson() {
    }

    public static String items(List<RecommendedItem> items) {
        StringWriter out = new StringWriter(64 + items.size() * 96);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            writeItems(g, items);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    public static String line(UserRecommendations user) {
        StringWriter out = new StringWriter(64 + user.items().size() * 96);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("user_id", user.userId());
            g.writeFieldName("recommendations");
            writeItems(g, user.items());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeItems(JsonGenerator g, List<RecommendedItem> items) throws IOException {
        g.writeStartArray();
        for (RecommendedItem item : items) {
            g.writeStartObject();
            g.writeNumberField("item_id", item.itemId());
            g.writeStringField("movie_name", item.movieName());
            g.writeStringField("movie_score", item.movieScore());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
