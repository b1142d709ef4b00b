package io.papi.api.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The {@code /test} page, read once from the classpath. */
final class TestPage {
    private static final String RESOURCE = "test-page.html";

    private TestPage() {}

    static byte[] html() {
        try (InputStream in = TestPage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the /test page is missing from the jar: " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the /test page " + RESOURCE, e);
        }
    }
}
