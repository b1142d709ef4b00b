package io.papi.datasets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Avro schema Amazon Personalize takes for a dataset: a flat {@code record} in namespace
 * {@code com.amazonaws.personalize.schema}, {@code version "1.0"}, fields in the CSV header's order, a field that
 * may be empty as {@code ["null", type]}, string metadata marked {@code "categorical": true}.
 */
public final class SchemaJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SchemaJson() {}

    public static String of(TrainingDataset dataset) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "record");
        root.put(
                "name",
                switch (dataset.role()) {
                    case INTERACTIONS -> "Interactions";
                    case USERS -> "Users";
                    case ITEMS -> "Items";
                });
        root.put("namespace", "com.amazonaws.personalize.schema");
        ArrayNode fields = root.putArray("fields");
        for (Field field : dataset.fields()) {
            ObjectNode node = fields.addObject();
            node.put("name", field.name());
            if (field.nullable()) {
                node.putArray("type").add("null").add(field.type());
            } else {
                node.put("type", field.type());
            }
            if (field.categorical()) {
                node.put("categorical", true);
            }
            if (field.textual()) {
                node.put("textual", true);
            }
        }
        root.put("version", "1.0");
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
