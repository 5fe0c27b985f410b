package io.repovitals.runtime;

import io.repovitals.model.Ticker;

import io.repovitals.model.Secret;

import java.io.PrintStream;
import java.util.Locale;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The one logger every stage uses. Inside GitHub Actions it speaks the runner's workflow commands
 * on stdout, where the runner reads them; outside it writes plain lines to stderr, because stdout
 * may carry the JSON that {@code collect} prints (contract.md "Commands").
 *
 * <p>Every message passes through the mask: a value given to {@link #mask(String)} is never printed,
 * whatever the method, even inside a multi-line message. Text that would read as a workflow command
 * is fenced with {@code ::stop-commands::}, so a pull request title cannot drive the runner.
 */
public final class Log {
    /** A log section; closing it never throws, so try-with-resources needs no catch. */
    public interface Group extends AutoCloseable {
        @Override
        void close();
    }

    private final boolean insideActions;
    private final boolean debugEnabled;
    private final PrintStream sink;
    private final LongSupplier millis;
    private final SecretMasker masker = new SecretMasker();
    private final ProgressThrottle throttle;

    private Log(boolean insideActions, boolean debugEnabled, PrintStream sink, LongSupplier millis) {
        this.insideActions = insideActions;
        this.debugEnabled = debugEnabled;
        this.sink = sink;
        this.millis = millis;
        this.throttle = new ProgressThrottle(millis);
    }

    /**
     * @param debug  whether {@link #debug(String)} prints outside Actions (e.g. REPO_VITALS_DEBUG is
     *               set); inside Actions the runner decides, through ACTIONS_STEP_DEBUG
     * @param ticker times groups and throttles progress
     */
    public static Log create(boolean insideActions, boolean debug, PrintStream out, PrintStream err, Ticker ticker) {
        return new Log(insideActions, debug, insideActions ? out : err, ticker::millis);
    }

    /** Hides the value in everything printed from now on; inside Actions the runner hides it too. Null or blank is ignored. */
    public synchronized void mask(String secret) {
        for (String value : masker.register(secret)) {
            if (insideActions) {
                sink.println(WorkflowCommands.command("add-mask", value));
            }
        }
    }

    public void mask(Secret secret) {
        if (secret != null) {
            mask(secret.reveal());
        }
    }

    public synchronized void info(String message) {
        String text = masker.apply(String.valueOf(message));
        if (insideActions && text.lines().anyMatch(WorkflowCommands::looksLikeCommand)) {
            // The documented way to print untrusted text verbatim: the runner ignores commands until the token.
            String token = UUID.randomUUID().toString();
            sink.println(WorkflowCommands.command("stop-commands", token));
            sink.println(text);
            sink.println("::" + token + "::");
        } else {
            sink.println(text);
        }
    }

    public void warning(String message) {
        annotate("warning", message);
    }

    public void error(String message) {
        annotate("error", message);
    }

    public synchronized void debug(String message) {
        if (insideActions) {
            sink.println(WorkflowCommands.command("debug", masker.apply(String.valueOf(message))));
        } else if (debugEnabled) {
            sink.println("debug: " + masker.apply(String.valueOf(message)));
        }
    }

    /** Starts a collapsible section (inside Actions) or a titled, timed one (outside). Groups do not nest in Actions. */
    public synchronized Group group(String title) {
        String text = masker.apply(String.valueOf(title));
        if (insideActions) {
            sink.println(WorkflowCommands.command("group", text));
        } else {
            sink.println("== " + text);
        }
        long start = millis.getAsLong();
        return new Group() {
            private boolean closed;

            @Override
            public void close() {
                synchronized (Log.this) {
                    if (closed) {
                        return;
                    }
                    closed = true;
                    if (insideActions) {
                        sink.println("::endgroup::");
                    } else {
                        double seconds = (millis.getAsLong() - start) / 1000.0;
                        sink.println(String.format(Locale.ROOT, "   done in %.1f s", seconds));
                    }
                }
            }
        };
    }

    /** A line such as {@code repositories: 12/120 (10%)}, at most once per 10 % step or every 5 s. */
    public synchronized void progress(String what, int done, int total) {
        if (throttle.shouldPrint(what, done, total)) {
            String counts = total <= 0 ? String.valueOf(done)
                    : done + "/" + total + " (" + (int) ((long) done * 100 / total) + "%)";
            info(what + ": " + counts);
        }
    }

    private synchronized void annotate(String level, String message) {
        String text = masker.apply(String.valueOf(message));
        if (insideActions) {
            sink.println(WorkflowCommands.command(level, text));
        } else {
            sink.println(level + ": " + text);
        }
    }
}
