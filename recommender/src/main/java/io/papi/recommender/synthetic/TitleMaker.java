package io.papi.recommender.synthetic;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Invents distinct MovieLens-looking titles: {@code "Silent Harbor (1994)"}, with a trailing article moved behind a
 * comma as MovieLens writes it ({@code "Last Orchard, The (1996)"}) and now and then a quoted word, so that files in
 * the guide's CSV layout exercise quoting.
 */
final class TitleMaker {

    private static final String[] ADJECTIVES = {
        "Silent", "Crimson", "Broken", "Golden", "Hidden", "Last", "Lonely", "Midnight", "Northern", "Quiet",
        "Restless", "Secret", "Shattered", "Silver", "Sleeping", "Stolen", "Strange", "Wild", "Burning", "Distant",
        "Electric", "Endless", "Falling", "Frozen", "Gentle", "Hollow", "Invisible", "Lucky", "Painted", "Perfect",
        "Rising", "Savage", "Scarlet", "Sudden", "Sweet", "Velvet", "Wandering", "Wicked", "Bitter", "Brave"
    };
    private static final String[] NOUNS = {
        "Harbor", "Orchard", "River", "Summer", "Stranger", "Kingdom", "Witness", "Highway", "Garden", "Mirror",
        "Shadow", "Season", "Promise", "Island", "Letter", "Mountain", "Storm", "Detective", "Dancer", "Empire",
        "Frontier", "Ghost", "Hunter", "Journey", "Lighthouse", "Machine", "Memory", "Odyssey", "Outlaw", "Pilot",
        "Planet", "Prophet", "Reunion", "Sailor", "Signal", "Soldier", "Symphony", "Tower", "Valley", "Voyage"
    };
    private static final String[] ARTICLES = {"The", "A", "An"};

    private final Random random;
    private final Set<String> used = new HashSet<>();

    TitleMaker(Random random) {
        this.random = random;
    }

    String next() {
        while (true) {
            String adjective = ADJECTIVES[random.nextInt(ADJECTIVES.length)];
            String noun = NOUNS[random.nextInt(NOUNS.length)];
            int year = 1930 + random.nextInt(69);
            int style = random.nextInt(20);
            String base;
            if (style < 4) {
                String article = ARTICLES[random.nextInt(ARTICLES.length)];
                if (article.equals("A") && "AEIOU".indexOf(adjective.charAt(0)) >= 0) {
                    article = "An";
                } else if (article.equals("An") && "AEIOU".indexOf(adjective.charAt(0)) < 0) {
                    article = "A";
                }
                base = adjective + " " + noun + ", " + article;
            } else if (style == 4) {
                base = "\"" + adjective + "\" " + noun;
            } else if (style == 5) {
                base = adjective + " " + noun + " II";
            } else {
                base = adjective + " " + noun;
            }
            String title = base + " (" + year + ")";
            if (used.add(title)) {
                return title;
            }
        }
    }
}
