package io.papi.testing;

/** Teardown for tests that start several servers, any of which may not have started. */
public final class Resources {

    private Resources() {}

    /**
     * Closes each resource that is not {@code null}, in order, and every one even when an earlier one fails; the
     * first failure is thrown at the end with the later ones suppressed in it.
     */
    public static void closeAll(AutoCloseable... resources) throws Exception {
        Exception first = null;
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
