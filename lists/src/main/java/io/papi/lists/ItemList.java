package io.papi.lists;

import java.util.List;

/** One row of the lists table: a list's name, its key (the seed item, or {@link ListName#GLOBAL_KEY}), its items. */
public record ItemList(ListName name, String key, List<ScoredItem> items) {
    public ItemList {
        items = List.copyOf(items);
    }
}
