package io.repovitals.config;

/** An invalid setting: names the key, the value given and what is accepted. Exit status 2. */
public final class ConfigException extends RuntimeException {
    private final String key;

    /**
     * @param key      the input name (also the YAML key), e.g. {@code window-days}
     * @param value    the value given, or null when the value must not be echoed (the token)
     * @param accepted what would be accepted, e.g. "an integer from 1 to 3650"
     */
    public ConfigException(String key, String value, String accepted) {
        super(message(key, value, accepted));
        this.key = key;
    }

    public String key() {
        return key;
    }

    private static String message(String key, String value, String accepted) {
        String shown = value == null ? "" : " = '" + value.replace("\n", "\\n") + "'";
        return "invalid setting '" + key + "'" + shown + ": expected " + accepted;
    }
}
