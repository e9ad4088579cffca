#!/usr/bin/env python3
"""Generates the bundled fixture site (ingest/src/main/resources/fixture-site/) deterministically.

All text is written for the Fengxiang project: a fictional city (临江市) with several days of
background chatter and one emerging incident (chemical-plant pollution of the 清水河 on 2026-03-14).
Run from the repository root:  python3 ingest/tools/gen_fixture_site.py
"""
import html
import os
import random
from datetime import datetime, timedelta

# Author locations as Weibo shows them (the fictional 临江市 lies in Zhejiang).
LOC = ['浙江 临江', '浙江 临江', '浙江 杭州', '浙江 临江', '上海', '江苏 苏州', '浙江 宁波', '北京']
OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'main', 'resources', 'fixture-site')
rnd = random.Random(20260314)
E = html.escape


def write(path, text, encoding='utf-8'):
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, 'w', encoding=encoding, newline='\n') as f:
        f.write(text)


def fmt(t, style=0):
    if style == 1:
        return f'{t.year}年{t.month}月{t.day}日 {t:%H:%M}'
    return t.strftime('%Y-%m-%d %H:%M')


# ----------------------------------------------------------------------------------------------
# People
SURNAME = list('王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高')
NICK_A = ['清水河边的', '爱吃橘子的', '河东', '临江', '不想上班的', '早起的', '跑步的', '追剧的', '养猫的', '骑车的',
          '喝茶的', '夜班的', '爱拍照的', '江北', '老城区的', '学做饭的']
NICK_B = ['小王', '阿杰', '老李', '小雨', '大刘', '妞妞', '老周', '阿敏', '胖虎', '小鱼', '橙子', '石头', '阿花',
          '老陈', '豆豆', '小林', '二哥', '阿宁', '木子']


def names(n, seed):
    r = random.Random(seed)
    pool = [a + b for a in NICK_A for b in NICK_B]
    r.shuffle(pool)
    return pool[:n]


# ----------------------------------------------------------------------------------------------
# Microblog
ROOT_TEXT = ('【求扩散】今天早上清水河下游整段河水变成了红褐色，岸边漂着一片死鱼，气味刺鼻得让人喘不过气。'
             '上游不远就是恒达化工厂的排污口！我们小区几百户人家就住在河边，孩子已经咳嗽好几天了。'
             '环保热线一直占线，请大家帮忙转发，让更多人看到！#临江清水河污染#')
OPEN = ['转发微博', '太可怕了', '天哪', '求扩散', '已转', '扩散', '我家就在河边', '刚从桥上路过', '看哭了', '真的假的',
        '心疼河边的孩子', '气死我了', '支持', '必须查清楚', '关注中', '难怪这几天一股怪味', '早就觉得不对劲', '顶上去']
BODY = ['这个化工厂排污不是第一次了，前年就被举报过', '河里的鱼一夜之间全死了，谁还敢用这水', '黑心工厂为了省钱什么都干得出来',
        '我们每天在河边散步，现在想想都后怕', '有关部门到现在还没有一个说法，太让人愤怒了', '孩子喉咙痛了三天，是不是和这个有关',
        '视频里的颜色太吓人了，简直像血一样', '昨天晚上就闻到一股刺鼻的味道', '希望环保局尽快检测水质并公布结果',
        '这么大的事，本地新闻一点动静都没有', '下游还有好几个村子在用河水浇地', '老人说几十年没见过这种情况',
        '工厂晚上偷偷排放，白天装没事', '投诉电话打了五次，每次都说在处理', '这是在拿老百姓的健康开玩笑',
        '出了事就知道删帖捂盖子，真恶心', '河边的菜还能吃吗，谁能给个准话', '呼吁大家不要去河边，注意安全']
