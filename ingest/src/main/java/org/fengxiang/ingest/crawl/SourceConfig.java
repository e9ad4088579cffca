package org.fengxiang.ingest.crawl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One crawl source as declared in {@code config/sources/*.yaml}. Selector values are Jsoup CSS
 * selectors; {@code "sel@attr"} reads an attribute, {@code "@attr"} an attribute of the item itself.
 */
public class SourceConfig {
    /** Unique name, {@code [a-z0-9_-]+}; the prefix of every post id of the source. */
    public String name;
    /** {@code rss}, {@code html-list}, {@code article}, {@code microblog}, {@code forum-thread}, or file drops {@code jsonl} / {@code csv}. */
    public String type;
    /**
     * Whether {@code crawl} without {@code --source} includes the source (see {@link SourceLoader#select});
     * the demo sources are disabled so a production crawl never touches them.
     */
    public boolean enabled = true;
    /** Channel of the posts (news, microblog, forum, blog, video, qa, other). */
    public String channel;
    /** Zone in which the source's dates are shown. */
    public String zone = "Asia/Shanghai";
    /** Language tag of the posts. */
    public String lang = "zh";
    /** Seconds between two crawls of the source (scheduler). */
    public long intervalSeconds = 600;
    /** Start URLs: feed, list, board or timeline pages, the article pages themselves for {@code article}, or file paths for {@code jsonl}/{@code csv}. */
    public List<String> start = new ArrayList<>();
    /** Per-host politeness interval for this source's hosts (null: the crawler default). */
    public Long perHostIntervalMs;
    /** Regex with one group extracting a site id from an item URL (else the URL hash is used). */
    public String idPattern;
    /** How list pages lead to items and to the next list page. */
    public ListRules list = new ListRules();
    /** Selectors of an article page (absent ones fall back to generic extraction). */
    public ArticleRules article = new ArticleRules();
    /** Selectors of a page holding many posts (microblog timeline, forum thread). */
    public PostRules posts = new PostRules();

    /** List page rules. */
    public static class ListRules {
        /** Links to items (articles, threads). */
        public String items;
        /** Link to the next list page. */
        public String next;
        /** Most list pages followed from each start URL. */
        public int maxPages = 10;
    }

    /** Article page rules. */
    public static class ArticleRules {
        public String title;
        public String author;
        public String time;
        /** Body container; when absent the generic extractor finds it. */
        public String body;
        /** Elements removed before extraction (ads, share bars, related lists). */
        public List<String> noise = new ArrayList<>();
        /** Counter selectors by metric name: reposts, comments, likes, views. */
        public Map<String, String> metrics = new LinkedHashMap<>();
    }

    /** Rules of a page holding many posts. */
    public static class PostRules {
        /** One element per post. */
        public String item;
        /** Site id of the post (e.g. {@code @data-mid}). */
        public String id;
        public String authorId;
        public String author;
        public String authorFollowers;
        public String authorVerified;
        public String authorLocation;
        public String time;
        public String text;
        public String title;
        /** Permalink of the post. */
        public String url;
        /** Site id of the root post this one reposts or comments on. */
        public String repostOf;
        /** Site id of the direct parent. */
        public String parentId;
        /** Counter selectors by metric name: reposts, comments, likes, views. */
        public Map<String, String> metrics = new LinkedHashMap<>();
        /** Link to the next page of the timeline or thread. */
        public String next;
        /** Most pages followed per timeline or thread. */
        public int maxPages = 20;
    }
}
