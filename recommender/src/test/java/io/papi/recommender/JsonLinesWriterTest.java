package io.papi.recommender;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesWriterTest {

    private static final List<UserRecommendations> RECS = List.of(
            new UserRecommendations(7, List.of(new RecommendedItem(50, "Star Wars (1977)", 12))),
            new UserRecommendations(
                    22,
                    List.of(
                            new RecommendedItem(377, "Usual Suspects, The (1995)", 3.14159),
                            new RecommendedItem(9, "He Said \"Hi\" — Café (1990)", 0.5))));

    @Test
    void writesOneObjectPerUserWithTheGuidesKeysPlusTheItemId() throws IOException {
        StringWriter out = new StringWriter();

        JsonLinesWriter.write(RECS, out);

        assertThat(out.toString())
                .isEqualTo(
                        "{\"user_id\":7,\"recommendations\":[{\"item_id\":50,\"movie_name\":\"Star Wars (1977)\",\"movie_score\":\"12.00\"}]}\n"
                                + "{\"user_id\":22,\"recommendations\":[{\"item_id\":377,\"movie_name\":\"Usual Suspects, The (1995)\",\"movie_score\":\"3.14\"},"
                                + "{\"item_id\":9,\"movie_name\":\"He Said \\\"Hi\\\" — Café (1990)\",\"movie_score\":\"0.50\"}]}\n");
    }

    @Test
    void aFileHoldsValidJsonInUtf8AndNoTemporaryFileIsLeft(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("recs.jsonl");
        Files.writeString(file, "old content\n");

        JsonLinesWriter.write(RECS, file);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        JsonNode second = new ObjectMapper().readTree(lines.get(1));
        assertThat(second.get("user_id").asLong()).isEqualTo(22);
        assertThat(second.get("recommendations").get(1).get("movie_name").asText())
                .isEqualTo("He Said \"Hi\" — Café (1990)");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
