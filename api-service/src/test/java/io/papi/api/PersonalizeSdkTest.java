package io.papi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;
import software.amazon.awssdk.services.personalizeruntime.model.GetPersonalizedRankingResponse;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsRequest;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsResponse;
import software.amazon.awssdk.services.personalizeruntime.model.InvalidInputException;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;
import software.amazon.awssdk.services.personalizeruntime.model.ResourceNotFoundException;

/** The real AWS SDK for Java v2 Personalize Runtime client, its endpoint overridden to papi, and nothing else changed. */
class PersonalizeSdkTest {
    private static final String ARN = "arn:aws:personalize:us-east-1:123456789012:recommender/";

    @AutoClose
    static RecommendationStore store;

    @AutoClose
    static RunningApi api;

    @AutoClose
    static PersonalizeRuntimeClient personalize;

    @BeforeAll
    static void start() throws Exception {
        String url = "jdbc:h2:mem:personalize;DB_CLOSE_DELAY=-1";
        store = Stores.h2(url, io.papi.lookup.LookupTable.DEFAULT_NAME);
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement lists = c.prepareStatement(ListRows.INSERT);
                PreparedStatement users = c.prepareStatement(
                        "INSERT INTO " + io.papi.lookup.LookupTable.DEFAULT_NAME + " VALUES (?, ?)")) {
            ListRows.insert(
                    lists,
                    "bought-together",
                    "a",
                    "[{\"item_id\":\"b\",\"score\":1.5},{\"item_id\":\"c\",\"score\":1}]");
            ListRows.insert(
                    lists,
                    "most-popular",
                    "_",
                    "[{\"item_id\":\"p1\",\"score\":9},{\"item_id\":\"50\",\"score\":8},{\"item_id\":\"p2\",\"score\":7}]");
            ListRows.insert(
                    lists, "most-viewed", "_", "[{\"item_id\":\"v1\",\"score\":4},{\"item_id\":\"v2\",\"score\":3}]");
            ListRows.insert(
                    lists,
                    "for-you",
                    "shopper-9",
                    "[{\"item_id\":\"SKU-3\",\"score\":0.8},{\"item_id\":\"SKU-1\",\"score\":0.2}]");
            ListRows.insert(lists, "seen", "7", "[{\"item_id\":\"c\",\"score\":1}]");
            users.setString(1, "7");
            users.setString(
                    2,
                    "[{\"item_id\":50,\"movie_name\":\"Star Wars\",\"movie_score\":\"12.00\"},"
                            + "{\"item_id\":51,\"movie_name\":\"Fargo\",\"movie_score\":\"11.50\"}]");
            users.executeUpdate();
        }
        api = RunningApi.start(ApiConfig.builder().idMode(ApiConfig.IdMode.ALPHANUMERIC), store, IngressAuth.none());
        personalize = PersonalizeRuntimeClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + api.port()))
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "not-a-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** The ids of the items getRecommendations answers {@code request} with, in order. */
    private static List<String> itemIds(Consumer<GetRecommendationsRequest.Builder> request) {
        return personalize.getRecommendations(request).itemList().stream()
                .map(PredictedItem::itemId)
                .toList();
    }

    @Test
    void getRecommendationsForFrequentlyBoughtTogetherStartsWithB() {
        GetRecommendationsResponse r =
                personalize.getRecommendations(b -> b.recommenderArn(ARN + "aws-ecomm-frequently-bought-together")
                        .itemId("a")
                        .numResults(5));
        assertThat(r.itemList()).extracting(PredictedItem::itemId).containsExactly("b", "c");
        assertThat(r.itemList().get(0).score()).isEqualTo(1.5);
        assertThat(r.recommendationId()).startsWith("RID-");
    }

    @Test
    void aUserFilterRemovesWhatTheUserInteractedWith() {
        assertThat(itemIds(b -> b.recommenderArn(ARN + "aws-ecomm-frequently-bought-together")
                        .itemId("a")
                        .userId("7")))
                .containsExactly("b");
    }

    @Test
    void recommendedForYouReadsTheUsersRecommendationsAndUnknownUsersGetThePopularList() {
        assertThat(itemIds(b ->
                        b.recommenderArn(ARN + "aws-ecomm-recommended-for-you").userId("7")))
                .containsExactly("50", "51");
        assertThat(itemIds(b -> b.campaignArn("arn:aws:personalize:us-east-1:1:campaign/aws-vod-top-picks")
                        .userId("stranger")
                        .numResults(2)))
                .containsExactly("p1", "50");
    }

    @Test
    void recommendedForYouReadsTheForYouListFirstAndUnknownShoppersGetTheMostViewedList() {
        assertThat(itemIds(b ->
                        b.recommenderArn(ARN + "aws-ecomm-recommended-for-you").userId("shopper-9")))
                .containsExactly("SKU-3", "SKU-1");
        assertThat(itemIds(b -> b.recommenderArn(ARN + "aws-vod-top-picks")
                        .userId("shopper-9")
                        .numResults(1)))
                .containsExactly("SKU-3");
        assertThat(itemIds(b ->
                        b.recommenderArn(ARN + "aws-ecomm-recommended-for-you").userId("stranger")))
                .containsExactly("v1", "v2");
    }

    @Test
    void personalizedRankingPutsTheUsersItemsFirstThenPopularOnes() {
        GetPersonalizedRankingResponse r = personalize.getPersonalizedRanking(
                b -> b.campaignArn("arn:aws:personalize:us-east-1:1:campaign/recommended-for-you")
                        .userId("7")
                        .inputList(List.of("p2", "zz", "51", "p1", "50")));
        assertThat(r.personalizedRanking())
                .extracting(PredictedItem::itemId)
                .containsExactly("50", "51", "p1", "p2", "zz");
        assertThat(r.recommendationId()).startsWith("RID-");
    }

    @Test
    void unknownItemsAndRecipesRaiseResourceNotFoundAndBadIdsInvalidInput() {
        String boughtTogether = ARN + "aws-ecomm-frequently-bought-together";
        assertRefused(
                b -> b.recommenderArn(boughtTogether).itemId("nope"),
                ResourceNotFoundException.class,
                "no bought-together list for item 'nope'");
        assertRefused(
                b -> b.recommenderArn(ARN + "aws-something-else").itemId("a"),
                ResourceNotFoundException.class,
                "no recipe 'aws-something-else'");
        assertRefused(
                b -> b.recommenderArn(boughtTogether).itemId("a'; DROP TABLE X"),
                InvalidInputException.class,
                "not allowed");
        assertRefused(b -> b.recommenderArn(boughtTogether), InvalidInputException.class, "itemId is required");
    }

    /** getRecommendations refuses {@code request} with the SDK exception {@code type} naming {@code message}. */
    private static void assertRefused(
            Consumer<GetRecommendationsRequest.Builder> request, Class<? extends Throwable> type, String message) {
        assertThatThrownBy(() -> personalize.getRecommendations(request))
                .isInstanceOf(type)
                .hasMessageContaining(message);
    }
}
