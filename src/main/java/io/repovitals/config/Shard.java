package io.repovitals.config;

/** {@code i/n}: this job handles the i-th of n shares of the repositories (1-based). */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard must be i/n with 1 <= i <= n");
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