CALL = ['明天上午九点大家一起去化工厂门口讨个说法', '周六上午在区政府门口集合，带上照片和视频', '河东的邻居们明早八点清水桥头见，一起去反映情况',
        '建议大家今晚在小区门口集合商量怎么维权', '家长们明天一起去环保局，不给说法不走']
ENDING = ['', '', '', '！', '。', '！！', '，必须严查！', '，求官方回应。', '，已举报。']

BACKGROUND_MB = [
    ('今天的临江终于出太阳了，下班去江边走了一圈，风有点大但是很舒服。', '2026-03-10 18:20'),
    ('地铁三号线据说下个月试运行，河东到江北终于不用倒两次车了。', '2026-03-10 08:45'),
    ('老城区那家开了二十年的馄饨店要搬走了，今天去吃了最后一碗，有点舍不得。', '2026-03-10 12:30'),
    ('考研成绩出来了，比去年线高了十几分，这一年没白熬！', '2026-03-10 21:05'),
    ('公司楼下新开的奶茶店排队排到马路上，至于吗……', '2026-03-11 15:10'),
    ('滨江公园的樱花开了三成，周末应该就是最好看的时候。', '2026-03-11 10:20'),
    ('早高峰的解放路又堵成停车场了，骑车都比开车快。', '2026-03-11 08:10'),
    ('春季招聘会人好多，投了八份简历，希望有好消息。', '2026-03-11 17:40'),
    ('今天给家里的猫洗澡，它记恨了我一下午。', '2026-03-12 20:15'),
    ('临江队昨晚主场赢了，最后三分钟那个三分球太提气了！', '2026-03-12 09:30'),
    ('菜市场的春笋上市了，十二块一斤，买了两根回家炒肉。', '2026-03-12 11:45'),
    ('小区门口的路又挖开了，这条路一年要挖几次？', '2026-03-12 08:25'),
    ('降温了，早上出门冻得直哆嗦，大家注意添衣服。', '2026-03-13 07:50'),
    ('图书馆新装修好了，座位多了一倍，还有自习的小隔间。', '2026-03-13 14:05'),
    ('周末带娃去了科技馆，排队一个小时，玩了二十分钟。', '2026-03-13 19:30'),
    ('单位食堂今天的红烧肉终于不咸了，感动。', '2026-03-13 12:10'),
    ('有没有人知道江北那边哪里可以修老式手表？', '2026-03-14 08:05'),
    ('今天阳光很好，晒了被子，满屋子都是太阳的味道。', '2026-03-14 13:20'),
    ('马拉松报名开始了，去年没抽中，今年再试一次。', '2026-03-14 20:40'),
    ('晚上在江边看到好多人放风筝，还有发光的，好看。', '2026-03-15 19:15'),
    ('早餐店老板说下周豆浆要涨五毛，理解但心疼钱包。', '2026-03-15 07:40'),
    ('新买的绿萝又黄叶了，到底是浇水多了还是少了？', '2026-03-15 16:50'),
    ('今天加班到十点，路上只剩下外卖小哥和我。', '2026-03-15 22:10'),
    ('周日的跳蚤市场淘到一台旧收音机，居然还能响。', '2026-03-15 11:00'),
]
BG_REPLY = ['同感', '哈哈哈哈', '我也是', '羡慕', '求地址', '下次带上我', '太真实了', '加油', '有道理', '笑死']


