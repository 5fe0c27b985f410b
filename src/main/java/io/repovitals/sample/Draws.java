package io.repovitals.sample;

import java.time.Instant;
import java.util.Random;

/** Random draws from one seeded {@link Random}, with StrictMath, so every JVM draws the same numbers. */
final class Draws {
    private final Random random;

    Draws(long seed) {
        this.random = new Random(seed);
    }

    /** Uniform in [0, 1). */
    double uniform() {
        return random.nextDouble();
    }

    /** Uniform in [0, bound). */
    int below(int bound) {
        return random.nextInt(bound);
    }

    boolean coin() {
        return random.nextBoolean();
    }

    /** An instant uniform in [from, to), to the second. */
    Instant between(Instant from, Instant to) {
        return from.plusSeconds((long) ((to.getEpochSecond() - from.getEpochSecond()) * random.nextDouble()));
    }

    double lognormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * random.nextGaussian());
    }

    int poisson(double mean) {
        if (mean > 30) { // Knuth's product underflows for large means; the normal approximation is close there
            return (int) StrictMath.max(0, StrictMath.round(mean + StrictMath.sqrt(mean) * random.nextGaussian()));
        }
        double limit = StrictMath.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
