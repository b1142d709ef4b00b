package io.papi.cli.snowflake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The privileges each step of docs/deploy-spcs.md needs, read from {@code sql/required-grants.tsv} (packaged beside
 * this class): one line per grant, {@code step, role, privilege, granted_on, name}, as {@code SHOW GRANTS TO ROLE}
 * lists them. sql/09_grants.sql and sql/11_service_user.sql grant exactly these.
 */
public final class RequiredGrants {
    static final String RESOURCE = "required-grants.tsv";

    /** One privilege a role needs for a step. */
    public record Grant(String step, String role, String privilege, String grantedOn, String name) {
        /** The statement that grants it, as the setup scripts write it. */
        public String fix() {
            if (grantedOn.equals("SERVICE ROLE")) {
                return "GRANT SERVICE ROLE " + name + " TO ROLE " + role + ";";
            }
            String on = grantedOn.equals("ACCOUNT") ? "ACCOUNT" : grantedOn + " " + name;
            return "GRANT " + privilege + " ON " + on + " TO ROLE " + role + ";";
        }

        /** What it is, for a report line. */
        public String describe() {
            return grantedOn.equals("SERVICE ROLE")
                    ? "service role " + name
                    : privilege + " on " + (grantedOn.equals("ACCOUNT") ? "the account" : grantedOn + " " + name);
        }

        /**
         * Whether a row of SHOW GRANTS TO ROLE grants it: the same privilege (or OWNERSHIP) on the same kind of object
         * with the same name. Kinds compare with {@code _} and spaces alike ({@code COMPUTE_POOL}, {@code COMPUTE POOL});
         * names compare without quotes, upper-cased.
         */
        public boolean grantedBy(String rowPrivilege, String rowGrantedOn, String rowName) {
            if (rowPrivilege == null || rowGrantedOn == null) {
                return false;
            }
            boolean privilegeMatches =
                    rowPrivilege.equalsIgnoreCase(privilege) || rowPrivilege.equalsIgnoreCase("OWNERSHIP");
            boolean kindMatches = kind(rowGrantedOn).equals(kind(grantedOn));
            boolean nameMatches = name.equals("*") || normalise(rowName).equals(normalise(name));
            return privilegeMatches && kindMatches && nameMatches;
        }
    }

    private final List<Grant> grants;

    private RequiredGrants(List<Grant> grants) {
        this.grants = List.copyOf(grants);
    }

    /** The list packaged with papi. */
    public static RequiredGrants packaged() {
        try (InputStream in = RequiredGrants.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        RESOURCE + " is missing from papi's class path (build it with mvn package)");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the file's text: '#' lines are comments, fields are tab-separated. */
    public static RequiredGrants parse(String text) {
        List<Grant> grants = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 5) {
                throw new IllegalArgumentException(RESOURCE + ": expected 5 tab-separated fields in: " + line);
            }
            grants.add(new Grant(f[0].trim(), f[1].trim(), f[2].trim(), f[3].trim(), f[4].trim()));
        }
        return new RequiredGrants(grants);
    }

    public List<Grant> all() {
        return grants;
    }

    /** The roles the list names, in order. */
    public Set<String> roles() {
        Set<String> roles = new LinkedHashSet<>();
        grants.forEach(g -> roles.add(g.role()));
        return roles;
    }

    private static String kind(String grantedOn) {
        return grantedOn.trim().toUpperCase(Locale.ROOT).replace('_', ' ');
    }

    private static String normalise(String name) {
        return name == null ? "" : name.replace("\"", "").trim().toUpperCase(Locale.ROOT);
    }
}
