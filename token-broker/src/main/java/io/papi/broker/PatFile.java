package io.papi.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A programmatic access token kept in a file (one line; surrounding whitespace dropped). Read again for every
 * exchange, so that a rotated PAT is used from the next refresh on without a restart.
 */
public final class PatFile {
    private PatFile() {}

    /**
     * @throws KeyFileException naming the file and what is wrong with it, never its content
     */
    public static String read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw new KeyFileException(
                    "PAT file " + file + " does not exist: write the programmatic access token into it (0600)");
        } catch (IOException e) {
            throw new KeyFileException("cannot read PAT file " + file + ": " + e.getMessage());
        }
        if (text.isEmpty() || text.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new KeyFileException("PAT file " + file
                    + " does not hold one token: write the programmatic access token alone, on one line");
        }
        return text;
    }
}
