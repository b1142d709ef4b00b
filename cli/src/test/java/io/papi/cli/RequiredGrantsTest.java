package io.papi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.papi.cli.snowflake.RequiredGrants;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** sql/required-grants.tsv, the scripts that grant, and papi doctor agree. */
class RequiredGrantsTest {
    private static final Path SQL = Path.of("..", "sql");

    @Test
    void theScriptsGrantExactlyWhatTheListNames() throws Exception {
        RequiredGrants packaged = RequiredGrants.packaged();
        RequiredGrants source = RequiredGrants.parse(Files.readString(SQL.resolve("required-grants.tsv")));
        String scripts =
                Files.readString(SQL.resolve("09_grants.sql")) + Files.readString(SQL.resolve("11_service_user.sql"));

        assertThat(packaged.all()).isEqualTo(source.all()).isNotEmpty();
        for (RequiredGrants.Grant grant : source.all()) {
            assertThat(scripts).as("a script runs " + grant.fix()).contains(grant.fix());
        }
        long grantStatements = scripts.lines()
                .filter(l -> l.startsWith("GRANT ") && !l.startsWith("GRANT ROLE "))
                .count();
        assertThat(grantStatements)
                .as("every GRANT in 09 and 11 (but GRANT ROLE to the user) is in the list")
                .isEqualTo(source.all().size());
    }

    @Test
    void ownershipAndUnderscoredKindsCount() {
        var grant = new RequiredGrants.Grant("service", "R", "USAGE", "COMPUTE POOL", "API");
        assertThat(grant.grantedBy("USAGE", "COMPUTE_POOL", "API")).isTrue();
        assertThat(grant.grantedBy("OWNERSHIP", "COMPUTE_POOL", "\"API\"")).isTrue();
        assertThat(grant.grantedBy("MONITOR", "COMPUTE_POOL", "API")).isFalse();
        assertThat(grant.grantedBy("USAGE", "WAREHOUSE", "API")).isFalse();
        assertThat(grant.grantedBy("USAGE", "COMPUTE_POOL", "OTHER")).isFalse();
    }
}