def microblog():
    posts = []
    authors = names(240, 7)
    bg_authors = names(60, 11)
    mid = 4_900_000
    # background posts (with a few replies each)
    for i, (text, t) in enumerate(BACKGROUND_MB):
        mid += 1
        root = dict(mid=str(mid), uid=str(100000 + i), name=bg_authors[i], followers=rnd.randint(30, 3000),
                    verified=False, time=datetime.strptime(t, '%Y-%m-%d %H:%M'), text=text, root=None, parent=None)
        posts.append(root)
        for k in range(rnd.randint(0, 3)):
            mid += 1
            posts.append(dict(mid=str(mid), uid=str(200000 + i * 10 + k), name=bg_authors[30 + (i + k) % 30],
                              followers=rnd.randint(10, 800), verified=False,
                              time=root['time'] + timedelta(minutes=rnd.randint(3, 300)),
                              text=rnd.choice(BG_REPLY), root=root['mid'], parent=root['mid']))
    # the incident: root post and ~200 reposts/comments by distinct authors within an hour
    t0 = datetime(2026, 3, 14, 9, 12, 0)
    mid = 5_100_000
    root = dict(mid=str(mid), uid='300001', name='河东小王的日常', followers=1860, verified=False, time=t0,
                text=ROOT_TEXT, root=None, parent=None)
    posts.append(root)
    cascade = [root]
    n = 200
    offsets = sorted(int(3500 * (i / n) ** 1.4) + rnd.randint(20, 90) for i in range(n))
    big = {17: ('临江生活圈', 356000, True), 46: ('临江日报', 1240000, True), 90: ('环保志愿者老孟', 52000, True)}
    for i in range(n):
        mid += 1
        name, followers, verified = big.get(i, (authors[i], rnd.randint(5, 4000), rnd.random() < 0.03))
        parent = root if i < 10 or rnd.random() < 0.6 else rnd.choice(cascade[1:])
        parts = [rnd.choice(OPEN)]
        if rnd.random() < 0.75:
            parts.append(rnd.choice(BODY))
        if rnd.random() < 0.12:
            parts.append(rnd.choice(CALL))
        text = '，'.join(parts) + rnd.choice(ENDING)
        if name in ('临江日报', '临江生活圈'):
            text = '【关注】网友反映清水河下游出现大量死鱼、河水变色，我们已联系河东区环保部门核实，后续进展持续关注。'
        if parent is not root:
            text = text + '//@' + parent['name'] + '：' + parent['text'][:40]
        p = dict(mid=str(mid), uid=str(310000 + i), name=name, followers=followers, verified=verified,
                 time=t0 + timedelta(seconds=offsets[i]), text=text, root=root['mid'], parent=parent['mid'])
        posts.append(p)
        if rnd.random() < 0.5 or name in ('临江日报', '临江生活圈'):
            cascade.append(p)
    posts.sort(key=lambda p: (p['time'], p['mid']), reverse=True)
    per_page = 25
    pages = [posts[i:i + per_page] for i in range(0, len(posts), per_page)]
    by_mid = {p['mid']: p for p in posts}
    for k, page in enumerate(pages, 1):
        cards = []
        for p in page:
            rep = ''
            if p['root']:
                r = by_mid[p['root']]
                rep = (f'<div class="retweet" data-root-mid="{r["mid"]}" data-parent-mid="{p["parent"]}">'
                       f'<a class="ouser" href="/weibo/u/{r["uid"]}.html">@{E(r["name"])}</a>：'
                       f'<span class="otext">{E(r["text"][:60])}</span></div>')
            v = '<i class="vip" title="认证用户">V</i>' if p['verified'] else ''
            style = 1 if int(p['mid']) % 3 == 0 else 0
            cards.append(f'''<div class="card" data-mid="{p["mid"]}">
  <div class="user"><a class="name" data-uid="{p["uid"]}" href="/weibo/u/{p["uid"]}.html">{E(p["name"])}</a>{v}
    <span class="fans">粉丝 {p["followers"]}</span> <span class="loc">{LOC[int(p["uid"]) % len(LOC)]}</span></div>
  <div class="from"><a class="time" href="/weibo/status/{p["mid"]}.html">{fmt(p["time"], style)}</a> 来自 临江生活App</div>
  <p class="txt">{E(p["text"])}</p>
  {rep}
  <div class="actions"><span class="reposts">转发 {rnd.randint(0, 40)}</span><span class="comments">评论 {rnd.randint(0, 60)}</span><span class="likes">赞 {rnd.randint(0, 300)}</span></div>
</div>''')
        nav = f'<a class="next" href="/weibo/timeline-{k + 1}.html">下一页</a>' if k < len(pages) else ''
        write(f'weibo/timeline-{k}.html', f'''<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>临江同城 - 实时微博</title></head>
<body>
<div class="topbar"><a href="/">首页</a> <a href="/weibo/timeline-1.html">同城</a> <a href="/news/index.html">新闻</a></div>
<h1 class="page-title">临江同城 · 实时</h1>
<div class="feed">
{chr(10).join(cards)}
</div>
<div class="pager">第 {k} 页 {nav}</div>
<div class="footer">临江同城 © 2026 仅供测试的虚构站点</div>
</body></html>
''')
    return len(posts), len(pages)


