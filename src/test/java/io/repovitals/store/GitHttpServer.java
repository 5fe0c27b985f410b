package io.repovitals.store;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * Git's smart HTTP protocol over a bare repository, on a local port: what GitHub does for the
 * history remote, small enough to read. It checks {@code x-access-token} basic auth like GitHub,
 * can refuse writes (a read-only token, HTTP 403) or reject every push in a pre-receive hook (a
 * protected branch), and records the Authorization headers it saw.
 */
public final class GitHttpServer implements AutoCloseable {
    public enum Mode { ACCEPT, REJECT_ALL_AUTH, READ_ONLY, PRE_RECEIVE_REJECTS }

    private final HttpServer server;
    private final Repository repository;
    private final String token;
    private final Mode mode;
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    public GitHttpServer(Repository repository, String token, Mode mode) throws IOException {
        this.repository = repository;
        this.token = token;
        this.mode = mode;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/octo/app.git/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/octo/app.git";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                authorizations.add(auth);
            }
            String expected = "Basic " + Base64.getEncoder()
                    .encodeToString(("x-access-token:" + token).getBytes(StandardCharsets.UTF_8));
            if (mode == Mode.REJECT_ALL_AUTH || !expected.equals(auth)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"GitHub\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            boolean receive = path.endsWith("/git-receive-pack") || "service=git-receive-pack".equals(query);
            if (receive && mode == Mode.READ_ONLY) {
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            if (path.endsWith("/info/refs")) {
                advertise(exchange, receive);
            } else if (path.endsWith("/git-upload-pack")) {
                exchange.getResponseHeaders().add("Content-Type", "application/x-git-upload-pack-result");
                exchange.sendResponseHeaders(200, 0);
                UploadPack upload = new UploadPack(repository);
                upload.setBiDirectionalPipe(false);
                upload.upload(body(exchange), exchange.getResponseBody(), null);
            } else if (path.endsWith("/git-receive-pack")) {
                exchange.getResponseHeaders().add("Content-Type", "application/x-git-receive-pack-result");
                exchange.sendResponseHeaders(200, 0);
                receivePack().receive(body(exchange), exchange.getResponseBody(), null);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private void advertise(HttpExchange exchange, boolean receive) throws IOException {
        String service = receive ? "git-receive-pack" : "git-upload-pack";
        exchange.getResponseHeaders().add("Content-Type", "application/x-" + service + "-advertisement");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        PacketLineOut packets = new PacketLineOut(out);
        packets.writeString("# service=" + service + "\n");
        packets.end();
        RefAdvertiser.PacketLineOutRefAdvertiser advertiser = new RefAdvertiser.PacketLineOutRefAdvertiser(packets);
        if (receive) {
            receivePack().sendAdvertisedRefs(advertiser);
        } else {
            UploadPack upload = new UploadPack(repository);
            upload.setBiDirectionalPipe(false);
            upload.sendAdvertisedRefs(advertiser);
        }
        out.flush();
    }

    private ReceivePack receivePack() {
        ReceivePack receive = new ReceivePack(repository);
        receive.setBiDirectionalPipe(false);
        if (mode == Mode.PRE_RECEIVE_REJECTS) {
            receive.setPreReceiveHook((pack, commands) -> {
                for (ReceiveCommand command : commands) {
                    command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, "protected branch hook declined");
                }
            });
        }
        return receive;
    }

    private static InputStream body(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        return "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding")) ? new GZIPInputStream(in) : in;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
