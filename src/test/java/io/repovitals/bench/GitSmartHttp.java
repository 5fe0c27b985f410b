package io.repovitals.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.RefAdvertiser.PacketLineOutRefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * One bare repository served over git's smart HTTP protocol (version 0, stateless), as GitHub serves
 * {@code <server>/<owner>/<name>.git}: fetch and push, both behind basic auth whose password is the
 * token (the user name is ignored, as GitHub ignores {@code x-access-token}). Without credentials it
 * answers 401 with a challenge, which is when git clients send them.
 * Mounted at {@code /<owner>/<name>.git}; JGit's UploadPack and ReceivePack do the protocol.
 */
final class GitSmartHttp implements HttpHandler {
    private final Repository repository;
    private final String token;
    private final AtomicInteger pushes = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    GitSmartHttp(Repository repository, String token) {
        this.repository = repository;
        this.token = token;
    }

    /** Pushes received (receive-pack requests that sent commands). */
    int pushes() {
        return pushes.get();
    }

    /** Requests answered 401 or 403 (no or wrong credentials). */
    int refused() {
        return refused.get();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorized(exchange)) {
                refused.incrementAndGet();
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"GitHub\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.endsWith("/info/refs") && query != null && query.contains("service=git-")) {
                advertise(exchange, query.contains("service=git-receive-pack") ? "git-receive-pack" : "git-upload-pack");
            } else if (method.equals("POST") && path.endsWith("/git-upload-pack")) {
                upload(exchange);
            } else if (method.equals("POST") && path.endsWith("/git-receive-pack")) {
                receive(exchange);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private boolean authorized(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        return credentials.substring(credentials.indexOf(':') + 1).equals(token);
    }

    private void advertise(HttpExchange exchange, String service) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/x-" + service + "-advertisement");
        exchange.getResponseHeaders().add("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            PacketLineOut packets = new PacketLineOut(out);
            packets.writeString("# service=" + service + "\n");
            packets.end();
            PacketLineOutRefAdvertiser advertiser = new PacketLineOutRefAdvertiser(packets);
            if (service.equals("git-receive-pack")) {
                ReceivePack receive = new ReceivePack(repository);
                receive.setBiDirectionalPipe(false);
                receive.sendAdvertisedRefs(advertiser);
            } else {
                UploadPack upload = new UploadPack(repository);
                upload.setBiDirectionalPipe(false);
                upload.sendAdvertisedRefs(advertiser);
            }
        }
    }

    private void upload(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/x-git-upload-pack-result");
        exchange.sendResponseHeaders(200, 0);
        try (InputStream in = body(exchange); OutputStream out = exchange.getResponseBody()) {
            UploadPack upload = new UploadPack(repository);
            upload.setBiDirectionalPipe(false);
            upload.upload(in, out, null);
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/x-git-receive-pack-result");
        exchange.sendResponseHeaders(200, 0);
        try (InputStream in = body(exchange); OutputStream out = exchange.getResponseBody()) {
            ReceivePack receive = new ReceivePack(repository);
            receive.setBiDirectionalPipe(false);
            receive.setPostReceiveHook((pack, commands) -> {
                if (!commands.isEmpty()) {
                    pushes.incrementAndGet();
                }
            });
            receive.receive(in, out, null);
        }
    }

    private static InputStream body(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        return encoding != null && encoding.contains("gzip") ? new GZIPInputStream(in) : in;
    }
}