# ----------------------------------------------------------------------------------------------
# Forum
FORUM_THREADS = [
    (101, '清水河又被污染了？河边全是死鱼', '河东老张', datetime(2026, 3, 14, 9, 35),
     '今天早上去河边晨练，整段河水都是红褐色的，死鱼一条挨着一条，味道冲得人头疼。上游就是恒达化工厂，'
     '大家有没有拍到排污口的照片？这事必须有人管！', 26),
    (102, '周末哪里可以带娃玩？', '江北宝妈', datetime(2026, 3, 12, 20, 10),
     '孩子五岁，想找个不太挤的地方，科技馆去过了，还有什么推荐？', 4),
    (103, '河东菜市场最近菜价涨了吗', '买菜的老周', datetime(2026, 3, 13, 8, 30),
     '感觉最近青菜贵了不少，是不是因为降温？', 3),
]
FORUM_REPLY_INCIDENT = [
    '我家就住河边，昨晚开始就有一股刺鼻的味道，窗户都不敢开。', '拍到了，排污口在冒红水，视频已经发到群里了。',
    '太过分了，这个厂之前就被罚过，怎么还敢这么干！', '有没有人打了环保热线？我打了三次都没人接。',
    '孩子这两天一直咳嗽，是不是跟这个有关系，好担心。', '建议大家明天上午九点一起去化工厂门口讨说法，人多才有用。',
    '别冲动，先把证据留好，找媒体和环保局。', '支持楼上，明天我也去，不能让他们这么糊弄过去。',
    '下游的村子还在抽河水浇地，谁来负责？', '刚看到临江日报转了，希望能引起重视。', '黑心企业，必须严查，关停！',
    '听说厂里今天上午停工了，是不是心虚了。', '大家注意别去河边，小孩子尤其要看住。', '水务局的人下午来取样了，等结果吧。',
    '取样有什么用，上次也说取样，最后不了了之。', '周六区政府门口集合的有多少人？我们小区能去十几个。',
    '这么大的事本地新闻现在才报，信息公开太慢了。', '已经向市长热线反映了，工单号发群里。', '心疼河里的鱼，也心疼我们自己。',
    '希望这次能给大家一个交代，不要再捂盖子了。', '我在下游钓了十几年鱼，从没见过这样的情况。',
    '有懂行的说说，这种红色是什么化学物质？', '不管是什么，先停产调查再说。', '顶，让更多人看到。',
    '晚上小区业主群在商量联名信，需要的私信我。', '愤怒！这是拿老百姓的命开玩笑。'
]
FORUM_REPLY_BG = {102: ['滨江公园的儿童乐园不错，周末人也不算多。', '可以去植物园，樱花刚开。', '江北的农场可以摘草莓，小孩很喜欢。',
                        '科技馆周日上午人少一点。'],
                  103: ['涨了，菠菜都八块了。', '降温影响吧，过两周应该会降。', '超市搞活动的时候比菜市场便宜。']}


