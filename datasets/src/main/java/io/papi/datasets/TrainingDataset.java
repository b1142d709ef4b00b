package io.papi.datasets;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The training datasets papi builds: the four of Snowplow's dbt package {@code dbt-snowplow-recommendations},
 * named as the package names its tables (and so its unload folders), and three VIDEO_ON_DEMAND datasets built
 * from ratings. The field order is the CSV header's order and the schema's.
 */
public enum TrainingDataset {
    ECOMMERCE_INTERACTIONS(
            "snowplow_recommendations_ecommerce_interactions",
            Domain.ECOMMERCE,
            Role.INTERACTIONS,
            List.of(
                    Field.required("USER_ID", "string"), Field.required("ITEM_ID", "string"),
                    Field.required("TIMESTAMP", "long"), Field.required("EVENT_TYPE", "string"))),
    ECOMMERCE_USERS(
            "snowplow_recommendations_ecommerce_users",
            Domain.ECOMMERCE,
            Role.USERS,
            List.of(Field.required("USER_ID", "string"), Field.categorical("ECOMMERCE_USER_IS_GUEST", false))),
    ECOMMERCE_ITEMS(
            "snowplow_recommendations_ecommerce_items",
            Domain.ECOMMERCE,
            Role.ITEMS,
            List.of(
                    Field.required("ITEM_ID", "string"),
                    Field.optional("PRICE", "float"),
                    Field.categorical("CATEGORY_L1", true))),
    MEDIA_INTERACTIONS(
            "snowplow_recommendations_media_interactions",
            Domain.VIDEO_ON_DEMAND,
            Role.INTERACTIONS,
            List.of(
                    Field.required("USER_ID", "string"), Field.required("ITEM_ID", "string"),
                    Field.required("TIMESTAMP", "long"), Field.required("EVENT_TYPE", "string"))),
    RATINGS_INTERACTIONS(
            "snowplow_recommendations_ratings_interactions",
            Domain.VIDEO_ON_DEMAND,
            Role.INTERACTIONS,
            List.of(
                    Field.required("USER_ID", "string"),
                    Field.required("ITEM_ID", "string"),
                    Field.required("TIMESTAMP", "long"),
                    Field.required("EVENT_TYPE", "string"),
                    Field.required("EVENT_VALUE", "float"))),
    RATINGS_ITEMS(
            "snowplow_recommendations_ratings_items",
            Domain.VIDEO_ON_DEMAND,
            Role.ITEMS,
            List.of(
                    Field.required("ITEM_ID", "string"),
                    Field.text("TITLE"),
                    Field.categorical("GENRES", true),
                    Field.optional("CREATION_TIMESTAMP", "long"))),
    RATINGS_USERS(
            "snowplow_recommendations_ratings_users",
            Domain.VIDEO_ON_DEMAND,
            Role.USERS,
            List.of(
                    Field.required("USER_ID", "string"),
                    Field.optional("AGE", "int"),
                    Field.categorical("GENDER", true),
                    Field.categorical("OCCUPATION", true)));

    /** Personalize's domain dataset groups: they decide the required item fields and the recipes. */
    public enum Domain {
        ECOMMERCE,
        VIDEO_ON_DEMAND
    }

    /** Personalize's three dataset types. */
    public enum Role {
        INTERACTIONS,
        USERS,
        ITEMS
    }

    /** The CSV each folder holds, as the dbt package unloads it. */
    public static final String CSV_FILE = "personalize-dataset.csv";
    /** The Parquet file each folder holds. */
    public static final String PARQUET_FILE = "personalize-dataset.parquet";
    /** The Avro schema each folder holds. */
    public static final String SCHEMA_FILE = "schema.json";

    private final String folder;
    private final Domain domain;
    private final Role role;
    private final List<Field> fields;

    TrainingDataset(String folder, Domain domain, Role role, List<Field> fields) {
        this.folder = folder;
        this.domain = domain;
        this.role = role;
        this.fields = fields;
    }

    /** The package's table name, which is also the output folder's name. */
    public String folder() {
        return folder;
    }

    public Domain domain() {
        return domain;
    }

    public Role role() {
        return role;
    }

    public List<Field> fields() {
        return fields;
    }

    public List<String> header() {
        return fields.stream().map(Field::name).toList();
    }

    /** The dataset a folder holds, by its name. */
    public static Optional<TrainingDataset> ofFolder(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (TrainingDataset dataset : values()) {
            if (dataset.folder.equals(lower)) {
                return Optional.of(dataset);
            }
        }
        return Optional.empty();
    }

    /** The datasets built from e-commerce product interactions. */
    public static List<TrainingDataset> ecommerce() {
        return List.of(ECOMMERCE_INTERACTIONS, ECOMMERCE_USERS, ECOMMERCE_ITEMS);
    }
}
