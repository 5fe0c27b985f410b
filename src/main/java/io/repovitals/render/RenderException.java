package io.repovitals.render;

/** A template could not be loaded, parsed or run; the message is one line naming the file and line. */
public final class RenderException extends RuntimeException {
    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