def forum():
    repliers = names(40, 23)
    threads = []
    for tid, title, author, t, text, n in FORUM_THREADS:
        posts = [dict(pid=str(tid * 1000), uid=f'u{tid}0', author=author, time=t, text=text, quote=None)]
        replies = FORUM_REPLY_INCIDENT if tid == 101 else FORUM_REPLY_BG[tid]
        for k in range(n):
            quote = None
            if tid == 101 and k in (7, 14, 15, 21):
                quote = posts[k - 1]['pid'] if k != 15 else posts[6]['pid']
            gap = 4 + rnd.randint(1, 6) if tid == 101 else 30 + rnd.randint(5, 200)
            posts.append(dict(pid=str(tid * 1000 + k + 1), uid=f'u{tid}{k + 1}', author=repliers[k],
                              time=posts[-1]['time'] + timedelta(minutes=gap), text=replies[k % len(replies)], quote=quote))
        threads.append((tid, title, posts))
        per_page = 15
        pages = [posts[i:i + per_page] for i in range(0, len(posts), per_page)]
        by_pid = {p['pid']: p for p in posts}
        for k, page in enumerate(pages, 1):
            items = []
            for floor, p in enumerate(page, (k - 1) * per_page + 1):
                q = ''
                if p['quote']:
                    qp = by_pid[p['quote']]
                    q = (f'<blockquote class="quote" data-pid="{qp["pid"]}">引用 {E(qp["author"])} 发表于 {fmt(qp["time"])}：'
                         f'{E(qp["text"][:30])}</blockquote>')
                items.append(f'''<div class="post" id="pid{p["pid"]}" data-pid="{p["pid"]}">
  <div class="author"><a href="/forum/space-{p["uid"]}.html" data-uid="{p["uid"]}">{E(p["author"])}</a></div>
  <div class="post-meta"><span class="floor">{floor}楼</span> <span class="post-time">发表于 {fmt(p["time"])}</span></div>
  {q}<div class="post-content">{E(p["text"])}</div>
</div>''')
            nxt = f'<a class="nxt" href="/forum/thread-{tid}-{k + 1}.html">下一页</a>' if k < len(pages) else ''
            write(f'forum/thread-{tid}-{k}.html', f'''<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{E(title)} - 河东社区 - 临江论坛</title></head>
<body>
<div class="nav"><a href="/forum/board.html">河东社区</a> &gt; 帖子</div>
<h1 id="thread-subject">{E(title)}</h1>
<div class="postlist">
{chr(10).join(items)}
</div>
<div class="pg">{nxt}</div>
<div class="ft">临江论坛 · 虚构测试站点</div>
</body></html>
''')
    rows = '\n'.join(f'<tr><td class="subject"><a href="/forum/thread-{tid}-1.html">{E(title)}</a></td>'
                     f'<td class="by">{E(posts[0]["author"])}</td><td class="num">{len(posts) - 1}</td></tr>'
                     for tid, title, posts in threads)
    write('forum/board.html', f'''<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>河东社区 - 临江论坛</title></head>
<body>
<h1>河东社区</h1>
<table class="threads">
<tr><th>主题</th><th>作者</th><th>回复</th></tr>
{rows}
</table>
<div class="ft"><a href="/private/admin.html">版主后台</a></div>
</body></html>
''')
    return sum(len(p) for _, _, p in threads)


