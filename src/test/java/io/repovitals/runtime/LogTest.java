package io.repovitals.runtime;

import io.repovitals.model.Secret;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LogTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicLong millis = new AtomicLong(1_000_000);

    private Log log(boolean insideActions, boolean debug) {
        return Log.create(insideActions, debug, stream(out), stream(err), () -> millis.get() * 1_000_000);
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private List<String> outLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private List<String> errLines() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Nested
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class Inside_actions {
        private final Log log = log(true, false);

        @Test
        void should_print_add_mask_before_anything_that_could_contain_the_secret() {
            log.mask("s3cr3t-token");
            log.info("using s3cr3t-token");

            assertThat(outLines()).containsExactly("::add-mask::s3cr3t-token", "using ***");
            assertThat(err.size()).isZero();
        }

        @Test
        void should_escape_the_mask_value_so_the_runner_reads_it_back_exactly() {
            log.mask("ab%0Acd");

            assertThat(outLines()).containsExactly("::add-mask::ab%250Acd");
        }

        @Test
        void should_mask_each_line_of_a_multi_line_secret() {
            log.mask("first-line\nsecond-line");
            log.error("key:\nfirst-line\nsecond-line\nend");

            assertThat(outLines()).containsExactly("::add-mask::first-line", "::add-mask::second-line",
                    "::error::key:%0A***%0A***%0Aend");
        }

        @Test
        void should_replace_masked_values_in_every_kind_of_message() {
            log.mask(Secret.of("ghp_abc123"));
            log.info("a ghp_abc123");
            log.warning("w ghp_abc123");
            log.error("e ghp_abc123");
            log.debug("d ghp_abc123");
            log.group("g ghp_abc123").close();
            log.progress("p ghp_abc123", 1, 1);

            assertThat(outLines()).first().isEqualTo("::add-mask::ghp_abc123");
            assertThat(outLines().subList(1, outLines().size())).noneMatch(line -> line.contains("ghp_abc123"))
                    .contains("a ***", "::warning::w ***", "::error::e ***", "::debug::d ***", "::group::g ***",
                            "p ***: 1/1 (100%)");
        }

        @Test
        void should_escape_percent_and_line_breaks_in_annotations() {
            log.warning("100% sure\r\nnext line");
            log.error("a\nb");

            assertThat(outLines()).containsExactly("::warning::100%25 sure%0D%0Anext line", "::error::a%0Ab");
        }

        @Test
        @SuppressWarnings("try") // the group is used only for its close
        void should_mark_groups_for_the_runner() {
            try (Log.Group ignored = log.group("Collect octo/cat")) {
                log.info("inside");
            }

            assertThat(outLines()).containsExactly("::group::Collect octo/cat", "inside", "::endgroup::");
        }

        @Test
        void should_end_a_group_once_even_when_closed_twice() {
            Log.Group group = log.group("twice");
            group.close();
            group.close();

            assertThat(outLines()).containsExactly("::group::twice", "::endgroup::");
        }

        @Test
        void should_always_send_debug_lines_and_let_the_runner_filter_them() {
            log.debug("detail");

            assertThat(outLines()).containsExactly("::debug::detail");
        }

        @Test
        void should_not_let_a_message_line_run_a_workflow_command() {
            log.info("PR title:\n  ::add-mask::nothing\n::set-env name=X::y\nsee ##[group]legacy");

            List<String> lines = outLines();
            assertThat(lines).contains("  ::add-mask::nothing", "::set-env name=X::y", "see ##[group]legacy");
            assertThat(RunnerSimulation.commandsIn(lines)).isEmpty();
        }

        @Test
        void should_still_run_its_own_commands_after_a_fenced_message() {
            log.info("::error::fake");
            log.warning("real");

            assertThat(RunnerSimulation.commandsIn(outLines())).containsExactly("warning");
        }

        @Test
        void should_print_plain_info_without_a_fence() {
            log.info("a::b is fine");

            assertThat(outLines()).containsExactly("a::b is fine");
        }
    }

    @Nested
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class Outside_actions {
        @Test
        void should_write_everything_to_stderr_so_stdout_stays_free_for_json() {
            Log log = log(false, false);
            log.mask("tok");
            log.info("info tok");
            log.warning("careful");
            log.error("broken\nsecond tok line");

            assertThat(out.size()).isZero();
            assertThat(errLines()).containsExactly("info ***", "warning: careful", "error: broken", "second *** line");
        }

        @Test
        void should_print_debug_only_when_asked() {
            log(false, false).debug("hidden");
            assertThat(err.size()).isZero();

            log(false, true).debug("shown");
            assertThat(errLines()).containsExactly("debug: shown");
        }

        @Test
        @SuppressWarnings("try") // the group is used only for its close
        void should_title_a_group_and_report_its_duration() {
            Log log = log(false, false);
            try (Log.Group ignored = log.group("Render")) {
                log.info("work");
                millis.addAndGet(1_250);
            }

            assertThat(errLines()).containsExactly("== Render", "work", "   done in 1.3 s");
        }

        @Test
        void should_ignore_null_and_blank_secrets() {
            Log log = log(false, false);
            log.mask((String) null);
            log.mask((Secret) null);
            log.mask("  ");
            log.info("a  b");

            assertThat(errLines()).containsExactly("a  b");
        }

        @Test
        void should_replace_the_longer_of_two_overlapping_secrets_whole() {
            Log log = log(false, false);
            log.mask("abc");
            log.mask("abcdef");
            log.info("x abcdef y abc");

            assertThat(errLines()).containsExactly("x *** y ***");
        }
    }

    @Nested
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class Progress {
        private final Log log = log(false, false);

        @Test
        void should_print_at_most_one_line_per_ten_percent_step() {
            for (int done = 0; done <= 200; done++) {
                log.progress("repositories", done, 200);
            }

            assertThat(errLines()).hasSize(11)
                    .startsWith("repositories: 0/200 (0%)", "repositories: 20/200 (10%)")
                    .endsWith("repositories: 200/200 (100%)");
        }

        @Test
        void should_print_again_after_five_seconds_within_one_step() {
            log.progress("pulls", 1, 1000);
            log.progress("pulls", 2, 1000);
            millis.addAndGet(ProgressThrottle.INTERVAL_MILLIS);
            log.progress("pulls", 3, 1000);
            log.progress("pulls", 4, 1000);

            assertThat(errLines()).containsExactly("pulls: 1/1000 (0%)", "pulls: 3/1000 (0%)");
        }

        @Test
        void should_throttle_tasks_independently_and_restart_a_task_that_starts_over() {
            log.progress("a", 5, 10);
            log.progress("b", 5, 10);
            log.progress("a", 5, 10);
            log.progress("a", 1, 10);

            assertThat(errLines()).containsExactly("a: 5/10 (50%)", "b: 5/10 (50%)", "a: 1/10 (10%)");
        }
    }

    /**
     * The runner's reading of stdout, reduced to what the guard relies on: a line whose trimmed start
     * is {@code ::name::} or that holds {@code ##[name]} is a command, unless commands are stopped
     * by {@code ::stop-commands::TOKEN} and not yet resumed by {@code ::TOKEN::}.
     */
    static final class RunnerSimulation {
        static List<String> commandsIn(List<String> lines) {
            List<String> commands = new ArrayList<>();
            String stopToken = null;
            for (String line : lines) {
                String trimmed = line.strip();
                if (stopToken != null) {
                    if (trimmed.equals("::" + stopToken + "::")) {
                        stopToken = null;
                    }
                } else if (trimmed.startsWith("::stop-commands::")) {
                    stopToken = trimmed.substring("::stop-commands::".length());
                } else if (trimmed.startsWith("::") && trimmed.indexOf("::", 2) > 0) {
                    commands.add(trimmed.substring(2, trimmed.indexOf("::", 2)).split(" ")[0]);
                } else if (line.contains("##[")) {
                    commands.add("legacy");
                }
            }
            return commands;
        }
    }
}
