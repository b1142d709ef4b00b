package io.papi.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * papi in a JVM of its own, on this test's class path: stdout is read line by line as it comes, stderr goes to a
 * file. {@link #close()} kills what is still running.
 */
final class PapiProcess implements AutoCloseable {
    private final Process process;
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private PapiProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::readOut);
        reader.start();
    }

    /**
     * Starts {@code java -cp <class path> javaArgs...} with {@code env} added to this JVM's environment (give it a
     * PAPI_HOME: never the real ~/.papi).
     */
    static PapiProcess start(Path stderr, Map<String, String> env, String... javaArgs) throws IOException {
        return start(stderr, env, List.of(), javaArgs);
    }

    /**
     * As {@link #start(Path, Map, String...)}, with {@code launcher} run first (for example {@code env
     * --ignore-signal=HUP}), which then runs java.
     */
    static PapiProcess start(Path stderr, Map<String, String> env, List<String> launcher, String... javaArgs)
            throws IOException {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path")));
        command.addAll(List.of(javaArgs));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().putAll(env);
        return new PapiProcess(builder.start());
    }

    private void readOut() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.add(line);
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** The stdout lines read so far. */
    List<String> out() {
        return out;
    }

    /** Waits up to a minute for papi's "Serving until" line. */
    void awaitServing() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> out.stream().anyMatch(l -> l.startsWith("Serving until")));
    }

    /** The URL on the stdout line {@code label: http://...} (papi's "Broker:" and "Proxy:" lines). */
    String url(String label) {
        Pattern line = Pattern.compile("^" + Pattern.quote(label) + ": +(http://\\S+)");
        for (String l : out) {
            Matcher m = line.matcher(l);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no " + label + " line in " + out);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end and for its stdout to be read to the end; false if it did not end in time. */
    boolean awaitExit(Duration within) throws InterruptedException {
        boolean ended = process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
        reader.join(5_000);
        return ended;
    }

    int exitValue() {
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly().waitFor();
        reader.join(5_000);
    }
}