# ----------------------------------------------------------------------------------------------
# News site (one GBK page)
NEWS = [
    (1001, '地铁三号线下月试运行 河东至江北全程约二十五分钟', '记者 陈晓', datetime(2026, 3, 10, 9, 30), False,
     ['临江日报讯 记者从市轨道交通集团获悉，地铁三号线一期工程已完成全部设备调试，计划于下月开始试运行。',
      '三号线一期全长约二十一公里，设车站十六座，连接河东新区与江北老城区。开通后，河东至江北的通勤时间将由目前的一个小时左右缩短至二十五分钟。',
      '轨道交通集团相关负责人表示，试运行期间将对列车运行、信号系统和客运服务进行全面检验，正式载客时间将另行公布。']),
    (1002, '春季招聘会举行 三百余家企业提供岗位八千个', '记者 刘畅', datetime(2026, 3, 11, 16, 5), False,
     ['本报讯 昨天，临江市二〇二六年春季大型招聘会在会展中心举行，三百余家企业带来八千多个岗位。',
      '记者在现场看到，智能制造、电子商务和养老服务类岗位最受关注，不少企业现场与求职者达成初步意向。',
      '市人社局工作人员介绍，今年春季还将举办十余场专场招聘，重点帮助高校毕业生和返乡人员就业。']),
    (1003, '滨江公园樱花进入最佳观赏期', '记者 周敏', datetime(2026, 3, 12, 10, 20), False,
     ['随着气温回升，滨江公园内的樱花陆续绽放，预计本周末进入最佳观赏期。',
      '公园管理处提醒市民错峰出行，文明赏花，不要攀折花枝。周末期间公园将增加保洁和安保人员，并开放临时停车场。']),
    (1004, '老旧小区改造今年启动四十个项目', '记者 陈晓', datetime(2026, 3, 12, 15, 40), False,
     ['记者从市住建局了解到，今年全市计划启动四十个老旧小区改造项目，涉及居民一万二千余户。',
      '改造内容包括管网更新、加装电梯、增设停车位和充电设施等。住建部门表示，将充分听取居民意见，做到一区一策。']),
    (1005, '冷空气来袭 本周后期气温明显下降', '记者 王磊', datetime(2026, 3, 13, 7, 15), False,
     ['市气象台消息，受冷空气影响，本周后期我市将出现明显降温，最低气温将降至四摄氏度左右，并伴有四到五级偏北风。',
      '气象部门提醒，市民应及时添衣保暖，农业生产单位注意防范低温对春播作物的不利影响。']),
    (1008, '清水河下游出现大面积死鱼 环保部门已介入调查', '记者 林涛', datetime(2026, 3, 14, 10, 40), True,
     ['今天上午，有多名网友反映河东区清水河下游河水变色，并出现大面积死鱼。记者赶到现场看到，约两公里河段的河水呈红褐色，岸边散落着大量死鱼，空气中有明显的刺鼻气味。',
      '附近居民告诉记者，昨晚就闻到异味，今天一早发现河水颜色异常。有居民担心，家中孩子近几天出现咳嗽症状，可能与此有关。',
      '河东区生态环境分局表示，已派出执法人员对上游企业进行排查，并在多个断面采集水样送检，检测结果将及时向社会公布。',
      '据了解，清水河上游约三公里处有一家化工企业。该企业工作人员在电话中表示，“目前正在配合调查，不方便回应”。本报将持续关注。']),
    (1009, '恒达化工厂回应排污质疑：已停产配合调查', '记者 林涛', datetime(2026, 3, 14, 15, 20), False,
     ['针对网友关于清水河污染的质疑，恒达化工有限公司今天下午发布情况说明，称公司已于当天上午暂停生产，全力配合环保部门调查。',
      '说明称，公司污水处理设施运行记录已提交执法部门，如调查认定公司存在违规排放，将依法承担全部责任。',
      '不少网友对这一回应并不买账，认为企业此前曾因环保问题受到处罚，要求有关部门彻查并公开处理结果。也有居民在网上相约前往企业门口讨要说法，属地街道已安排工作人员到现场做解释工作。']),
    (1010, '清水河水质检测结果公布 部分指标超标', '记者 林涛', datetime(2026, 3, 15, 9, 0), False,
     ['河东区生态环境分局今天公布清水河水质检测结果：在采集的六个断面水样中，有三个断面的化学需氧量和色度超过地表水标准。',
      '目前，涉事企业已被责令停产整改，相关部门正在进一步调查污染来源。区政府表示，已组织对下游村庄的饮用水源进行检测，并为受影响的居民提供临时供水。',
      '对于网友关心的健康问题，区卫健局表示，已安排医生到河边社区开展义诊，有不适症状的居民可以及时就医。']),
    (1011, '城市马拉松开始报名 名额两万个', '记者 王磊', datetime(2026, 3, 15, 14, 30), False,
     ['二〇二六临江城市马拉松今天开始报名，全程、半程和迷你跑项目共设两万个名额，报名截止后将通过抽签确定参赛选手。',
      '组委会介绍，今年赛道首次经过滨江新区，沿途设置二十个补给站和多个医疗点。']),
]


