package io.papi.recommender;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The cycles issue 10 named stay broken: read from the sources, comments left out. */
class DependencyArrowsTest {

    private static final Path MAIN = Path.of("src", "main", "java", "io", "papi", "recommender");

    @Test
    void thePublishersDoNotKnowTheFactoryThatHandsThemOut() throws IOException {
        List<Path> publishers;
        try (Stream<Path> files = Files.list(MAIN.resolve("publish"))) {
            publishers = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        assertThat(publishers).isNotEmpty();
        for (Path file : publishers) {
            assertThat(code(file)).as(file.toString()).doesNotContainPattern(Pattern.compile("\\bLookupPublisher\\b"));
        }
    }

    @Test
    void theValueTypesDoNotDependOnASerializerInASubPackage() throws IOException {
        for (String type : List.of("UserRecommendations.java", "RecommendedItem.java")) {
            assertThat(code(MAIN.resolve(type)))
                    .as(type)
                    .doesNotContain("io.papi.recommender.publish")
                    .contains("io.papi.lookup.RecommendationJson");
        }
    }

    /** The source without its comments. */
    private static String code(Path file) throws IOException {
        return Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    }
}
