package io.repovitals.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Decides when a progress line is worth printing: at most once per 10 % step of each task, or when
 * {@link #INTERVAL_MILLIS} passed since its last line, so that a slow step still shows it is alive.
 */
final class ProgressThrottle {
    static final long INTERVAL_MILLIS = 5_000;

    private record Mark(int done, int step, long at) {}

    private final LongSupplier millis;
    private final Map<String, Mark> marks = new HashMap<>();

    ProgressThrottle(LongSupplier millis) {
        this.millis = millis;
    }

    boolean shouldPrint(String what, int done, int total) {
        int step = total <= 0 ? 10 : (int) Math.min(10, Math.max(0, (long) done * 10 / total));
        long now = millis.getAsLong();
        Mark last = marks.get(what);
        // A count that goes back means the same task started again: it gets a fresh first line.
        boolean print = last == null || done < last.done() || step > last.step()
                || now - last.at() >= INTERVAL_MILLIS;
        if (print) {
            marks.put(what, new Mark(done, step, now));
        }
        return print;
    }
}
