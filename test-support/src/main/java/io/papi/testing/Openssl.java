package io.papi.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code openssl} binary, run in a working directory, so tests compare papi with the tool Snowflake's
 * documentation tells users to run. Secrets never go on a command line: passphrases travel as
 * {@code -passin file:} / {@code -passout file:} files in the working directory.
 */
public final class Openssl {
    private static final long TIMEOUT_SECONDS = 30;
    private final Path dir;

    public Openssl(Path dir) {
        this.dir = dir;
        requireInstalled();
    }

    private static void requireInstalled() {
        try {
            Process p = new ProcessBuilder("openssl", "version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
                fail("openssl did not run: install it (apt-get install openssl); papi's key tests compare against it");
            }
        } catch (IOException e) {
            fail("openssl is not installed: install it (apt-get install openssl); papi's key tests compare against it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }

    /** Writes {@code passphrase} to a file in the working directory and returns {@code file:<name>} for -passin/-passout. */
    public String passFile(String name, String passphrase) throws IOException {
        Files.writeString(dir.resolve(name), passphrase + "\n", StandardCharsets.UTF_8);
        return "file:" + name;
    }

    /** A self-signed RSA certificate for {@code 127.0.0.1}, valid a day, and its key: PEM files in the folder. */
    public void selfSigned(String commonName, String certificate, String key) {
        run(
                (byte[]) null,
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                key,
                "-out",
                certificate,
                "-days",
                "1",
                "-subj",
                "/CN=" + commonName,
                "-addext",
                "subjectAltName=IP:127.0.0.1");
    }

    /** Runs {@code openssl args...} with {@code stdin}, returns stdout; fails the test with stderr on a non-zero exit. */
    public byte[] run(byte[] stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(Arrays.asList(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("openssl " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                fail("openssl " + String.join(" ", args) + " failed (" + p.exitValue() + "): "
                        + new String(err.get(), StandardCharsets.UTF_8).strip());
            }
            return out.get();
        } catch (IOException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError("cannot run openssl " + String.join(" ", args), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public byte[] run(String... args) {
        return run(null, args);
    }

    /** {@code openssl genrsa <bits>} to stdout, as the first half of Snowflake's documented pipes. */
    public byte[] genrsa(int bits) {
        return run("genrsa", Integer.toString(bits));
    }

    /**
     * Snowflake's documented fingerprint pipeline, each stage its own process:
     * {@code openssl rsa -pubin -in <pub> -outform DER | openssl dgst -sha256 -binary | openssl enc -base64}.
     */
    public String fingerprintOfPublicKeyFile(String publicKeyFile) {
        byte[] der = run("rsa", "-pubin", "-in", publicKeyFile, "-outform", "DER");
        byte[] digest = run(der, "dgst", "-sha256", "-binary");
        return "SHA256:" + new String(run(digest, "enc", "-base64"), StandardCharsets.US_ASCII).strip();
    }

    /** {@code openssl rsa -in <private> -pubout -out <pub>} (Snowflake's documented command), with -passin if given. */
    public void publicKeyOf(String privateKeyFile, String publicKeyFile, String passinOrNull) {
        List<String> args = new ArrayList<>(List.of("rsa", "-in", privateKeyFile, "-pubout", "-out", publicKeyFile));
        if (passinOrNull != null) {
            args.add("-passin");
            args.add(passinOrNull);
        }
        run(args.toArray(String[]::new));
    }

    public Path dir() {
        return dir;
    }

    private static byte[] readAll(InputStream in) {
        try (in;
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
