package io.papi.cli.stack;

import io.papi.recommender.ProgressListener;
import java.io.PrintWriter;

/**
 * Progress bars on stderr for a person at a terminal: one line per phase, redrawn in place with a carriage
 * return at most ten times a second. Never used when output is not a terminal.
 */
public final class TerminalProgress implements ProgressListener {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private String phase;
    private long total;
    private long done;
    private long lastDraw;
    private long startNanos;

    public TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    /** Bars when a person is watching, nothing otherwise. */
    public static ProgressListener forTerminal(boolean interactive, PrintWriter err) {
        return interactive ? new TerminalProgress(err) : ProgressListener.NONE;
    }

    @Override
    public void start(String phase, long total) {
        this.phase = phase;
        this.total = total;
        this.done = 0;
        this.lastDraw = 0;
        this.startNanos = System.nanoTime();
        draw(true);
    }

    @Override
    public void advance(long n) {
        done += n;
        draw(false);
    }

    @Override
    public void done() {
        if (total > 0) {
            done = total;
        }
        draw(true);
        err.print('\n');
        err.flush();
    }

    private void draw(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        double seconds = (now - startNanos) / 1e9;
        StringBuilder line = new StringBuilder("\r").append(String.format("%-22s ", phase));
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, WIDTH * done / total);
            line.append('[')
                    .append("#".repeat(filled))
                    .append(" ".repeat(WIDTH - filled))
                    .append("] ")
                    .append(String.format("%3d%%", Math.min(100, 100 * done / total)));
        } else {
            line.append(done).append(" done");
        }
        line.append(String.format("  %.1fs", seconds));
        err.print(line);
        err.flush();
    }
}
