package io.repovitals.collect;

import java.time.Instant;
import java.util.Objects;

/** A conversation comment on an issue or pull request. */
public record Comment(Account author, Instant createdAt) {
    public Comment {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
