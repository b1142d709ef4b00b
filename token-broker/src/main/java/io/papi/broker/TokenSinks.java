package io.papi.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files that always hold the current token, for callers that read files rather than HTTP: the token file (the
 * token alone, no newline, like SPCS's own {@code /snowflake/session/token}) and the header file (the line
 * {@code Authorization: Snowflake Token="..."} and a newline, for {@code curl -H @FILE}). Both are rewritten on every
 * refresh through {@link SecureFiles}: a temporary file in the same directory, created 0600, fsynced, renamed over
 * the old one, so a reader sees the old token or the new one and never a partial file.
 *
 * <p>With several identities, each path must contain {@code {identity}}, replaced by the identity's name.
 */
public final class TokenSinks implements RefreshListener {
    /** Replaced by the identity's name in sink paths. */
    public static final String IDENTITY_PLACEHOLDER = "{identity}";
    private static final Logger LOG = LoggerFactory.getLogger(TokenSinks.class);

    private final String tokenFile;
    private final String headerFile;

    /**
     * @param tokenFile where the token goes, or null
     * @param headerFile where the header line goes, or null
     */
    public TokenSinks(Path tokenFile, Path headerFile) {
        this.tokenFile = tokenFile == null ? null : tokenFile.toString();
        this.headerFile = headerFile == null ? null : headerFile.toString();
    }

    /** True when there is no file to write. */
    public boolean isEmpty() {
        return tokenFile == null && headerFile == null;
    }

    /** True when every path names the identity, as several identities need. */
    public boolean namesIdentity() {
        return (tokenFile == null || tokenFile.contains(IDENTITY_PLACEHOLDER))
                && (headerFile == null || headerFile.contains(IDENTITY_PLACEHOLDER));
    }

    /** The token file of {@code identity}, if one is configured. */
    public Optional<Path> tokenFile(String identity) {
        return resolve(tokenFile, identity);
    }

    /** The header file of {@code identity}, if one is configured. */
    public Optional<Path> headerFile(String identity) {
        return resolve(headerFile, identity);
    }

    /**
     * Writes both files for {@code identity}, atomically and 0600.
     *
     * @throws IOException naming the file that could not be written; the old file is then intact
     */
    public void write(String identity, SessionToken token) throws IOException {
        Optional<Path> tokenPath = tokenFile(identity);
        if (tokenPath.isPresent()) {
            writeOne(tokenPath.get(), token.value());
        }
        Optional<Path> headerPath = headerFile(identity);
        if (headerPath.isPresent()) {
            writeOne(headerPath.get(), "Authorization: " + token.authorizationHeader() + "\n");
        }
    }

    private static void writeOne(Path file, String content) throws IOException {
        try {
            SecureFiles.writeAtomically(file, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Rewrites the files on every refresh; a write that fails is logged and the refresh goes on. */
    @Override
    public void refreshed(Identity identity, SessionToken token, RefreshTrigger trigger, Duration took) {
        try {
            write(identity.name(), token);
            LOG.debug("identity {}: wrote token {} to the sink files", identity.name(), token.hash());
        } catch (IOException e) {
            LOG.warn("identity {}: {}", identity.name(), e.getMessage());
        }
    }

    private static Optional<Path> resolve(String pattern, String identity) {
        return pattern == null ? Optional.empty() : Optional.of(Path.of(pattern.replace(IDENTITY_PLACEHOLDER, identity)));
    }
}
