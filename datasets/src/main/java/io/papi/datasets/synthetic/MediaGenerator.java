package io.papi.datasets.synthetic;

import io.papi.datasets.InputShape;
import io.papi.datasets.csv.CsvWriter;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Media plays: known and anonymous viewers, media of different durations, and play times around the 30-second
 * valid-play threshold (some exactly 30 s, which is not valid).
 */
public final class MediaGenerator {
    private static final int MIN_MEDIA = 300;

    private final SplittableRandom random;
    private final int users;
    private final EventClock clock;
    private final int media;
    private final String[] mediaIds;
    private final String[] labels;
    private final int[] durations;

    public MediaGenerator(long seed, int users, int days, LocalDate firstDay) {
        this.random = new SplittableRandom(seed);
        this.users = users;
        this.clock = new EventClock(firstDay, days);
        this.media = Math.max(MIN_MEDIA, users / 10);
        this.mediaIds = new String[media];
        this.labels = new String[media];
        this.durations = new int[media];
        for (int i = 0; i < media; i++) {
            mediaIds[i] = Ids.hex(random, 32);
            labels[i] = i % 30 == 4 ? "Episode " + i + ", \"Pilot\" – Ünïcode" : "Video " + i;
            durations[i] = 60 + random.nextInt(3540);
        }
    }

    /** Writes the header and every play; returns the number of rows. */
    public long write(Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        csv.write(InputShape.MEDIA.columnTypes().keySet().toArray(String[]::new));
        long rows = 0;
        for (int user = 0; user < users; user++) {
            String userId = random.nextInt(100) < 30
                    ? null
                    : user % 60 == 5 ? "viewer, \"" + user + "\" é" : String.valueOf(100_000 + user);
            String identifier = Ids.uuid(random);
            int plays = 4 + random.nextInt(16);
            for (int p = 0; p < plays; p++) {
                int item = Ids.popular(random, media);
                long at = clock.start() + (long) (random.nextDouble() * clock.span());
                int duration = durations[item];
                int played = playTime(duration);
                csv.write(
                        userId,
                        identifier,
                        mediaIds[item],
                        labels[item],
                        EventClock.format(at),
                        String.valueOf(played),
                        String.valueOf(duration),
                        String.valueOf(played > 30));
                rows++;
            }
        }
        out.flush();
        return rows;
    }

    private int playTime(int duration) {
        int roll = random.nextInt(100);
        if (roll < 25) {
            return random.nextInt(30);
        }
        if (roll < 35) {
            return 29 + random.nextInt(3); // 29, 30 or 31: both sides of the threshold and on it
        }
        return Math.min(duration, 31 + random.nextInt(duration));
    }
}
