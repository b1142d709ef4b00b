package io.papi.broker;

import io.papi.files.SecureFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>A sink cannot fail silently (Vault Agent's file sink behaves the same): {@link #prepare} creates missing
 * folders (0700) and writes into each sink's folder once at start, so a sink that cannot be written stops the start;
 * a write that fails later is remembered, and {@link #problems()} names the file until a write succeeds again,
 * which turns {@code /readyz} to 503.
 */
public final class TokenSinks implements RefreshListener {
    /** Replaced by the identity's name in sink paths. */
    public static final String IDENTITY_PLACEHOLDER = "{identity}";

    private static final Logger LOG = LoggerFactory.getLogger(TokenSinks.class);

    private final String tokenFile;
    private final String headerFile;
    private final Map<Path, String> failures = new ConcurrentHashMap<>();

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

    private void writeOne(Path file, String content) throws IOException {
        try {
            SecureFiles.writeAtomically(file, content.getBytes(StandardCharsets.UTF_8));
            failures.remove(file);
        } catch (IOException e) {
            String problem = "cannot write sink " + file + ": " + describe(e);
            failures.put(file, problem);
            throw new IOException(problem, e);
        }
    }

    /**
     * Makes every sink of {@code identities} writable before the first token arrives: creates missing folders
     * (0700), then writes and removes a probe file beside each sink, through the same atomic write the token takes.
     *
     * @throws IllegalArgumentException naming the first sink that cannot be written, and why
     */
    public void prepare(List<String> identities) {
        for (String identity : identities) {
            List<Path> files = new ArrayList<>();
            tokenFile(identity).ifPresent(files::add);
            headerFile(identity).ifPresent(files::add);
            for (Path file : files) {
                probe(file);
            }
        }
    }

    private static void probe(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            if (Files.isDirectory(absolute)) {
                throw new IOException("it is a directory");
            }
            SecureFiles.createPrivateDirectories(absolute.getParent());
            Path probe = absolute.resolveSibling("." + absolute.getFileName() + ".papi-probe");
            SecureFiles.writeAtomically(probe, new byte[0]);
            Files.deleteIfExists(probe);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write sink " + file + ": " + describe(e)
                    + "; choose a folder this user can write, or fix its permissions");
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** One line per sink whose last write failed, naming the file; empty when every sink is current. */
    public List<String> problems() {
        return List.copyOf(new java.util.TreeMap<>(failures).values());
    }

    /** Rewrites the files on every refresh; a write that fails is logged and the refresh goes on. */
    @Override
    public void refreshed(Identity identity, SessionToken token, RefreshTrigger trigger, Duration took) {
        try {
            write(identity.name(), token);
            LOG.debug("identity {}: wrote token {} to the sink files", identity.name(), token.hash());
        } catch (IOException e) {
            LOG.error("identity {}: {} (/readyz answers 503 until a write succeeds)", identity.name(), e.getMessage());
        }
    }

    private static Optional<Path> resolve(String pattern, String identity) {
        return pattern == null
                ? Optional.empty()
                : Optional.of(Path.of(pattern.replace(IDENTITY_PLACEHOLDER, identity)));
    }
}
