package io.papi.datasets.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A {@code schema.json} as read back: its fields, in order, with their Avro type and marks. */
public record SchemaFile(List<SchemaField> fields) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One field: {@code type} is the non-null type; {@code nullable} when the type was a union with null. */
    public record SchemaField(String name, String type, boolean nullable, boolean categorical) {}

    /** Reads the file; an unreadable or malformed one is an {@link IOException} whose message says why. */
    public static SchemaFile read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("schema.json is not JSON: " + e.getOriginalMessage());
        }
        if (root == null
                || !"record".equals(root.path("type").asText())
                || !root.path("fields").isArray()) {
            throw new IOException("schema.json is not an Avro record with a fields array");
        }
        List<SchemaField> fields = new ArrayList<>();
        for (JsonNode field : root.path("fields")) {
            JsonNode type = field.path("type");
            String base = null;
            boolean nullable = false;
            if (type.isTextual()) {
                base = type.asText();
            } else if (type.isArray()) {
                for (JsonNode member : type) {
                    if (member.asText().equals("null")) {
                        nullable = true;
                    } else {
                        base = member.asText();
                    }
                }
            }
            fields.add(new SchemaField(
                    field.path("name").asText(),
                    base,
                    nullable,
                    field.path("categorical").asBoolean(false)));
        }
        return new SchemaFile(fields);
    }

    public List<String> names() {
        return fields.stream().map(SchemaField::name).toList();
    }
}
