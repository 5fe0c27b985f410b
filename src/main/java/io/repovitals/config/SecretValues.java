package io.repovitals.config;

import io.repovitals.model.Secret;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parsers of secrets, checked for shape only and never echoed, and of the Datadog site they go to.
 * Each turns a raw, non-blank string into its typed value or throws a {@link ConfigException}
 * naming the input and what it accepts; the accepted forms here and in
 * {@code schema/repo-vitals.schema.json} are kept equal by ConfigSchemaTest.
 */
final class SecretValues {
    /** The token is checked for shape only, and never echoed: it is a secret. */
    static Secret token(String text) {
        String trimmed = text.strip();
        if (trimmed.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new ConfigException(Inputs.TOKEN.name(), null, "a token without spaces or line breaks");
        }
        return Secret.of(trimmed);
    }

    /** Like the token: checked for shape only and never echoed. */
    static Secret datadogApiKey(String text) {
        String trimmed = text.strip();
        if (trimmed.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new ConfigException(Inputs.DATADOG_API_KEY.name(), null, "an API key without spaces or line breaks");
        }
        return Secret.of(trimmed);
    }

    private static final java.util.regex.Pattern HOST_NAME =
            java.util.regex.Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

    /** A host name the API lives under as api.&lt;site&gt;: Datadog adds sites now and then, so no fixed list. */
    static String datadogSite(String text) {
        String site = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (!HOST_NAME.matcher(site).matches()) {
            throw new ConfigException(Inputs.DATADOG_SITE.name(), text,
                    "a Datadog site host name such as datadoghq.com, us3.datadoghq.com, us5.datadoghq.com,"
                            + " datadoghq.eu, ap1.datadoghq.com or ddog-gov.com");
        }
        return site;
    }

    private SecretValues() {}
}
