package io.repovitals.render;

import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/** A chart's bytes, to be inlined into report.html as a {@code data:} URI. */
public record EmbeddedImage(byte[] bytes, String mimeType) {
    private static final Pattern MIME = Pattern.compile("image/[a-z0-9.+-]+");

    public EmbeddedImage {
        Objects.requireNonNull(bytes, "bytes");
        if (mimeType == null || !MIME.matcher(mimeType).matches()) {
            throw new IllegalArgumentException("an embedded image needs an image/* MIME type such as image/png, got "
                    + mimeType);
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public String dataUri() {
        return "data:" + mimeType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }
}
