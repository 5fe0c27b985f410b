package io.repovitals.config;

import io.repovitals.model.Secret;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Datadog sink's inputs (issue 7): datadog-api-key is a secret like the token, datadog-site a host name. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DatadogSettingsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static final String KEY = "dd0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    private Settings resolve(Map<String, String> env, Map<String, String> options) {
        return new SettingsResolver(env, CLOCK, dir).resolve(options);
    }

    @Test
    void should_default_to_no_key_and_the_us1_site() {
        Settings settings = resolve(Map.of(), Map.of());

        assertThat(settings.export().datadogApiKey()).isEmpty();
        assertThat(settings.export().datadogSite()).isEqualTo("datadoghq.com");
    }

    @Test
    void should_take_the_key_from_the_runner_variable_as_a_secret_that_prints_as_stars() {
        Settings settings = resolve(Map.of("INPUT_DATADOG-API-KEY", " " + KEY + " "), Map.of());

        assertThat(settings.export().datadogApiKey()).contains(Secret.of(KEY));
        assertThat(settings.toString()).doesNotContain(KEY);
    }

    @Test
    void should_let_the_option_win_over_the_config_file_for_the_site() throws Exception {
        Files.createDirectories(dir.resolve(".github"));
        Files.writeString(dir.resolve(SettingsResolver.DEFAULT_CONFIG), "datadog-site: datadoghq.eu\n");

        assertThat(resolve(Map.of(), Map.of()).export().datadogSite()).isEqualTo("datadoghq.eu");
        assertThat(resolve(Map.of(), Map.of("datadog-site", "US5.datadoghq.com")).export().datadogSite()).isEqualTo("us5.datadoghq.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://datadoghq.com", "datadoghq", "api.datadoghq.com/", "data dog.com", "-bad.com"})
    void should_reject_a_site_that_is_not_a_host_name_naming_examples(String site) {
        assertThatThrownBy(() -> resolve(Map.of(), Map.of("datadog-site", site)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid setting 'datadog-site' = '" + site + "': expected a Datadog site host name such as"
                        + " datadoghq.com, us3.datadoghq.com, us5.datadoghq.com, datadoghq.eu, ap1.datadoghq.com or ddog-gov.com");
    }

    @Test
    void should_reject_a_key_with_a_space_without_echoing_it() {
        assertThatThrownBy(() -> resolve(Map.of(), Map.of("datadog-api-key", "dd01 secret")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid setting 'datadog-api-key': expected an API key without spaces or line breaks")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
    }
}
