package org.fengxiang.ingest.crawl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Stable post ids ({@code <source>:<site id or url hash>}) and content hashes. */
final class Ids {
    private Ids() {}

    /** The post id for a page URL: the idPattern group when it matches, else a hash of the URL without fragment. */
    static String forUrl(SourceConfig src, String url) {
        if (src.idPattern != null) {
            Matcher m = Pattern.compile(src.idPattern).matcher(url);
            if (m.find() && m.group(1) != null && !m.group(1).isEmpty()) return src.name + ":" + m.group(1);
        }
        return src.name + ":" + hash(stripFragment(url)).substring(0, 16);
    }

    /** The post id for a site id, or for a URL when the value is one. */
    static String forSiteId(SourceConfig src, String value) {
        if (value == null || value.isBlank()) return null;
        String v = value.trim();
        if (v.startsWith("http://") || v.startsWith("https://")) return forUrl(src, v);
        return src.name + ":" + v;
    }

    static String stripFragment(String url) {
        int i = url.indexOf('#');
        return i < 0 ? url : url.substring(0, i);
    }

    /** SHA-256 hex of a string (UTF-8). */
    static String hash(String s) {
        return hash(s.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 hex of bytes. */
    static String hash(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
