package io.papi.recommender;

import io.papi.files.SecureFiles;
import io.papi.recommender.synthetic.GuideCsvText;
import io.papi.recommender.synthetic.SyntheticRatings;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * MovieLens-shaped synthetic data, so papi runs and is tested without MovieLens (which may not be redistributed).
 * By default it has MovieLens 100K's published statistics exactly ({@link SyntheticShape#movieLens100k()}):
 * {@value #USERS} users, {@value #ITEMS} items with invented titles, {@value #RATINGS} ratings of 1 to 5, 20 to 737
 * per user (median 65), 1 to 583 per item (median 27, 141 items rated once), values 1 to 5 in shares
 * 6 / 11 / 27 / 34 / 21 %, and latent genre tastes that personalised models can learn. The same seed gives the same
 * bytes on every JVM.
 *
 * <p>{@link #writeGuideCsv} writes the guide's layout: {@code ratings.csv} ({@code USER_ID,ITEM_ID,RATING,TIMESTAMP}),
 * {@code titles.csv} ({@code ITEM_ID,TITLE}) and {@code users.csv} ({@code ID}).
 */
public final class SyntheticData {

    public static final long DEFAULT_SEED = 20_241_204L;
    public static final int USERS = 943;
    public static final int ITEMS = 1682;
    public static final int RATINGS = 100_000;
    public static final int MIN_RATINGS_PER_USER = 20;

    private final long seed;
    private final SyntheticShape shape;
    private final SyntheticRatings raw;
    private final Ratings ratings;
    private final Titles titles;

    private SyntheticData(long seed, SyntheticShape shape, SyntheticRatings raw) {
        this.seed = seed;
        this.shape = shape;
        this.raw = raw;
        Ratings.Builder b = Ratings.builder();
        for (int u = 0; u < raw.users(); u++) {
            for (int p = raw.userStart()[u]; p < raw.userStart()[u + 1]; p++) {
                b.add(u + 1, raw.ratedItems()[p] + 1, raw.ratingValues()[p], raw.timestamps()[p]);
            }
        }
        this.ratings = b.build();
        Map<Long, String> t = new HashMap<>();
        for (int i = 0; i < raw.items(); i++) {
            t.put((long) i + 1, raw.titles()[i]);
        }
        this.titles = Titles.of(t);
    }

    /** Generates the MovieLens 100K-shaped data set for a seed. */
    public static SyntheticData generate(long seed) {
        return generate(seed, SyntheticShape.movieLens100k());
    }

    /** Generates a data set of any shape, for example {@link SyntheticShape#scaled} for benchmarks. */
    public static SyntheticData generate(long seed, SyntheticShape shape) {
        return new SyntheticData(seed, shape, SyntheticRatings.generate(seed, shape));
    }

    /** Generates the data set for {@link #DEFAULT_SEED}. */
    public static SyntheticData generate() {
        return generate(DEFAULT_SEED);
    }

    public long seed() {
        return seed;
    }

    public SyntheticShape shape() {
        return shape;
    }

    /** Ratings the generator moved between users to meet every count exactly; a handful at most. */
    public int completionTrades() {
        return raw.swaps();
    }

    public Ratings ratings() {
        return ratings;
    }

    public Titles titles() {
        return titles;
    }

    /** User ids 1..users. */
    public long[] userIds() {
        return ratings.userIds();
    }

    /** Ratings and titles as a loader would return them. */
    public Dataset dataset() {
        return new Dataset(ratings, titles, List.of());
    }

    /**
     * Writes {@code ratings.csv}, {@code titles.csv} and {@code users.csv} into a folder (created if absent), each
     * atomically. Ratings are ordered by user, then item; timestamps are UTC ISO local date-times with milliseconds.
     *
     * @return the three files written
     */
    public List<Path> writeGuideCsv(Path dir) throws IOException {
        Path ratingsFile = dir.resolve(Loaders.RATINGS_CSV);
        Path titlesFile = dir.resolve(Loaders.TITLES_CSV);
        Path usersFile = dir.resolve(Loaders.USERS_CSV);
        SecureFiles.createPrivateDirectories(dir);
        SecureFiles.writeTextAtomically(ratingsFile, this::writeRatings);
        SecureFiles.writeTextAtomically(titlesFile, this::writeTitles);
        SecureFiles.writeTextAtomically(usersFile, this::writeUsers);
        return List.of(ratingsFile, titlesFile, usersFile);
    }

    private void writeRatings(Writer out) throws IOException {
        out.write("USER_ID,ITEM_ID,RATING,TIMESTAMP\n");
        for (int u = 0; u < ratings.userCount(); u++) {
            String user = Long.toString(ratings.userId(u));
            for (int p = ratings.start(u); p < ratings.end(u); p++) {
                GuideCsvText.line(
                        out,
                        user,
                        Long.toString(ratings.itemId(ratings.item(p))),
                        Integer.toString((int) ratings.value(p)),
                        GuideCsvText.timestamp(ratings.timestamp(p)));
            }
        }
    }

    private void writeTitles(Writer out) throws IOException {
        out.write("ITEM_ID,TITLE\n");
        for (int i = 0; i < raw.items(); i++) {
            GuideCsvText.line(out, Integer.toString(i + 1), GuideCsvText.field(raw.titles()[i]));
        }
    }

    private void writeUsers(Writer out) throws IOException {
        out.write("ID\n");
        for (int u = 1; u <= raw.users(); u++) {
            out.write(Integer.toString(u));
            out.write('\n');
        }
    }
}
