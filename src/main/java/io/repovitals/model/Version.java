package io.repovitals.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The program's version, from the build (resources-filtered/repovitals/version.properties). */
public final class Version {
    private static final String VERSION = load();

    private Version() {}

    public static String get() {
        return VERSION;
    }

    public static String userAgent() {
        return "repo-vitals/" + VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/repovitals/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
