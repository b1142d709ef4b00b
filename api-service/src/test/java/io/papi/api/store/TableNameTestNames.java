package io.papi.api.store;

final class TableNameTestNames {
    static final String HYBRID = "api.data.movie_recommendations_hybrid";

    private TableNameTestNames() {
    }
}
