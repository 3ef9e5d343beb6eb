package io.dealwire.digest.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealwire.digest.subscription.Tokens;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The start-up check of the configured key hashes and the lookup of a presented key (unit test, no app). */
class AccessKeysTest {

    private static final String ADMIN_HASH = Tokens.hash("the-admin-key");

    @Test
    void shouldFailStartUpOnAMalformedAdminHashNamingTheKeyButNotTheValue() {
        assertThatThrownBy(() -> new AccessKeys(Optional.of("plain-admin-key"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dealwire.admin.api-key-sha256")
                .hasMessageContaining("64 hex digits")
                .hasMessageNotContaining("plain-admin-key");
    }

    @Test
    void shouldFailStartUpOnAMalformedEditorHashNamingTheEditorsKey() {
        String tooShort = ADMIN_HASH.substring(1);
        assertThatThrownBy(() -> new AccessKeys(Optional.empty(),
                Map.of("alice", List.of(Tokens.hash("alice-1"), tooShort))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dealwire.editors.alice.api-key-sha256")
                .hasMessageNotContaining(tooShort);
    }

    @Test
    void shouldFailStartUpOnAnEmptyValueInTheAdminList() {
        assertThatThrownBy(() -> new AccessKeys(Optional.of(ADMIN_HASH + ","), Map.of()))
                .hasMessageContaining("dealwire.admin.api-key-sha256");
    }

    @Test
    void shouldRefuseAnEditorNamedAdmin() {
        assertThatThrownBy(() -> new AccessKeys(Optional.empty(), Map.of("admin", List.of(Tokens.hash("k")))))
                .hasMessageContaining("dealwire.editors.admin.api-key-sha256");
    }

    @Test
    void shouldNameTheAdminWithBothRolesAndEachEditorByEveryKeyOfTheirs() {
        AccessKeys keys = new AccessKeys(Optional.of(" " + ADMIN_HASH.toUpperCase() + " "),
                Map.of("alice", List.of(Tokens.hash("alice-old"), " " + Tokens.hash("alice-new")),
                        "bob", List.of(Tokens.hash("bob-1"))));

        assertThat(keys.callerOf("the-admin-key")).contains(new Caller("admin", Set.of(Roles.ADMIN, Roles.EDITOR)));
        assertThat(keys.callerOf("alice-old")).contains(new Caller("alice", Set.of(Roles.EDITOR)));
        assertThat(keys.callerOf("alice-new")).contains(new Caller("alice", Set.of(Roles.EDITOR)));
        assertThat(keys.callerOf("bob-1")).contains(new Caller("bob", Set.of(Roles.EDITOR)));
        assertThat(keys.callerOf(ADMIN_HASH)).as("the hash itself is not a key").isEmpty();
        assertThat(keys.callerOf("")).isEmpty();
    }

    @Test
    void shouldKnowNobodyWhenNoKeyIsConfigured() {
        assertThat(new AccessKeys(Optional.empty(), Map.of()).callerOf("anything")).isEmpty();
    }
}
