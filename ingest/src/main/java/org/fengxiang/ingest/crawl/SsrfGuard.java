package org.fengxiang.ingest.crawl;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses URLs that are not http(s) or whose host resolves to a loopback, private, link-local,
 * carrier-grade NAT, unique-local, multicast, unspecified or cloud-metadata address, unless private
 * addresses are explicitly allowed (tests, the local demo) or the host is on the allow list. Checked
 * before every request, including each redirect hop.
 */
final class SsrfGuard {
    /** Resolves host names (injectable for tests). */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Set<String> allowedHosts;
    private final Resolver resolver;

    SsrfGuard(boolean allowPrivate, Iterable<String> allowedHosts, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        java.util.List<String> hosts = new java.util.ArrayList<>();
        allowedHosts.forEach(hosts::add);
        this.allowedHosts = hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    void check(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) throw new FetchException("bad-url", "scheme not allowed: " + uri);
        String host = uri.getHost();
        if (host == null || host.isBlank()) throw new FetchException("bad-url", "no host in " + uri);
        if (allowPrivate || allowedHosts.contains(host.toLowerCase(Locale.ROOT))) return;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new FetchException("dns", "cannot resolve " + host);
        }
        for (InetAddress a : addresses) {
            if (forbidden(a)) throw new FetchException("ssrf", "refusing " + host + " -> " + a.getHostAddress() + " (non-public address)");
        }
    }

    static boolean forbidden(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) return true;
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int b0 = b[0] & 0xff, b1 = b[1] & 0xff;
            return b0 == 0 || b0 == 100 && b1 >= 64 && b1 < 128 || b0 == 169 && b1 == 254 || b0 == 192 && b1 == 0 && (b[2] & 0xff) == 0
                    || b0 >= 240 || b0 == 198 && (b1 == 18 || b1 == 19);
        }
        if (a instanceof Inet6Address) {
            int b0 = b[0] & 0xff;
            if ((b0 & 0xfe) == 0xfc) return true; // fc00::/7 unique local
            boolean mapped = true;
            for (int i = 0; i < 10; i++) mapped &= b[i] == 0;
            mapped &= (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            if (mapped) {
                try {
                    return forbidden(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
