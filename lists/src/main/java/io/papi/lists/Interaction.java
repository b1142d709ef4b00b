package io.papi.lists;

/** One row of an interactions dataset: who, what, when (Unix epoch seconds), and the event type. */
public record Interaction(String user, String item, long epochSeconds, EventType type) {}
