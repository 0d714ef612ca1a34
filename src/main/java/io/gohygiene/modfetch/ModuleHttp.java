package io.gohygiene.modfetch;

import io.gohygiene.process.SecretMasking;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * GET over http(s) and file:// the way cmd/go's proxy client does it: 404 and 410 mean "not found" (a
 * {@link FileNotFoundException}, the only answer after which a {@code ,} list tries the next proxy); user info in a
 * proxy URL is sent as Basic credentials when the server asks for them, never printed; Maven's HTTP proxy is used
 * for every host it does not exempt.
 */
public final class ModuleHttp {

    private final HttpClient client;
    private final HttpSettings settings;

    /** Credentials from the user info of {@code credentialedUrls} (GOPROXY entries), each for its own host only. */
    public static ModuleHttp withUserInfoOf(HttpSettings settings, List<URI> credentialedUrls) {
        return new ModuleHttp(settings, HostCredentials.ofUserInfo(credentialedUrls));
    }

    /** {@code credentials} for their hosts only (GOPROXY's user info, a settings.xml mirror's server). */
    public ModuleHttp(HttpSettings settings, List<HostCredentials> credentials) {
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(settings.connectTimeout());
        settings.proxy().ifPresent(p -> builder.proxy(new MavenProxySelector(p)));
        builder.authenticator(new Credentials(settings.proxy(), credentials));
        this.client = builder.build();
    }

    /** Basic credentials that are answered only to a challenge of {@code url}'s host and port. */
    public record HostCredentials(URI url, String username, String password) {
        @Override
        public String toString() {
            return url.getHost() + " as " + username;  // never the password
        }

        /** The user info of those of {@code urls} that carry one. */
        public static List<HostCredentials> ofUserInfo(List<URI> urls) {
            return urls.stream().filter(u -> u.getRawUserInfo() != null).map(u -> {
                String info = u.getRawUserInfo();
                int colon = info.indexOf(':');
                String user = URLDecoder.decode(colon < 0 ? info : info.substring(0, colon), StandardCharsets.UTF_8);
                String password = colon < 0 ? "" : URLDecoder.decode(info.substring(colon + 1), StandardCharsets.UTF_8);
                return new HostCredentials(u, user, password);
            }).toList();
        }
    }

    public HttpClient client() {
        return client;
    }

    public Duration timeout() {
        return settings.requestTimeout();
    }

    /** Streams {@code url} into {@code to} (created or truncated) and returns the byte count. */
    public long download(URI url, Path to) throws IOException {
        if ("file".equals(url.getScheme())) {
            try {
                Files.copy(Path.of(url), to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return Files.size(to);
            } catch (NoSuchFileException e) {
                throw new FileNotFoundException(redacted(url));
            }
        }
        HttpResponse<InputStream> response = send(url);
        try (InputStream body = response.body();
             OutputStream out = Files.newOutputStream(to, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            long n = body.transferTo(out);
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared >= 0 && n != declared) {
                throw new IOException("the download of " + redacted(url) + " ended after " + n + " of " + declared + " bytes");
            }
            return n;
        }
    }

    /** A small answer (a version list, a .info file), at most {@code limit} bytes. */
    public byte[] get(URI url, int limit) throws IOException {
        if ("file".equals(url.getScheme())) {
            try {
                return Files.readAllBytes(Path.of(url));
            } catch (NoSuchFileException e) {
                throw new FileNotFoundException(redacted(url));
            }
        }
        HttpResponse<InputStream> response = send(url);
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new IOException(redacted(url) + " answered more than " + limit + " bytes");
            }
            return bytes;
        }
    }

    private HttpResponse<InputStream> send(URI url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(withoutUserInfo(url)).timeout(settings.requestTimeout()).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new IOException(redacted(url) + " did not answer within " + settings.requestTimeout().toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + redacted(url), e);
        } catch (IOException e) {
            throw new IOException(redacted(url) + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : SecretMasking.urls(e.getMessage()))
                    + throughProxy(url), e);
        }
        int status = response.statusCode();
        if (status == 200) {
            return response;
        }
        String detail = "";
        try (InputStream body = response.body()) {
            detail = new String(body.readNBytes(300), StandardCharsets.UTF_8).strip();
        }
        if (status == 404 || status == 410) {
            throw new FileNotFoundException(redacted(url) + ": " + status + (detail.isEmpty() ? "" : " " + firstLine(detail)));
        }
        throw new IOException(redacted(url) + " answered HTTP " + status + (detail.isEmpty() ? "" : ": " + firstLine(detail)));
    }

    /** Said with a connection failure, which is then often the proxy's: " (through Maven's HTTP proxy host:port)". */
    private String throughProxy(URI url) {
        return settings.proxy().filter(p -> url.getHost() != null && !p.bypasses(url.getHost()))
                .map(p -> " (through Maven's HTTP proxy " + p + ")").orElse("");
    }

    /** The URL as it may be printed: the password or token in its user info masked. */
    public static String redacted(URI url) {
        return SecretMasking.urls(url.toString());
    }

    static URI withoutUserInfo(URI url) {
        if (url.getRawUserInfo() == null) {
            return url;
        }
        return URI.create(url.toString().replaceFirst("//[^/@]*@", "//"));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return SecretMasking.urls(nl < 0 ? s : s.substring(0, nl));
    }

    private static final class MavenProxySelector extends ProxySelector {
        private final HttpSettings.ProxyServer proxy;

        MavenProxySelector(HttpSettings.ProxyServer proxy) {
            this.proxy = proxy;
        }

        @Override
        public List<Proxy> select(URI uri) {
            if (uri.getHost() == null || proxy.bypasses(uri.getHost())) {
                return List.of(Proxy.NO_PROXY);
            }
            return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            // The request fails with its own message naming the URL.
        }
    }

    /** Answers the proxy's and the module proxies' Basic challenges: credentials go only to the host they belong to. */
    private static final class Credentials extends Authenticator {
        private final Optional<HttpSettings.ProxyServer> proxy;
        private final List<HostCredentials> credentials;

        Credentials(Optional<HttpSettings.ProxyServer> proxy, List<HostCredentials> credentials) {
            this.proxy = proxy;
            this.credentials = List.copyOf(credentials);
        }

        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            if (getRequestorType() == RequestorType.PROXY) {
                return proxy.filter(p -> p.username().isPresent())
                        .map(p -> new PasswordAuthentication(p.username().get(), p.password().orElse("").toCharArray())).orElse(null);
            }
            for (HostCredentials c : credentials) {
                if (c.url().getHost().equalsIgnoreCase(getRequestingHost()) && port(c.url()) == getRequestingPort()) {
                    return new PasswordAuthentication(c.username(), c.password().toCharArray());
                }
            }
            return null;
        }

        private static int port(URI url) {
            return url.getPort() >= 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
        }
    }
}