def news():
    items = []
    for aid, title, author, t, gbk, paras in NEWS:
        body = '\n'.join(f'<p>{E(p)}</p>' for p in paras)
        charset = 'gbk' if gbk else 'utf-8'
        page = f'''<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="{charset}">
<title>{E(title)}_临江新闻网</title>
<meta name="keywords" content="临江,新闻">
</head>
<body>
<div class="header"><a href="/news/index.html">临江新闻网</a> | <a href="/news/index.html">本地</a> | <a href="/weibo/timeline-1.html">同城微博</a> | <a href="/forum/board.html">论坛</a></div>
<div class="crumb">首页 &gt; 本地新闻 &gt; 正文</div>
<div class="main">
  <h1 class="article-title">{E(title)}</h1>
  <div class="meta"><span class="pubtime">{fmt(t, 1)}</span> <span class="source">来源：临江日报</span> <span class="author">{E(author)}</span></div>
  <div class="share-bar"><a href="#">分享到微博</a> <a href="#">分享到微信</a></div>
  <div class="article-content">
{body}
  </div>
  <div class="stats"><span class="views">阅读 {rnd.randint(2, 90)}{'万' if gbk else '000'}</span> <span class="comment-count">评论（{rnd.randint(0, 900)}）</span></div>
  <div class="editor">责任编辑：赵宁</div>
</div>
<div class="related"><h3>相关新闻</h3><ul>
<li><a href="/news/2026/03/1001.html">地铁三号线下月试运行</a></li>
<li><a href="/news/2026/03/1003.html">滨江公园樱花进入最佳观赏期</a></li>
</ul></div>
<div class="footer">临江新闻网 版权所有 · 本站为虚构测试站点</div>
</body></html>
'''
        write(f'news/2026/03/{aid}.html', page, 'gbk' if gbk else 'utf-8')
        items.append((aid, title, t))
    items.sort(key=lambda x: x[2], reverse=True)
    pages = [items[:5], items[5:]]
    for k, page in enumerate(pages, 1):
        lis = '\n'.join(f'<li><a class="title" href="/news/2026/03/{aid}.html">{E(title)}</a> <span class="date">{t:%m-%d %H:%M}</span></li>'
                        for aid, title, t in page)
        nxt = f'<a class="next" href="/news/index_{k + 1}.html">下一页</a>' if k < len(pages) else ''
        name = 'index.html' if k == 1 else f'index_{k}.html'
        write(f'news/{name}', f'''<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>本地新闻_临江新闻网</title></head>
<body>
<div class="header"><a href="/news/index.html">临江新闻网</a></div>
<ul class="news-list">
{lis}
</ul>
<div class="pages">{nxt}</div>
</body></html>
''')
    return len(items)


