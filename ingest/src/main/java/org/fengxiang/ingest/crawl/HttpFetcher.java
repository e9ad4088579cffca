package org.fengxiang.ingest.crawl;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polite HTTP GET: SSRF check and robots.txt on every hop, per-host throttle, manual redirects
 * with a limit and loop detection, retries with exponential backoff and jitter on 429/5xx/timeouts
 * (honouring {@code Retry-After}), conditional GET, a whole-request timeout, a body size limit and
 * charset decoding. Every failure is a {@link FetchException} with a short reason.
 */
public final class HttpFetcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFetcher.class);

    /** Validators of a previous fetch for a conditional GET (either may be null). */
    public record Validators(String etag, String lastModified) {
        static final Validators NONE = new Validators(null, null);
    }

    private final CrawlerSettings settings;
    private final HttpClient client;
    private final java.util.concurrent.ExecutorService executor;
    private final SsrfGuard guard;
    private final HostThrottle throttle;
    private final Sleeper sleeper;
    private final Clock clock;
    private final RobotsCache robots;
    private LongSupplier jitter = () -> ThreadLocalRandom.current().nextLong(1_000_000);
    private int retries;

    /** A fetcher with its own HTTP client. */
    public HttpFetcher(CrawlerSettings settings, Clock clock, Sleeper sleeper) {
        this(settings, clock, sleeper, java.net.InetAddress::getAllByName);
    }

    HttpFetcher(CrawlerSettings settings, Clock clock, Sleeper sleeper, SsrfGuard.Resolver resolver) {
        this.settings = settings.validate();
        this.clock = clock;
        this.sleeper = sleeper;
        this.executor = java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fengxiang-http");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofMillis(settings.connectTimeoutMs))
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        this.guard = new SsrfGuard(settings.allowPrivateAddresses, settings.allowedHosts, resolver);
        this.throttle = new HostThrottle(clock, sleeper, settings.perHostIntervalMs);
        this.robots = new RobotsCache(this, settings.userAgent, settings.maxCrawlDelayMs);
    }

    /** Fetches a page (robots.txt honoured when configured). */
    public Page fetch(String url) throws FetchException, InterruptedException {
        return fetch(url, Validators.NONE);
    }

    /** Fetches a page with conditional-GET validators; a 304 gives a page with {@code notModified}. */
    public Page fetch(String url, Validators validators) throws FetchException, InterruptedException {
        return fetch(url, validators, settings.respectRobots);
    }

    /** Sets the politeness interval of one host, overriding the default (a per-source setting). */
    public void hostInterval(String host, long millis) {
        throttle.overrideInterval(host, millis);
    }

    /** Retries performed so far (all fetches). */
    public synchronized int retries() {
        return retries;
    }

    void jitter(LongSupplier source) {
        this.jitter = source;
    }

    HostThrottle throttle() {
        return throttle;
    }

    Page fetch(String url, Validators validators, boolean checkRobots) throws FetchException, InterruptedException {
        return fetch(url, validators, checkRobots, settings.requestTimeoutMs);
    }

    /** robots.txt is small but decides a whole host: it gets at least {@link #ROBOTS_TIMEOUT_MS}. */
    static final long ROBOTS_TIMEOUT_MS = 10_000;

    Page fetchRobots(String url) throws FetchException, InterruptedException {
        return fetch(url, Validators.NONE, false, Math.max(settings.requestTimeoutMs, ROBOTS_TIMEOUT_MS));
    }

    private Page fetch(String url, Validators validators, boolean checkRobots, long timeoutMs) throws FetchException, InterruptedException {
        URI uri = parse(url);
        FetchException last = null;
        for (int attempt = 0; attempt <= settings.maxRetries; attempt++) {
            try {
                return followRedirects(uri, validators, checkRobots, timeoutMs);
            } catch (Retryable r) {
                last = r.failure;
                if (attempt == settings.maxRetries) break;
                long delay = r.retryAfterMs >= 0 ? Math.min(r.retryAfterMs, settings.backoffMaxMs) : backoff(attempt);
                LOG.debug("retrying {} in {} ms after {}", url, delay, r.failure.getMessage());
                synchronized (this) {
                    retries++;
                }
                sleeper.sleep(delay);
            }
        }
        throw last;
    }

    private long backoff(int attempt) {
        long cap = Math.min(settings.backoffMaxMs, settings.backoffBaseMs << Math.min(attempt, 20));
        long half = cap / 2;
        return half + jitter.getAsLong() % (cap - half + 1);
    }

    private Page followRedirects(URI start, Validators validators, boolean checkRobots, long timeoutMs) throws FetchException, Retryable, InterruptedException {
        Set<String> visited = new HashSet<>();
        URI uri = start;
        for (int hop = 0; ; hop++) {
            if (!visited.add(uri.toString())) throw new FetchException("redirect-loop", "redirect loop at " + uri);
            if (hop > settings.maxRedirects) throw new FetchException("too-many-redirects", "more than " + settings.maxRedirects + " redirects from " + start);
            guard.check(uri);
            if (checkRobots && !robots.allowed(uri)) throw new FetchException("robots", "disallowed by robots.txt: " + uri);
            throttle.await(hostKey(uri));
            HttpResponse<byte[]> r = send(uri, hop == 0 ? validators : Validators.NONE, timeoutMs);
            int status = r.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                String location = r.headers().firstValue("Location").orElse(null);
                if (location == null) throw new FetchException("http-" + status, "redirect without Location from " + uri);
                uri = resolve(uri, location);
                continue;
            }
            if (status == 429 || status >= 500) {
                throw new Retryable(new FetchException("http-" + status, "HTTP " + status + " from " + uri), retryAfter(r));
            }
            if (status == 304) return page(uri, r, new byte[0], true);
            if (status >= 400) throw new FetchException("http-" + status, "HTTP " + status + " from " + uri);
            return page(uri, r, r.body(), false);
        }
    }

    private HttpResponse<byte[]> send(URI uri, Validators v, long timeoutMs) throws FetchException, Retryable, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofMillis(timeoutMs))
                .header("User-Agent", settings.userAgent)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml,*/*;q=0.8")
                .header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5");
        if (v.etag() != null) b.header("If-None-Match", v.etag());
        if (v.lastModified() != null) b.header("If-Modified-Since", v.lastModified());
        long limit = settings.maxBodyBytes;
        CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(b.build(), info -> {
            int s = info.statusCode();
            if (s < 200 || s >= 300) return HttpResponse.BodySubscribers.replacing(new byte[0]);
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > limit) return HttpResponse.BodySubscribers.replacing(null);
            return new LimitedBody(limit);
        });
        try {
            HttpResponse<byte[]> r = f.get(timeoutMs, TimeUnit.MILLISECONDS);
            if (r.statusCode() >= 200 && r.statusCode() < 300 && r.body() == null) {
                throw new FetchException("too-large", "declared body larger than " + limit + " bytes at " + uri);
            }
            return r;
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new Retryable(new FetchException("timeout", "no complete response within " + timeoutMs + " ms from " + uri), -1);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof LimitedBody.TooLarge || c != null && c.getCause() instanceof LimitedBody.TooLarge) {
                throw new FetchException("too-large", "body larger than " + limit + " bytes at " + uri);
            }
            if (c instanceof HttpTimeoutException) {
                throw new Retryable(new FetchException("timeout", "timeout from " + uri), -1);
            }
            if (c instanceof java.net.ConnectException) throw new Retryable(new FetchException("connect", "cannot connect to " + uri), -1);
            throw new FetchException("io", "I/O error from " + uri + ": " + (c == null ? e : c));
        }
    }

    private Page page(URI uri, HttpResponse<byte[]> r, byte[] body, boolean notModified) {
        String ct = r.headers().firstValue("Content-Type").orElse(null);
        Charsets.Decoded d = notModified ? null : Charsets.decode(body, ct);
        return new Page(uri.toString(), r.statusCode(), ct, r.headers().firstValue("ETag").orElse(null),
                r.headers().firstValue("Last-Modified").orElse(null), body, d == null ? null : d.text(),
                d == null ? null : d.charset(), Instant.now(clock), notModified);
    }

    private long retryAfter(HttpResponse<?> r) {
        String v = r.headers().firstValue("Retry-After").orElse(null);
        if (v == null) return -1;
        v = v.trim();
        if (v.matches("\\d{1,9}")) return Long.parseLong(v) * 1000;
        try {
            return Math.max(0, Duration.between(Instant.now(clock), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME)).toMillis());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    static String hostKey(URI uri) {
        return uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort();
    }

    static URI parse(String url) throws FetchException {
        try {
            URI u = new URI(url.trim()).normalize();
            if (u.getHost() == null) throw new FetchException("bad-url", "not an absolute http(s) URL: " + url);
            return u;
        } catch (java.net.URISyntaxException e) {
            throw new FetchException("bad-url", "malformed URL: " + url);
        }
    }

    private static URI resolve(URI base, String location) throws FetchException {
        try {
            return base.resolve(new URI(location.trim().replace(" ", "%20"))).normalize();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new FetchException("bad-url", "bad redirect target '" + location + "' from " + base);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** A failure worth retrying, with the server's Retry-After in ms (-1 when absent). */
    private static final class Retryable extends Exception {
        final FetchException failure;
        final long retryAfterMs;

        Retryable(FetchException failure, long retryAfterMs) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
            this.retryAfterMs = retryAfterMs;
        }
    }
}
