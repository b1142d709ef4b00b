package io.papi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code papi recommend lists --ratings}: ratings as papi recommend reads them, as Watch interactions. */
class RecommendListsRatingsTest {
    @TempDir
    Path home;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void syntheticGuideCsvsGiveTheMediaListsWithTheRatingsNumericIds() throws Exception {
        CliRun cli = new CliRun(home);
        Path data = home.resolve("data");
        CliRun.Result generated = cli.run("data", "generate", "--out", data.toString());
        generated.succeeds();
        Set<String> rated = new HashSet<>();
        for (String line : Files.readAllLines(data.resolve("ratings.csv")).subList(1, 50)) {
            rated.add(line.split(",")[1]);
        }
        Path out = home.resolve("lists.jsonl");
        CliRun.Result run =
                cli.run("recommend", "lists", "--ratings", data.toString(), "--out", out.toString(), "--size", "10");
        run.succeeds();
        assertThat(run.out()).contains("lists: ").contains("most-popular 1").contains("similar ");

        Map<String, Map<String, JsonNode>> lists = read(out);
        JsonNode popular = lists.get("most-popular").get("_").get("items");
        assertThat(popular.size()).isEqualTo(10);
        for (JsonNode item : popular) {
            assertThat(item.get("item_id").asText()).matches("[0-9]+");
        }
        // every rated item is a seed of the similar list, under its numeric id as text
        assertThat(lists.get("similar").keySet()).containsAll(rated);
        // no purchases and no views in ratings: the ecommerce lists are there and empty
        assertThat(lists.get("best-sellers").get("_").get("items").size()).isZero();
        assertThat(lists.get("most-viewed").get("_").get("items").size()).isZero();
    }

    @Test
    void movieLensGenresFromUItemShapeSimilar() throws Exception {
        // a tiny folder in MovieLens' layout, written here (no MovieLens data): items 1 and 2 share a genre, 3 does not
        Path ml = Files.createDirectories(home.resolve("ml"));
        StringBuilder udata = new StringBuilder();
        for (int u = 1; u <= 4; u++) {
            udata.append(u).append("\t1\t5\t").append(1000 + u).append('\n');
            udata.append(u).append("\t2\t4\t").append(1000 + u).append('\n');
            udata.append(u).append("\t3\t4\t").append(1000 + u).append('\n');
        }
        Files.writeString(ml.resolve("u.data"), udata);
        Files.writeString(ml.resolve("u.genre"), "Action|0\nComedy|1\n\n");
        Files.writeString(
                ml.resolve("u.item"),
                "1|One (1990)|01-Jan-1990||url|1|0\n2|Two (1991)|01-Jan-1991||url|1|0\n"
                        + "3|Three (1992)|01-Jan-1992||url|0|1\n");
        Path out = home.resolve("ml.jsonl");
        CliRun.Result run =
                new CliRun(home).run("recommend", "lists", "--ratings", ml.toString(), "--out", out.toString());
        run.succeeds();
        JsonNode similar = read(out).get("similar").get("1").get("items");
        // the same users watched all three: only the genres (0.2 of the score) put 2 before 3
        assertThat(similar.get(0).get("item_id").asText()).isEqualTo("2");
        assertThat(similar.get(1).get("item_id").asText()).isEqualTo("3");
        assertThat(similar.get(0).get("score").asDouble())
                .isGreaterThan(similar.get(1).get("score").asDouble());
    }

    @Test
    void aMappedCsvIsReadAsPapiRecommendReadsIt() throws Exception {
        Path csv = home.resolve("views.csv");
        Files.writeString(csv, "who;what;stars\n1;10;5\n2;10;4\n3;10;3\n1;11;2\n");
        Path out = home.resolve("mapped.jsonl");
        CliRun.Result run = new CliRun(home)
                .run(
                        "recommend",
                        "lists",
                        "--ratings",
                        csv.toString(),
                        "--mapping",
                        "user=who,item=what,rating=stars,delimiter=;,header=true",
                        "--out",
                        out.toString());
        run.succeeds();
        JsonNode popular = read(out).get("most-popular").get("_").get("items");
        assertThat(popular.get(0).get("item_id").asText()).isEqualTo("10");
        assertThat(popular.get(0).get("score").asDouble()).isEqualTo(3.0);
        assertThat(popular.get(1).get("item_id").asText()).isEqualTo("11");
    }

    @Test
    void misuseIsOneLineWithExitTwo() throws Exception {
        CliRun cli = new CliRun(home);
        Path data = home.resolve("data");
        Files.createDirectories(data);
        CliRun.Result both = cli.run("recommend", "lists", "--ratings", data.toString(), "--datasets", data.toString());
        both.failsWith(2, "not both");
        CliRun.Result missing = cli.run(
                "recommend", "lists", "--ratings", home.resolve("nope.csv").toString());
        missing.failsWith(2, "does not exist");
        CliRun.Result neither = cli.run("recommend", "lists");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("--ratings");
        CliRun.Result warehouse = cli.run("recommend", "lists", "--in-warehouse", "--ratings", data.toString());
        warehouse.failsWith(2);
    }

    /** list name -> key -> the line. */
    private Map<String, Map<String, JsonNode>> read(Path file) throws Exception {
        Map<String, Map<String, JsonNode>> lists = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode node = json.readTree(line);
            lists.computeIfAbsent(node.get("list").asText(), k -> new HashMap<>())
                    .put(node.get("key").asText(), node);
        }
        return lists;
    }
}
