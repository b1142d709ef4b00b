import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a JMeter CSV results file of jmeter/papi.jmx and prints what a load test is judged by: lookups, achieved
 * rate, errors, latency percentiles, and which session tokens carried the requests (so a refresh during the run
 * shows). Exits 1 when there were errors or no lookups at all, so scripts and CI can rely on the exit code.
 *
 * <p>Run with the JDK's source launcher, no build needed: {@code java jmeter/ResultsSummary.java RESULTS.csv
 * [STATISTICS.json] [TARGET_RATE]}. Percentiles here are exact nearest-rank values over every lookup; JMeter's
 * dashboard interpolates, so its figures (printed beside ours when statistics.json is given) can differ a little.
 */
public final class ResultsSummary {
    static final String LOOKUP = "GET /customer/{id}";
    static final long WARM_UP_MS = 10_000;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    record Sample(long start, int elapsed, String label, String code, String message, boolean success, String failure, String token) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: java ResultsSummary.java RESULTS.csv [STATISTICS.json] [TARGET_RATE]");
            System.exit(2);
        }
        Path results = Path.of(args[0]);
        if (!Files.isReadable(results)) {
            System.err.println("summary: no results file " + results + " (did JMeter run? see its log)");
            System.exit(1);
        }
        List<Sample> samples = read(results);
        Path statistics = args.length > 1 && !args[1].isEmpty() ? Path.of(args[1]) : null;
        String target = args.length > 2 ? args[2] : null;
        System.exit(report(samples, statistics, target));
    }

    static int report(List<Sample> samples, Path statistics, String targetRate) throws IOException {
        List<Sample> lookups = samples.stream().filter(s -> LOOKUP.equals(s.label())).toList();
        List<Sample> failed = samples.stream().filter(s -> !s.success()).toList();
        if (lookups.isEmpty()) {
            System.out.println("lookups     0");
        } else {
            long first = lookups.stream().mapToLong(Sample::start).min().orElseThrow();
            long last = lookups.stream().mapToLong(s -> s.start() + s.elapsed()).max().orElseThrow();
            double seconds = Math.max(1, last - first) / 1000.0;
            int[] ms = lookups.stream().mapToInt(Sample::elapsed).sorted().toArray();
            System.out.printf(Locale.ROOT, "lookups     %d in %.1f s = %.1f requests/s%s%n", ms.length, seconds, ms.length / seconds,
                    targetRate == null ? "" : " (target " + targetRate + "/s)");
            System.out.printf(Locale.ROOT, "latency ms  p50 %d  p90 %d  p95 %d  p99 %d  max %d  mean %.1f%n",
                    percentile(ms, 50), percentile(ms, 90), percentile(ms, 95), percentile(ms, 99), ms[ms.length - 1],
                    Arrays.stream(ms).average().orElse(0));
            // Both JVMs start cold: the first seconds show JIT compilation, not the steady state. Shown beside the
            // whole-run figures, never instead of them.
            int[] steady = lookups.stream().filter(s -> s.start() >= first + WARM_UP_MS).mapToInt(Sample::elapsed).sorted().toArray();
            if (last - first > 2 * WARM_UP_MS && steady.length > 0) {
                System.out.printf(Locale.ROOT, "after %ds   p50 %d  p90 %d  p95 %d  p99 %d  max %d  (%d lookups; the first %d s left out)%n",
                        WARM_UP_MS / 1000, percentile(steady, 50), percentile(steady, 90), percentile(steady, 95),
                        percentile(steady, 99), steady[steady.length - 1], steady.length, WARM_UP_MS / 1000);
            }
        }
        System.out.printf(Locale.ROOT, "errors      %d of %d samples (%.2f %%)%n", failed.size(), samples.size(),
                samples.isEmpty() ? 0.0 : 100.0 * failed.size() / samples.size());
        Map<String, Integer> byCode = new TreeMap<>();
        failed.forEach(s -> byCode.merge(s.code(), 1, Integer::sum));
        byCode.forEach((code, n) -> {
            Sample first = failed.stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
            System.out.println("            " + n + " x " + code + " " + first.message() + ": " + first.failure());
        });
        tokens(lookups);
        if (statistics != null && Files.isReadable(statistics)) {
            dashboard(Files.readString(statistics));
        }
        if (lookups.isEmpty()) {
            System.out.println("FAILED: no lookups were made (see the errors above and JMeter's log)");
            return 1;
        }
        if (!failed.isEmpty()) {
            System.out.println("FAILED: " + failed.size() + " samples failed");
            return 1;
        }
        return 0;
    }

    /** Nearest rank: the smallest value with at least p % of the values at or below it. */
    static int percentile(int[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static void tokens(List<Sample> lookups) {
        Map<String, List<Sample>> byToken = new LinkedHashMap<>();
        lookups.stream().sorted((a, b) -> Long.compare(a.start(), b.start()))
                .forEach(s -> byToken.computeIfAbsent(s.token(), k -> new ArrayList<>()).add(s));
        if (byToken.isEmpty() || byToken.containsKey("")) {
            return; // results written without the papi_token column
        }
        System.out.println("tokens      " + byToken.size() + " used (sha256 label as in papi's logs; UTC):");
        byToken.forEach((token, list) -> System.out.printf(Locale.ROOT, "            %s  %d lookups, %d errors, %s to %s%n",
                token, list.size(), list.stream().filter(s -> !s.success()).count(),
                CLOCK.format(Instant.ofEpochMilli(list.get(0).start())),
                CLOCK.format(Instant.ofEpochMilli(list.get(list.size() - 1).start()))));
    }

    /** JMeter's own figures for the lookups, from the dashboard's statistics.json (90th/95th/99th = pct1/2/3). */
    private static void dashboard(String json) {
        int label = json.indexOf("\"" + LOOKUP + "\"");
        int at = label < 0 ? -1 : json.indexOf('{', label + LOOKUP.length() + 2);
        if (at < 0) {
            return;
        }
        int end = at;
        for (boolean inString = false; end < json.length() && (inString || json.charAt(end) != '}'); end++) {
            if (json.charAt(end) == '"' && json.charAt(end - 1) != '\\') {
                inString = !inString;
            }
        }
        String entry = json.substring(at, end);
        System.out.printf(Locale.ROOT, "dashboard   p50 %s  p90 %s  p95 %s  p99 %s ms, %s requests/s, %s errors (JMeter's interpolated figures)%n",
                number(entry, "medianResTime"), number(entry, "pct1ResTime"), number(entry, "pct2ResTime"),
                number(entry, "pct3ResTime"), number(entry, "throughput"), number(entry, "errorCount").replace(".0", ""));
    }

    private static String number(String entry, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*([-0-9.Ee]+)").matcher(entry);
        return m.find() ? String.format(Locale.ROOT, "%.1f", Double.parseDouble(m.group(1))) : "?";
    }

    static List<Sample> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> header = record(in);
            if (header == null) {
                return List.of();
            }
            int start = column(header, "timeStamp");
            int elapsed = column(header, "elapsed");
            int label = column(header, "label");
            int code = column(header, "responseCode");
            int message = column(header, "responseMessage");
            int success = column(header, "success");
            int failure = column(header, "failureMessage");
            int token = header.indexOf("papi_token");
            List<Sample> samples = new ArrayList<>();
            for (List<String> r = record(in); r != null; r = record(in)) {
                if (r.size() < header.size()) {
                    continue; // a line cut short by a killed JMeter
                }
                samples.add(new Sample(Long.parseLong(r.get(start)), Integer.parseInt(r.get(elapsed)), r.get(label), r.get(code),
                        r.get(message), Boolean.parseBoolean(r.get(success)), r.get(failure), token < 0 ? "" : r.get(token)));
            }
            return samples;
        }
    }

    private static int column(List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("the results file has no " + name + " column: write it as CSV with field names");
        }
        return i;
    }

    /** One CSV record as JMeter writes it: comma-separated, fields with commas, quotes or newlines in double quotes. */
    static List<String> record(Reader in) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = in.read()) >= 0) {
            any = true;
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next >= 0) {
                            in.reset();
                        }
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                break;
            } else if (c != '\r') {
                field.append((char) c);
            }
        }
        if (!any) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }
}
