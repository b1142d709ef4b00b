package io.papi.local;

/**
 * What a change to the user registry did, in words fit to show the person who asked for it.
 *
 * @param user    the login name the change was about
 * @param outcome whether anything was written
 * @param message one line saying what happened, naming keys by fingerprint
 */
public record UserChange(String user, Outcome outcome, String message) {

    public enum Outcome {
        /** The user did not exist and now does. */
        CREATED,
        /** The user existed and something about it changed. */
        UPDATED,
        /** The user already was as asked: nothing written. */
        UNCHANGED
    }

    /** True when the registry was written. */
    public boolean changed() {
        return outcome != Outcome.UNCHANGED;
    }

    @Override
    public String toString() {
        return message;
    }
}
