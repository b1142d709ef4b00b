package io.papi.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The training datasets papi builds: the four of Snowplow's dbt package {@code dbt-snowplow-recommendations},
 * named as the package names its tables (and so its unload folders), and three VIDEO_ON_DEMAND datasets built
 * from ratings. The field order is the CSV header's order and the schema's.
 */
public enum TrainingDataset {
    ECOMMERCE_INTERACTIONS(Domain.ECOMMERCE, interactions()),
    ECOMMERCE_USERS(
            Domain.ECOMMERCE, Field.required("USER_ID", "string"), Field.categorical("ECOMMERCE_USER_IS_GUEST", false)),
    ECOMMERCE_ITEMS(
            Domain.ECOMMERCE,
            Field.required("ITEM_ID", "string"),
            Field.optional("PRICE", "float"),
            Field.categorical("CATEGORY_L1", true)),
    MEDIA_INTERACTIONS(Domain.VIDEO_ON_DEMAND, interactions()),
    RATINGS_INTERACTIONS(Domain.VIDEO_ON_DEMAND, interactions(Field.required("EVENT_VALUE", "float"))),
    RATINGS_ITEMS(
            Domain.VIDEO_ON_DEMAND,
            Field.required("ITEM_ID", "string"),
            Field.text("TITLE"),
            Field.categorical("GENRES", true),
            Field.optional("CREATION_TIMESTAMP", "long")),
    RATINGS_USERS(
            Domain.VIDEO_ON_DEMAND,
            Field.required("USER_ID", "string"),
            Field.optional("AGE", "int"),
            Field.categorical("GENDER", true),
            Field.categorical("OCCUPATION", true));

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

    /** The folder is the constant's name in lower case after the package's prefix; the role is its last word. */
    TrainingDataset(Domain domain, Field... fields) {
        this.folder = "snowplow_recommendations_" + name().toLowerCase(Locale.ROOT);
        this.domain = domain;
        this.role = Role.valueOf(name().substring(name().lastIndexOf('_') + 1));
        this.fields = List.of(fields);
    }

    /** An interactions dataset's fields: Personalize's four required ones, then {@code extra}. */
    private static Field[] interactions(Field... extra) {
        List<Field> fields = new ArrayList<>(List.of(
                Field.required("USER_ID", "string"),
                Field.required("ITEM_ID", "string"),
                Field.required("TIMESTAMP", "long"),
                Field.required("EVENT_TYPE", "string")));
        fields.addAll(List.of(extra));
        return fields.toArray(Field[]::new);
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
