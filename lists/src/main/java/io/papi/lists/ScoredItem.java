package io.papi.lists;

/** One element of a list: an item and its score, higher first. */
public record ScoredItem(String itemId, double score) {}
