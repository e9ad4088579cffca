package org.fengxiang.ingest.crawl;

import java.nio.charset.Charset;
import java.time.Instant;

/**
 * One fetched page: the final URL after redirects, status, validators for conditional GET, raw
 * bytes, decoded text and the fetch time. {@code notModified} pages (304) carry no body.
 */
public record Page(String url, int status, String contentType, String etag, String lastModified, byte[] body,
                   String text, Charset charset, Instant fetchedAt, boolean notModified) {}
