package io.papi.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourcesTest {

    private final List<String> closed = new ArrayList<>();

    private AutoCloseable named(String name) {
        return () -> closed.add(name);
    }

    private AutoCloseable failing(String name) {
        return () -> {
            closed.add(name);
            throw new IOException(name + " would not close");
        };
    }

    @Test
    void closesEachInOrderAndSkipsTheOnesNeverStarted() throws Exception {
        Resources.closeAll(named("a"), null, named("b"));

        assertThat(closed).containsExactly("a", "b");
    }

    @Test
    void aFailureDoesNotKeepTheOthersOpenAndTheFirstIsThrown() {
        assertThatThrownBy(() -> Resources.closeAll(failing("a"), named("b"), failing("c")))
                .isInstanceOf(IOException.class)
                .hasMessage("a would not close")
                .satisfies(e -> assertThat(e.getSuppressed())
                        .extracting(Throwable::getMessage)
                        .containsExactly("c would not close"));
        assertThat(closed).containsExactly("a", "b", "c");
    }
}
