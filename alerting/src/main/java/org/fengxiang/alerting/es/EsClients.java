package org.fengxiang.alerting.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/** Builds Elasticsearch clients (the Java API client over the low-level REST client) from {@link EsSettings}. */
public final class EsClients {
    private EsClients() {}

    /** The Java API client; close it with {@code client._transport().close()}. */
    public static ElasticsearchClient create(EsSettings settings) {
        return create(settings, System.getenv());
    }

    /** As {@link #create(EsSettings)} with an explicit environment (for secrets). */
    public static ElasticsearchClient create(EsSettings settings, Map<String, String> env) {
        RestClient rest = restClient(settings, env);
        return new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
    }

    /** The low-level REST client. */
    public static RestClient restClient(EsSettings settings, Map<String, String> env) {
        settings.validate();
        List<HttpHost> hosts = new ArrayList<>();
        for (String u : settings.urls) hosts.add(HttpHost.create(u.endsWith("/") ? u.substring(0, u.length() - 1) : u));
        RestClientBuilder b = RestClient.builder(hosts.toArray(HttpHost[]::new));
        List<Header> headers = new ArrayList<>();
        String apiKey = settings.encodedApiKey(env);
        String password = settings.password(env);
        if (apiKey != null) {
            headers.add(new BasicHeader("Authorization", "ApiKey " + apiKey));
        } else if (settings.username != null && !settings.username.isBlank()) {
            String up = settings.username + ":" + (password == null ? "" : password);
            headers.add(new BasicHeader("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(up.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        }
        if (!headers.isEmpty()) b.setDefaultHeaders(headers.toArray(Header[]::new));
        b.setRequestConfigCallback(rc -> rc.setConnectTimeout(settings.connectTimeoutMs)
                .setSocketTimeout(settings.socketTimeoutMs));
        SSLContext ssl = sslContext(settings);
        if (ssl != null) {
            b.setHttpClientConfigCallback(hc -> {
                hc.setSSLContext(ssl);
                if (settings.insecureTrustAll) hc.setSSLHostnameVerifier((h, s) -> true);
                return hc;
            });
        }
        return b.build();
    }

    /** Closes a client created here, ignoring errors. */
    public static void close(ElasticsearchClient client) {
        if (client == null) return;
        try {
            client._transport().close();
        } catch (IOException ignored) {
            // closing
        }
    }

    /** The HTTP status behind a client exception (API-level or low-level), or -1. */
    public static int statusOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof co.elastic.clients.elasticsearch._types.ElasticsearchException e) return e.status();
            if (c instanceof org.elasticsearch.client.ResponseException e) return e.getResponse().getStatusLine().getStatusCode();
        }
        return -1;
    }

    /** The error type behind a client exception (e.g. {@code resource_already_exists_exception}), or "". */
    public static String errorTypeOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof co.elastic.clients.elasticsearch._types.ElasticsearchException e) return e.error().type();
            if (c instanceof org.elasticsearch.client.ResponseException e) {
                String msg = e.getMessage();
                int i = msg.indexOf("\"type\":\"");
                return i < 0 ? "" : msg.substring(i + 8, msg.indexOf('"', i + 8));
            }
        }
        return "";
    }

    static SSLContext sslContext(EsSettings s) {
        try {
            if (s.insecureTrustAll) {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[] {new TrustAll()}, null);
                return ctx;
            }
            if (s.caCertificate == null || s.caCertificate.isBlank()) return null;
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            try (InputStream in = Files.newInputStream(Path.of(s.caCertificate))) {
                int i = 0;
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    ks.setCertificateEntry("ca" + i++, c);
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException e) {
            throw new UncheckedIOException("elasticsearch.caCertificate: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("elasticsearch TLS setup failed: " + e.getMessage(), e);
        }
    }

    /** Trusts every certificate; only with {@code insecureTrustAll}. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

}
