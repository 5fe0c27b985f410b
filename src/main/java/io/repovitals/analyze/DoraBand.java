package io.repovitals.analyze;

import java.util.Locale;

/** A DORA performance band, best first. */
public enum DoraBand {
    ELITE, HIGH, MEDIUM, LOW;

    /** As written in analysis.json. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
