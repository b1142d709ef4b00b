package io.papi.datasets.synthetic;

import io.papi.datasets.InputShape;
import io.papi.datasets.csv.CsvWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Sessions of e-commerce product interactions: list impressions, product views, carts and transactions of several
 * products, by guests and logged-in users, over items whose prices change and whose categories nest three deep.
 * Some ids hold commas, quotes and non-ASCII letters, and some rows carry the NULLs real tables have.
 */
public final class EcommerceGenerator {
    private static final String[] TOP = {"Women", "Men", "Kids", "Home"};
    private static final String[] MIDDLE = {"Shoes", "Shirts", "Accessories", "Outdoor"};
    private static final String[] LEAF = {"Sneakers", "Boots", "Basics", "Premium", "Sale"};
    private static final int MIN_ITEMS = 500;

    private final SplittableRandom random;
    private final int users;
    private final EventClock clock;
    private final int items;
    private final String[] itemIds;
    private final String[] categories;
    private final BigDecimal[] prices;
    private final BigDecimal[] newPrices;
    private final long[] priceChangeAt;

    public EcommerceGenerator(long seed, int users, int days, LocalDate firstDay) {
        this.random = new SplittableRandom(seed);
        this.users = users;
        this.clock = new EventClock(firstDay, days);
        this.items = Math.max(MIN_ITEMS, users / 20);
        this.itemIds = new String[items];
        this.categories = new String[items];
        this.prices = new BigDecimal[items];
        this.newPrices = new BigDecimal[items];
        this.priceChangeAt = new long[items];
        for (int i = 0; i < items; i++) {
            itemIds[i] = i % 40 == 7 ? "SKU-" + i + ", \"Größe\" L" : "SKU-" + i;
            categories[i] = random.nextInt(100) < 3
                    ? null
                    : TOP[random.nextInt(TOP.length)] + "/" + MIDDLE[random.nextInt(MIDDLE.length)] + "/"
                            + LEAF[random.nextInt(LEAF.length)];
            prices[i] = random.nextInt(100) < 2 ? null : BigDecimal.valueOf(500 + random.nextInt(19_500), 2);
            boolean changes = prices[i] != null && random.nextInt(100) < 20;
            newPrices[i] = changes
                    ? prices[i]
                            .multiply(BigDecimal.valueOf(random.nextBoolean() ? 80 : 110))
                            .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP)
                    : prices[i];
            priceChangeAt[i] = clock.start() + (long) (random.nextDouble() * clock.span());
        }
    }

    /** Writes the header and every row; returns the number of rows. */
    public long write(Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        csv.write(InputShape.ECOMMERCE.columnTypes().keySet().toArray(String[]::new));
        long rows = 0;
        for (int user = 0; user < users; user++) {
            boolean loggedIn = random.nextInt(100) < 60;
            String userId = !loggedIn ? null : user % 50 == 3 ? "user, \"" + user + "\" ü" : "user-" + user;
            String domainUserId = Ids.uuid(random);
            int sessions = 1 + random.nextInt(4);
            for (int s = 0; s < sessions; s++) {
                rows += session(csv, userId, domainUserId, loggedIn && s == 0 && random.nextInt(100) < 15);
            }
        }
        out.flush();
        return rows;
    }

    private int session(CsvWriter csv, String userId, String domainUserId, boolean browsesAsGuest) throws IOException {
        String sessionId = Ids.uuid(random);
        String ecommerceUserId = browsesAsGuest ? null : userId;
        String guest = ecommerceUserId == null ? (random.nextInt(100) < 10 ? null : "true") : "false";
        Session session = new Session(csv, ecommerceUserId, domainUserId, sessionId, guest);
        long at = clock.start() + (long) (random.nextDouble() * clock.span());
        int rows = 0;
        int listed = 4 + random.nextInt(3);
        int[] shown = new int[listed];
        for (int i = 0; i < listed; i++) {
            shown[i] = Ids.popular(random, items);
            rows += row(session, shown[i], at, "true", "list_view", "false", "false", null, null);
        }
        int viewed = 1 + random.nextInt(3);
        int[] looked = new int[viewed];
        for (int i = 0; i < viewed; i++) {
            at += 5_000 + random.nextInt(55_000);
            looked[i] = random.nextInt(100) < 60 ? shown[random.nextInt(listed)] : Ids.popular(random, items);
            rows += row(session, looked[i], at, "true", "product_view", "false", "false", null, null);
        }
        if (random.nextInt(100) < 45) {
            int bought = 1 + random.nextInt(Math.min(3, viewed));
            for (int i = 0; i < bought; i++) {
                at += 2_000 + random.nextInt(20_000);
                rows += row(session, looked[i], at, "false", null, "true", "false", null, "1");
            }
            String transaction = "T-" + Ids.hex(random, 12);
            at += 30_000 + random.nextInt(120_000);
            for (int i = 0; i < bought; i++) {
                // real tables leave is_product_view NULL on some transaction rows
                String isView = random.nextInt(100) < 2 ? null : "false";
                rows += row(
                        session,
                        looked[i],
                        at,
                        isView,
                        null,
                        "false",
                        "true",
                        transaction,
                        String.valueOf(1 + random.nextInt(3)));
            }
        }
        return rows;
    }

    /** What every row of one session shares: who, which session, and the guest flag. */
    private record Session(CsvWriter csv, String userId, String domainUserId, String sessionId, String guest) {}

    private int row(
            Session session,
            int item,
            long at,
            String isView,
            String viewType,
            String isCart,
            String isTransaction,
            String transactionId,
            String quantity)
            throws IOException {
        BigDecimal price = at >= priceChangeAt[item] ? newPrices[item] : prices[item];
        session.csv()
                .write(
                        session.userId(),
                        session.domainUserId(),
                        session.sessionId(),
                        itemIds[item],
                        EventClock.format(at),
                        isView,
                        viewType,
                        isCart,
                        isTransaction,
                        transactionId,
                        quantity,
                        price == null ? null : price.toPlainString(),
                        categories[item],
                        session.guest());
        return 1;
    }
}
