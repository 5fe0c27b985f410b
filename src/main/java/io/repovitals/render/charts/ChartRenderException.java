package io.repovitals.render.charts;

/** A chart could not be drawn, most often for want of fonts on the machine; the message says what to do. */
public final class ChartRenderException extends RuntimeException {
    public ChartRenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
