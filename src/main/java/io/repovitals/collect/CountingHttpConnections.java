package io.repovitals.collect;

import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.Proxy;
import java.net.URL;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JGit's HTTP connections for one fetch, counting the bytes received and failing the fetch once
 * they pass the cap: a size cap that holds while the pack arrives, not after it is on disk. Set on
 * the fetch's own transport (not JGit's global factory), so concurrent fetches count apart.
 * A plain delegate rather than a dynamic proxy, for native images.
 */
final class CountingHttpConnections implements HttpConnectionFactory {
    /** The fetch received more than the cap allows. */
    static final class CapExceeded extends IOException {
        CapExceeded(long cap) {
            super("the fetch passed the size cap of " + cap + " bytes");
        }
    }

    private final HttpConnectionFactory delegate;
    private final long capBytes;
    private final AtomicLong received = new AtomicLong();

    CountingHttpConnections(HttpConnectionFactory delegate, long capBytes) {
        this.delegate = delegate;
        this.capBytes = capBytes;
    }

    long received() {
        return received.get();
    }

    boolean capExceeded() {
        return received.get() > capBytes;
    }

    @Override
    public HttpConnection create(URL url) throws IOException {
        return new Counting(delegate.create(url));
    }

    @Override
    public HttpConnection create(URL url, Proxy proxy) throws IOException {
        return new Counting(delegate.create(url, proxy));
    }

    private final class CountingStream extends FilterInputStream {
        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws CapExceeded {
            if (received.addAndGet(n) > capBytes) {
                throw new CapExceeded(capBytes);
            }
        }
    }

    private final class Counting implements HttpConnection {
        private final HttpConnection connection;

        Counting(HttpConnection connection) {
            this.connection = connection;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return new CountingStream(connection.getInputStream());
        }

        @Override
        public int getResponseCode() throws IOException {
            return connection.getResponseCode();
        }

        @Override
        public URL getURL() {
            return connection.getURL();
        }

        @Override
        public String getResponseMessage() throws IOException {
            return connection.getResponseMessage();
        }

        @Override
        public Map<String, List<String>> getHeaderFields() {
            return connection.getHeaderFields();
        }

        @Override
        public void setRequestProperty(String key, String value) {
            connection.setRequestProperty(key, value);
        }

        @Override
        public void setRequestMethod(String method) throws ProtocolException {
            connection.setRequestMethod(method);
        }

        @Override
        public void setUseCaches(boolean useCaches) {
            connection.setUseCaches(useCaches);
        }

        @Override
        public void setConnectTimeout(int timeout) {
            connection.setConnectTimeout(timeout);
        }

        @Override
        public void setReadTimeout(int timeout) {
            connection.setReadTimeout(timeout);
        }

        @Override
        public String getContentType() {
            return connection.getContentType();
        }

        @Override
        public String getHeaderField(String name) {
            return connection.getHeaderField(name);
        }

        @Override
        public List<String> getHeaderFields(String name) {
            return connection.getHeaderFields(name);
        }

        @Override
        public int getContentLength() {
            return connection.getContentLength();
        }

        @Override
        public void setInstanceFollowRedirects(boolean follow) {
            connection.setInstanceFollowRedirects(follow);
        }

        @Override
        public void setDoOutput(boolean doOutput) {
            connection.setDoOutput(doOutput);
        }

        @Override
        public void setFixedLengthStreamingMode(int contentLength) {
            connection.setFixedLengthStreamingMode(contentLength);
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return connection.getOutputStream();
        }

        @Override
        public void setChunkedStreamingMode(int chunkLength) {
            connection.setChunkedStreamingMode(chunkLength);
        }

        @Override
        public String getRequestMethod() {
            return connection.getRequestMethod();
        }

        @Override
        public boolean usingProxy() {
            return connection.usingProxy();
        }

        @Override
        public void connect() throws IOException {
            connection.connect();
        }

        @Override
        public void configure(KeyManager[] km, TrustManager[] tm, SecureRandom random)
                throws NoSuchAlgorithmException, KeyManagementException {
            connection.configure(km, tm, random);
        }

        @Override
        public void setHostnameVerifier(HostnameVerifier verifier) throws NoSuchAlgorithmException, KeyManagementException {
            connection.setHostnameVerifier(verifier);
        }
    }
}
