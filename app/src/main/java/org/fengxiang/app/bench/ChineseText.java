package org.fengxiang.app.bench;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Chinese post texts for load generation, composed from phrase lists the way Weibo/news posts read: a topic
 * sentence about a place, an opinion, sometimes a hashtag, an emoji, a phone number or a link; repost comments
 * in the {@code //@user:} style. Deterministic for a given random generator.
 */
final class ChineseText {
    private static final List<String> CITIES = List.of("北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "南京", "西安",
            "重庆", "天津", "苏州", "长沙", "郑州", "青岛", "沈阳", "厦门", "昆明", "合肥", "福州");
    private static final List<String> DISTRICTS = List.of("朝阳区", "浦东新区", "天河区", "南山区", "西湖区", "武侯区", "江汉区",
            "鼓楼区", "雁塔区", "渝中区", "和平区", "姑苏区", "岳麓区", "金水区", "市南区");
    private static final List<String> TOPICS = List.of(
            "地铁{n}号线早高峰又延误了，站台上挤满了人", "新开的商场周末人气很旺，停车位一位难求",
            "小区附近的菜市场改造完成，环境比以前干净多了", "今年的房价走势让不少年轻人开始观望",
            "学校门口的交通秩序明显改善，家长们都说好", "医院挂号系统升级后排队时间缩短了一半",
            "连续几天的降雨让部分路段出现积水", "夜市重新开放，小吃摊前排起了长队",
            "公交线路调整后，很多上班族通勤时间变长了", "新建的公园向市民开放，周末来散步的人很多",
            "外卖骑手反映平台配送时间压得太紧", "共享单车乱停放的问题还是没有解决",
            "社区组织了免费体检活动，老人们积极参加", "高温天气持续，用电负荷创下新高",
            "图书馆延长了开放时间，学生们很欢迎", "景区门票预约系统崩溃，游客在门口滞留",
            "物业费上涨引发业主不满，业委会正在协商", "本地球队昨晚主场获胜，球迷们很兴奋",
            "新能源汽车充电桩数量不够，排队充电成常态", "快递网点爆仓，包裹延迟好几天才送到");
    private static final List<String> OPINIONS = List.of("希望有关部门重视一下。", "真心点赞！", "大家怎么看？",
            "实在是太不方便了。", "这个变化挺好的。", "说实话有点失望。", "支持！", "求解释。", "已经反映过很多次了。",
            "生活越来越方便了。", "不知道什么时候能改善。", "感觉还不错，值得推荐。");
    private static final List<String> EMOJI = List.of("😂", "👍", "😡", "🙏", "😭", "[哈哈]", "[怒]", "[赞]", "[泪]");
    private static final List<String> REPOST_COMMENTS = List.of("转发微博", "同感", "确实如此", "关注一下", "太真实了",
            "顶一下", "希望早日解决", "我们这里也是", "说得对", "mark");
    /**
     * One event per burst, in turn: each step's burst is a different event, so text linking (rightly) does not join it
     * to the previous step's incident, where an already red alert would not open again.
     */
    private static final List<String> BURST_ROOT = List.of(
            "{city}{district}临江化工厂今天下午发生爆炸，浓烟滚滚，周边居民闻到刺鼻气味，有人头晕呕吐，现场已经封路！",
            "{city}{district}实验小学食堂午餐后几十名学生腹痛呕吐被送医，家长质问校方食材来源，要求公开调查结果！",
            "{city}{district}跨江大桥凌晨突然垮塌，多辆货车坠入江中，搜救船只正在打捞，这座桥通车才三年！",
            "{city}{district}水库大坝出现管涌，下游村庄连夜转移，村民说险情已经持续两天，上游还在放水！",
            "{city}{district}一栋高层住宅电动车充电起火，火势窜上十几层，多名住户被困阳台等待救援！");
    private static final List<String> BURST_COMMENTS = List.of("太可怕了，必须严查到底", "家就在附近，吓死了😭",
            "要求公开调查结果！", "孩子还在那边，急死了", "为什么一直没有通报？", "明天大家一起去现场门口集合讨说法",
            "希望伤者平安🙏", "之前就有人举报过安全隐患", "转发扩散，附近的人注意安全", "到现在还没有一个说法");

    private ChineseText() {}

    static String city(SplittableRandom r) {
        return pick(CITIES, r);
    }

    static String location(SplittableRandom r) {
        return pick(CITIES, r) + " " + pick(DISTRICTS, r);
    }

    /** An original post: topic sentence, opinion, and now and then a hashtag, emoji, phone number or link. */
    static String original(SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        String place = pick(CITIES, r);
        if (r.nextInt(3) == 0) b.append('#').append(place).append("身边事#");
        b.append(place).append(pick(DISTRICTS, r))
                .append(pick(TOPICS, r).replace("{n}", Integer.toString(1 + r.nextInt(20)))).append('，').append(pick(OPINIONS, r));
        if (r.nextInt(4) == 0) b.append(pick(EMOJI, r));
        if (r.nextInt(25) == 0) b.append("有问题可以打热线1").append(38 + r.nextInt(2)).append(String.valueOf(100_000_000 + r.nextInt(100_000_000)).substring(1));
        if (r.nextInt(10) == 0) b.append(" https://t.cn/").append(Long.toString(r.nextLong() & 0xffffffL, 36));
        return b.toString();
    }

    /** A repost comment, often empty (a pure repost), sometimes quoting the chain with {@code //@user:}. */
    static String repost(SplittableRandom r, String parentAuthor) {
        int k = r.nextInt(10);
        if (k < 4) return "";
        String c = pick(REPOST_COMMENTS, r) + (r.nextInt(3) == 0 ? pick(EMOJI, r) : "");
        return k < 7 ? c : c + "//@" + parentAuthor + ":";
    }

    /** The root post of the {@code n}-th burst (0-based): its event in turn, in a random place. */
    static String burstRoot(SplittableRandom r, int n) {
        String event = BURST_ROOT.get(Math.floorMod(n, BURST_ROOT.size()));
        return event.replace("{city}", pick(CITIES, r)).replace("{district}", pick(DISTRICTS, r));
    }

    /** A reposting comment inside the synthetic incident (often empty). */
    static String burstComment(SplittableRandom r) {
        return r.nextInt(3) == 0 ? "" : pick(BURST_COMMENTS, r);
    }

    static <T> T pick(List<T> list, SplittableRandom r) {
        return list.get(r.nextInt(list.size()));
    }
}
