package org.fengxiang.ingest.crawl;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decodes fetched bytes: byte-order mark, then the HTTP Content-Type charset (ignored when it
 * claims UTF-8 for bytes that are not), then a {@code <meta>} or XML declaration in the first 4 KB,
 * then juniversalchardet detection, else UTF-8. GB2312/GBK decode as GB18030 and Big5 as
 * Big5-HKSCS (supersets that real pages rely on).
 */
public final class Charsets {
    private static final Pattern HEADER = Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)|<\\?xml[^>]+encoding\\s*=\\s*[\"']([\\w.:-]+)", Pattern.CASE_INSENSITIVE);

    /** Decoded text with the charset used and how it was chosen ({@code bom|header|meta|detected|default}). */
    public record Decoded(String text, Charset charset, String how) {}

    private Charsets() {}

    /** Decodes a body given the Content-Type header value (may be null). */
    public static Decoded decode(byte[] body, String contentType) {
        Charset bom = bom(body);
        if (bom != null) return new Decoded(strip(new String(body, bom)), bom, "bom");
        Charset header = contentType == null ? null : find(HEADER.matcher(contentType));
        if (header != null && !(header.equals(StandardCharsets.UTF_8) && !validUtf8(body))) {
            return new Decoded(new String(body, header), header, "header");
        }
        String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
        Charset meta = find(META.matcher(head));
        if (meta != null && !(meta.equals(StandardCharsets.UTF_8) && !validUtf8(body))) {
            return new Decoded(new String(body, meta), meta, "meta");
        }
        if (validUtf8(body)) return new Decoded(new String(body, StandardCharsets.UTF_8), StandardCharsets.UTF_8, "detected");
        UniversalDetector d = new UniversalDetector();
        d.handleData(body, 0, Math.min(body.length, 256 * 1024));
        d.dataEnd();
        Charset detected = lookup(d.getDetectedCharset());
        if (detected != null) return new Decoded(new String(body, detected), detected, "detected");
        return new Decoded(new String(body, StandardCharsets.UTF_8), StandardCharsets.UTF_8, "default");
    }

    /** The charset for a label, with Chinese supersets substituted; null when unknown. */
    public static Charset lookup(String label) {
        if (label == null || label.isBlank()) return null;
        String l = label.trim().toLowerCase(Locale.ROOT);
        switch (l) {
            case "gb2312", "gbk", "x-gbk", "cp936", "gb_2312-80", "euc-cn", "hz-gb-2312", "gb18030" -> {
                return Charset.forName("GB18030");
            }
            case "big5", "big-5", "cn-big5", "x-x-big5", "big5-hkscs" -> {
                return Charset.isSupported("Big5-HKSCS") ? Charset.forName("Big5-HKSCS") : Charset.forName("Big5");
            }
            case "utf8" -> {
                return StandardCharsets.UTF_8;
            }
            default -> {
                try {
                    return Charset.isSupported(l) ? Charset.forName(l) : null;
                } catch (RuntimeException e) {
                    return null;
                }
            }
        }
    }

    private static Charset find(Matcher m) {
        while (m.find()) {
            String label = m.group(1) != null ? m.group(1) : m.groupCount() > 1 ? m.group(2) : null;
            Charset c = lookup(label);
            if (c != null) return c;
        }
        return null;
    }

    private static Charset bom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) return StandardCharsets.UTF_8;
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) return StandardCharsets.UTF_16BE;
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) return StandardCharsets.UTF_16LE;
        return null;
    }

    private static String strip(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    static boolean validUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
