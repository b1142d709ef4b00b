package io.papi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.papi.broker.KeyFingerprint;
import io.papi.testing.TestKeys;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserRegistryTest extends OpenAccountTest {
    private static final RSAPublicKey ALICE = TestKeys.publicKey(TestKeys.ALICE);
    private static final RSAPublicKey BOB = TestKeys.publicKey(TestKeys.BOB);
    private static final String ALICE_FP = KeyFingerprint.of(ALICE);
    private static final String BOB_FP = KeyFingerprint.of(BOB);

    UserRegistry users;

    UserRegistryTest() {
        super(Instant.parse("2025-06-01T12:00:00.123456789Z"));
    }

    @BeforeEach
    void useItsUsers() {
        users = account.users();
    }

    /** The user most tests start from: SVC_DATA_API, default role DATA_API_ROLE, Alice's key in the first slot. */
    private void createServiceUser() {
        users.create("SVC_DATA_API", "DATA_API_ROLE", ALICE);
    }

    private LocalUser serviceUser() {
        return users.describe("SVC_DATA_API").orElseThrow();
    }

    /** {@code change} had {@code outcome}, and its message names each of {@code mentions}. */
    private static void assertChange(UserChange change, UserChange.Outcome outcome, String... mentions) {
        assertThat(change.outcome()).isEqualTo(outcome);
        assertThat(change.message()).contains(mentions);
    }

    @Test
    void createsUserWithKeyInTheFirstSlot() {
        UserChange change = users.create("SVC_DATA_API", "DATA_API_ROLE", ALICE);

        assertChange(change, UserChange.Outcome.CREATED, "SVC_DATA_API", "DATA_API_ROLE", ALICE_FP);
        assertThat(users.describe("SVC_DATA_API"))
                .contains(new LocalUser(
                        "SVC_DATA_API", "DATA_API_ROLE", ALICE_FP, null, Instant.parse("2025-06-01T12:00:00.123Z")));
    }

    @Test
    void creatingTheSameUserWithTheSameKeyAgainChangesNothing() {
        createServiceUser();
        clock.advance(Duration.ofMinutes(1));

        UserChange again = users.create("svc_data_api", "data_api_role", ALICE);

        assertThat(again.outcome()).isEqualTo(UserChange.Outcome.UNCHANGED);
        assertThat(again.changed()).isFalse();
        assertThat(again.message()).contains("already exists", ALICE_FP, "RSA_PUBLIC_KEY");
        assertThat(users.list()).hasSize(1);
    }

    @Test
    void creatingWithTheKeyAlreadyInTheSecondSlotChangesNothing() {
        createServiceUser();
        users.setKey("SVC_DATA_API", 2, BOB);

        UserChange again = users.create("SVC_DATA_API", "DATA_API_ROLE", BOB);

        assertChange(again, UserChange.Outcome.UNCHANGED, "RSA_PUBLIC_KEY_2");
        assertThat(serviceUser().rsaPublicKeyFp()).isEqualTo(ALICE_FP);
    }

    @Test
    void creatingWithANewKeyReplacesTheFirstSlotAndSaysWhatItReplaced() {
        createServiceUser();

        UserChange change = users.create("SVC_DATA_API", "DATA_API_ROLE", BOB);

        assertChange(change, UserChange.Outcome.UPDATED, "RSA_PUBLIC_KEY " + ALICE_FP + " -> " + BOB_FP);
        assertThat(serviceUser().rsaPublicKeyFp()).isEqualTo(BOB_FP);
    }

    @Test
    void creatingWithANewRoleUpdatesTheDefaultRole() {
        createServiceUser();

        UserChange change = users.create("SVC_DATA_API", "ANALYST", ALICE);

        assertThat(change.outcome()).isEqualTo(UserChange.Outcome.UPDATED);
        assertThat(change.message())
                .contains("default role DATA_API_ROLE -> ANALYST")
                .doesNotContain("RSA_PUBLIC_KEY");
        assertThat(serviceUser().defaultRole()).isEqualTo("ANALYST");
    }

    @Test
    void concurrentCreatesOfOneUserLeaveOneUser() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<UserChange>> creates = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                creates.add(() -> users.create("SVC_DATA_API", "DATA_API_ROLE", ALICE));
            }
            List<UserChange.Outcome> outcomes = new ArrayList<>();
            for (Future<UserChange> result : pool.invokeAll(creates)) {
                outcomes.add(result.get().outcome());
            }
            assertThat(outcomes).containsOnlyOnce(UserChange.Outcome.CREATED);
            assertThat(outcomes)
                    .filteredOn(o -> o == UserChange.Outcome.UNCHANGED)
                    .hasSize(7);
        } finally {
            pool.shutdownNow();
        }
        assertThat(users.list()).hasSize(1);
    }

    @Test
    void namesAndRolesAreUpperCased() {
        users.create(" svc_data_api ", "data_api_role", ALICE);

        LocalUser user = users.describe("Svc_Data_Api").orElseThrow();
        assertThat(user.name()).isEqualTo("SVC_DATA_API");
        assertThat(user.defaultRole()).isEqualTo("DATA_API_ROLE");
    }

    @Test
    void noRoleMeansPublic() {
        users.create("SVC_DATA_API", null, ALICE);

        assertThat(serviceUser().defaultRole()).isEqualTo("PUBLIC");
    }

    @Test
    void acceptsEmailStyleLoginNames() {
        users.create("john.doe@example.com", "ANALYST", ALICE);

        assertThat(users.describe("JOHN.DOE@EXAMPLE.COM")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "9LIVES", "TWO WORDS", "X'; DROP TABLE LOCAL_USERS; --", "QUOTE\"D", "TAB\tBED"})
    void rejectsNamesThatAreNoLoginNames(String name) {
        assertThatThrownBy(() -> users.create(name, "DATA_API_ROLE", ALICE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("user name");
        assertThat(users.list()).isEmpty();
    }

    @Test
    void rejectsNamesLongerThan255Characters() {
        assertThatThrownBy(() -> users.create("A".repeat(256), "DATA_API_ROLE", ALICE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 255");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "DATA-API", "ROLE.X", "1ROLE", "R'; --"})
    void rejectsRolesThatAreNoIdentifiers(String role) {
        assertThatThrownBy(() -> users.create("SVC_DATA_API", role, ALICE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("role");
    }

    @Test
    void rejectsKeysShorterThan2048Bits() {
        RSAPublicKey small = TestKeys.publicKey(TestKeys.generate(1024));

        assertThatThrownBy(() -> users.create("SVC_DATA_API", "DATA_API_ROLE", small))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RSA public key has 1024 bits; Snowflake requires at least 2048: generate a new key pair");
    }

    @Test
    void rejectsMissingKey() {
        assertThatThrownBy(() -> users.create("SVC_DATA_API", "DATA_API_ROLE", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("public key is missing");
    }

    @Test
    void setKeyFillsTheSecondSlotAndKeepsTheFirst() {
        createServiceUser();

        UserChange change = users.setKey("SVC_DATA_API", 2, BOB);

        assertChange(change, UserChange.Outcome.UPDATED, "RSA_PUBLIC_KEY_2 (unset) -> " + BOB_FP);
        LocalUser user = serviceUser();
        assertThat(user.fingerprint(1)).isEqualTo(ALICE_FP);
        assertThat(user.fingerprint(2)).isEqualTo(BOB_FP);
    }

    @Test
    void setKeyWithTheKeyAlreadyThereChangesNothing() {
        createServiceUser();

        assertThat(users.setKey("SVC_DATA_API", 1, ALICE).outcome()).isEqualTo(UserChange.Outcome.UNCHANGED);
    }

    @Test
    void setKeyOnUnknownUserFailsSayingSo() {
        assertThatThrownBy(() -> users.setKey("NOBODY", 2, BOB))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("user NOBODY does not exist in local account LOCAL: create it first");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, -1})
    void keySlotsAreOneAndTwo(int slot) {
        createServiceUser();

        assertThatThrownBy(() -> users.setKey("SVC_DATA_API", slot, BOB))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key slot must be 1 (RSA_PUBLIC_KEY) or 2 (RSA_PUBLIC_KEY_2), was " + slot);
        assertThatThrownBy(() -> users.unsetKey("SVC_DATA_API", slot)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unsetKeyEmptiesTheSlotOnce() {
        createServiceUser();
        users.setKey("SVC_DATA_API", 2, BOB);

        UserChange first = users.unsetKey("SVC_DATA_API", 1);
        UserChange second = users.unsetKey("SVC_DATA_API", 1);

        assertChange(first, UserChange.Outcome.UPDATED, "unset RSA_PUBLIC_KEY", ALICE_FP);
        assertThat(second.outcome()).isEqualTo(UserChange.Outcome.UNCHANGED);
        LocalUser user = serviceUser();
        assertThat(user.rsaPublicKeyFp()).isNull();
        assertThat(user.rsaPublicKey2Fp()).isEqualTo(BOB_FP);
    }

    @Test
    void setDefaultRoleChangesTheRole() {
        createServiceUser();

        assertThat(users.setDefaultRole("SVC_DATA_API", "analyst").message()).contains("DATA_API_ROLE -> ANALYST");
        assertThat(users.setDefaultRole("SVC_DATA_API", "ANALYST").outcome()).isEqualTo(UserChange.Outcome.UNCHANGED);
    }

    @Test
    void dropRemovesTheUserOnce() {
        createServiceUser();

        assertThat(users.drop("svc_data_api")).isTrue();
        assertThat(users.drop("SVC_DATA_API")).isFalse();
        assertThat(users.describe("SVC_DATA_API")).isEmpty();
    }

    @Test
    void listsUsersByName() {
        users.create("ZED", "R", ALICE);
        users.create("ADA", "R", BOB);
        users.create("MIA", "R", ALICE);

        assertThat(users.list()).extracting(LocalUser::name).containsExactly("ADA", "MIA", "ZED");
    }

    @Test
    void describeOfUnknownUserIsEmpty() {
        assertThat(users.describe("NOBODY")).isEmpty();
    }
}
