package org.fengxiang.analytics.text;

import java.util.List;

/**
 * The result of normalising one text: the clean text (everything kept, markup removed), the text
 * used for analysis (URLs, mentions, emoticons and emoji removed, hashtag words kept) and the
 * extracted hashtags, mentions, URLs and emoticons (Weibo {@code [..]} codes and emoji, in order,
 * repeats kept).
 */
public record NormalisedText(String text, String analysisText, List<String> hashtags, List<String> mentions,
                             List<String> urls, List<String> emoticons) {
    /** An empty result. */
    public static final NormalisedText EMPTY = new NormalisedText("", "", List.of(), List.of(), List.of(), List.of());
}
