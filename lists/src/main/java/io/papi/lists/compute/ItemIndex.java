package io.papi.lists.compute;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Dense int ids for item strings, so that pair counts can key on two ints. */
final class ItemIndex {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    int of(String item) {
        Integer id = ids.get(item);
        if (id == null) {
            id = names.size();
            ids.put(item, id);
            names.add(item);
        }
        return id;
    }

    String name(int id) {
        return names.get(id);
    }

    int size() {
        return names.size();
    }
}
