package io.repovitals;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * Git's smart HTTP protocol, fetch side, over repositories on a local port, as GitHub serves
 * {@code /owner/name.git}: JGit's own UploadPack (shallow and deepen-since included), basic auth
 * checked like GitHub ({@code x-access-token:<token>}; 401 without it, 403 for {@link Mode#FORBIDDEN}).
 * Records each request line and Authorization header it saw. The repositories may be mounted under a path,
 * as GitHub Enterprise Server behind a path prefix serves {@code /ghe/owner/name.git}.
 */
public final class GitUploadServer implements AutoCloseable {
    public enum Mode { ACCEPT, FORBIDDEN }

    private final HttpServer server;
    private final Map<String, Repository> repositories = new HashMap<>();
    private final String token;
    private final Mode mode;
    private final String mountPath;
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final List<String> authorizations = new CopyOnWriteArrayList<>();

    /** @param fullName owner/name: the repository is served at /owner/name.git */
    public GitUploadServer(Repository repository, String fullName, String token, Mode mode) throws IOException {
        this(Map.of(fullName, repository), token, mode);
    }

    /** @param repositories by owner/name, each served at /owner/name.git */
    public GitUploadServer(Map<String, Repository> repositories, String token, Mode mode) throws IOException {
        this(repositories, "", token, mode);
    }

    /**
     * @param mountPath "" or a path such as "/ghe": each repository is served at mountPath/owner/name.git only
     * @param repositories by owner/name
     */
    public GitUploadServer(Map<String, Repository> repositories, String mountPath, String token, Mode mode) throws IOException {
        if (!mountPath.isEmpty() && (!mountPath.startsWith("/") || mountPath.endsWith("/"))) {
            throw new IllegalArgumentException("a mount path starts with / and does not end with it: " + mountPath);
        }
        this.mountPath = mountPath;
        repositories.forEach((fullName, repository) -> this.repositories.put(mountPath + "/" + fullName + ".git", repository));
        this.token = token;
        this.mode = mode;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** What GITHUB_SERVER_URL would be: the mount path included, no trailing slash. */
    public String serverUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + mountPath;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                authorizations.add(auth);
            }
            String expected = "Basic " + Base64.getEncoder()
                    .encodeToString(("x-access-token:" + token).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(auth)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"GitHub\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (mode == Mode.FORBIDDEN) {
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            String requested = exchange.getRequestURI().getPath();
            int git = requested.indexOf(".git/");
            Repository repository = git < 0 ? null : repositories.get(requested.substring(0, git + 4));
            String path = git < 0 ? "" : requested.substring(0, git + 4);
            if (repository == null) {
                exchange.sendResponseHeaders(404, -1);
            } else if (requested.equals(path + "/info/refs") && "service=git-upload-pack".equals(exchange.getRequestURI().getQuery())) {
                exchange.getResponseHeaders().add("Content-Type", "application/x-git-upload-pack-advertisement");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                PacketLineOut packets = new PacketLineOut(out);
                packets.writeString("# service=git-upload-pack\n");
                packets.end();
                uploadPack(repository).sendAdvertisedRefs(new RefAdvertiser.PacketLineOutRefAdvertiser(packets));
                out.flush();
            } else if (requested.equals(path + "/git-upload-pack")) {
                exchange.getResponseHeaders().add("Content-Type", "application/x-git-upload-pack-result");
                exchange.sendResponseHeaders(200, 0);
                uploadPack(repository).upload(body(exchange), exchange.getResponseBody(), null);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private static UploadPack uploadPack(Repository repository) {
        UploadPack upload = new UploadPack(repository);
        upload.setBiDirectionalPipe(false);
        return upload;
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
