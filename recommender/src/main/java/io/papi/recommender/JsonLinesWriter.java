package io.papi.recommender;

import io.papi.files.SecureFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes recommendations as JSON Lines (UTF-8, one object per user, {@code \n} after each, users in the order given,
 * which {@link Recommender} makes ascending): {@code {"user_id":22,"recommendations":[{"item_id":..,"movie_name":..,"movie_score":".."}]}}.
 */
public final class JsonLinesWriter {

    private JsonLinesWriter() {}

    /** Writes to a writer, which is flushed, not closed. */
    public static void write(List<UserRecommendations> users, Writer out) throws IOException {
        for (UserRecommendations u : users) {
            out.write(u.toJsonLine());
            out.write('\n');
        }
        out.flush();
    }

    /**
     * Writes a file atomically: to a temporary file in the same folder, forced to disk, then renamed over the
     * target, so a reader never sees half a file.
     */
    public static void write(List<UserRecommendations> users, Path file) throws IOException {
        SecureFiles.createPrivateDirectories(file.toAbsolutePath().getParent());
        SecureFiles.writeTextAtomically(file, w -> write(users, w));
    }
}