# ----------------------------------------------------------------------------------------------
# Blog with an RSS feed (articles without selectors: generic extraction)
BLOG = [
    (201, '城市慢行系统观察：从一条自行车道说起', datetime(2026, 3, 11, 21, 0),
     ['上周沿着解放路骑了一趟新修的自行车道，全程六公里，有四处被临时停车占用，两处在公交站台前突然中断。',
      '慢行系统不是画几条线那么简单。它需要连续、需要安全，更需要管理部门把它当成真正的交通方式来对待。',
      '好消息是，越来越多的市民开始骑车通勤。如果配套跟得上，这条路完全可以成为城市的一张名片。']),
    (202, '春天的菜市场', datetime(2026, 3, 13, 19, 30),
     ['春笋、荠菜、香椿，菜市场里最先知道春天来了。', '摊主老周说，今年降温晚，春笋比去年早上市一周，价格也便宜一些。',
      '逛菜市场是了解一座城市最好的方式，吆喝声里有烟火气，也有普通人的日子。']),
    (203, '清水河事件：信息公开为何总是慢半拍', datetime(2026, 3, 14, 18, 0),
     ['今天上午，清水河下游河水变色、死鱼成片的照片在本地社交媒体上迅速传播。从第一条微博发出到官方首次回应，间隔了将近六个小时。',
      '在这六个小时里，各种猜测和情绪不断发酵，有人相约到企业门口讨说法，也有人开始囤积桶装水。信息真空，往往比事件本身更容易引发恐慌。',
      '环境事件的处置，检测需要时间，但信息公开不应该等到一切水落石出。先说已知的，再说正在做的，这是对公众最基本的尊重。']),
]


def blog():
    entries = []
    for bid, title, t, paras in BLOG:
        body = '\n'.join(f'<p>{E(p)}</p>' for p in paras)
        write(f'blog/{bid}.html', f'''<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{E(title)} | 临江观察</title>
<meta property="og:title" content="{E(title)}">
<meta property="article:published_time" content="{t:%Y-%m-%dT%H:%M:%S}+08:00">
<meta name="author" content="江边观察员">
</head>
<body>
<nav><a href="/blog/">临江观察</a> · <a href="/feed/rss.xml">订阅</a></nav>
<article>
<h1>{E(title)}</h1>
<p class="byline">江边观察员 · {fmt(t, 1)}</p>
<div class="entry-content">
{body}
</div>
</article>
<aside class="sidebar"><h3>最近文章</h3><ul><li><a href="/blog/201.html">城市慢行系统观察</a></li><li><a href="/blog/202.html">春天的菜市场</a></li></ul></aside>
<footer>© 2026 临江观察 · 虚构测试站点</footer>
</body></html>
''')
        entries.append((bid, title, t, paras[0]))
    items = '\n'.join(f'''  <item>
    <title>{E(title)}</title>
    <link>/blog/{bid}.html</link>
    <guid>blog-{bid}</guid>
    <pubDate>{t.strftime('%a, %d %b %Y %H:%M:%S')} +0800</pubDate>
    <author>江边观察员</author>
    <description>{E(first)}</description>
  </item>''' for bid, title, t, first in sorted(entries, key=lambda e: e[2], reverse=True))
    write('feed/rss.xml', f'''<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
  <title>临江观察</title>
  <link>/blog/</link>
  <description>一个关于临江城市生活的博客（虚构测试站点）</description>
  <language>zh-cn</language>
{items}
</channel>
</rss>
''')
    return len(entries)


def misc():
    write('robots.txt', '''# Fixture site robots.txt
User-agent: *
Disallow: /private/
Allow: /

User-agent: badbot
Disallow: /
''')
    write('private/admin.html', '<!DOCTYPE html><html><head><meta charset="utf-8"><title>后台</title></head><body><p>不应被抓取。</p></body></html>\n')
    write('index.html', '''<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>临江 · 虚构测试站点</title></head>
<body><h1>临江 · 虚构测试站点</h1>
<ul><li><a href="/news/index.html">临江新闻网</a></li><li><a href="/forum/board.html">临江论坛</a></li>
<li><a href="/weibo/timeline-1.html">临江同城微博</a></li><li><a href="/feed/rss.xml">临江观察 RSS</a></li></ul>
</body></html>
''')


if __name__ == '__main__':
    mb, pages = microblog()
    fp = forum()
    nw = news()
    bl = blog()
    misc()
    print(f'microblog posts {mb} on {pages} pages, forum posts {fp}, news {nw}, blog {bl}')
