package io.papi.cli.config;

/** Renders the settings table of docs/configuration.md from {@link Setting}, so the two cannot drift apart. */
public final class ConfigurationTable {
    private ConfigurationTable() {}

    public static String markdown() {
        StringBuilder table = new StringBuilder();
        table.append("| setting | flag | environment variable | connections.toml key | default |\n");
        table.append("| --- | --- | --- | --- | --- |\n");
        for (Setting s : Setting.values()) {
            table.append("| ")
                    .append(s.description())
                    .append(" | ")
                    .append(s.flag().map(f -> "`" + f + "`").orElse(""))
                    .append(" | ")
                    .append(s.env().map(e -> "`" + e + "`").orElse(""))
                    .append(" | ")
                    .append(s.connectionKey().map(k -> "`" + k + "`").orElse(""))
                    .append(" | ")
                    .append(s.defaultValue().map(d -> "`" + d + "`").orElse(""))
                    .append(" |\n");
        }
        return table.toString();
    }

    public static void main(String[] args) {
        System.out.print(markdown());
    }
}
