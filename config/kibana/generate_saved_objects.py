#!/usr/bin/env python3
"""Generates fengxiang-saved-objects.ndjson (Kibana 8.x saved objects: data views, legacy
aggregation-based visualizations, saved searches, dashboards). Run: python3 generate_saved_objects.py"""
import json, os

# Declared as 8.0.0-shaped objects: any Kibana >= 8.0 imports them and runs its later migrations
# (a newer declared version would be refused by older 8.x releases).
CORE = "8.0.0"
TMV = {"index-pattern": "8.0.0", "visualization": "8.0.0", "search": "8.0.0", "dashboard": "8.0.0"}
objects = []

def obj(type_, id_, attributes, references=()):
    objects.append({"type": type_, "id": id_, "attributes": attributes, "references": list(references),
                    "coreMigrationVersion": CORE, "typeMigrationVersion": TMV[type_]})

INCIDENT_URL = ("/app/dashboards#/view/fengxiang-dashboard-incident?_a=(query:(language:kuery,"
                "query:'incidentId:\"{{value}}\"'))")
def url_format(template):
    return {"id": "url", "params": {"type": "a", "urlTemplate": template, "labelTemplate": "{{value}}", "openLinkInCurrentTab": False}}

def data_view(id_, title, time_field, name, formats=None):
    obj("index-pattern", id_, {"title": title, "name": name, "timeFieldName": time_field,
                               "fieldFormatMap": json.dumps(formats or {}, ensure_ascii=False),
                               "allowNoIndex": True})

data_view("fengxiang-posts", "fengxiang-posts", "publishedAt", "风向 帖子",
          {"incidentId": url_format(INCIDENT_URL), "url": url_format("{{value}}")})
data_view("fengxiang-incidents", "fengxiang-incidents", "lastSeen", "风向 事件",
          {"incidentId": url_format(INCIDENT_URL), "id": url_format(INCIDENT_URL)})
data_view("fengxiang-alerts", "fengxiang-alerts", "detectedAt", "风向 预警(最新状态)",
          {"incidentId": url_format(INCIDENT_URL)})
data_view("fengxiang-alert-transitions", "fengxiang-alert-transitions", "detectedAt", "风向 预警状态变化",
          {"incidentId": url_format(INCIDENT_URL)})

def search_source(index, query=""):
    return {"searchSourceJSON": json.dumps({"query": {"query": query, "language": "kuery"}, "filter": [],
                                            "indexRefName": "kibanaSavedObjectMeta.searchSourceJSON.index"},
                                           ensure_ascii=False)}

def index_ref(index):
    return [{"name": "kibanaSavedObjectMeta.searchSourceJSON.index", "type": "index-pattern", "id": index}]

def count(id_="1"):
    return {"id": id_, "enabled": True, "type": "count", "schema": "metric", "params": {}}

def metric(type_, field, id_, label=None):
    p = {"field": field}
    if label: p["customLabel"] = label
    return {"id": id_, "enabled": True, "type": type_, "schema": "metric", "params": p}

def date_hist(field, id_="2", schema="segment"):
    return {"id": id_, "enabled": True, "type": "date_histogram", "schema": schema,
            "params": {"field": field, "useNormalizedEsInterval": True, "interval": "auto", "drop_partials": False,
                       "min_doc_count": 1, "extended_bounds": {}}}

def terms(field, id_, schema, size=10, order_by="1", label=None):
    p = {"field": field, "size": size, "order": "desc", "orderBy": order_by, "otherBucket": False,
         "missingBucket": False}
    if label: p["customLabel"] = label
    return {"id": id_, "enabled": True, "type": "terms", "schema": schema, "params": p}

def xy_params(kind, stacked=True):
    mode = "stacked" if stacked else "normal"
    return {"type": kind, "addTooltip": True, "addLegend": True, "legendPosition": "right", "times": [],
            "grid": {"categoryLines": False},
            "categoryAxes": [{"id": "CategoryAxis-1", "type": "category", "position": "bottom", "show": True,
                              "scale": {"type": "linear"}, "labels": {"show": True, "filter": True, "truncate": 100},
                              "title": {}}],
            "valueAxes": [{"id": "ValueAxis-1", "name": "LeftAxis-1", "type": "value", "position": "left", "show": True,
                           "scale": {"type": "linear", "mode": "normal"},
                           "labels": {"show": True, "rotate": 0, "filter": False, "truncate": 100}, "title": {}}],
            "seriesParams": [{"show": True, "type": kind if kind != "histogram" else "histogram", "mode": mode,
                              "data": {"label": "Count", "id": "1"}, "valueAxis": "ValueAxis-1",
                              "drawLinesBetweenPoints": True, "showCircles": True, "interpolate": "linear"}]}

def vis(id_, title, kind, index, aggs, params, query=""):
    obj("visualization", id_, {"title": title, "description": "", "uiStateJSON": "{}", "version": 1,
                               "visState": json.dumps({"title": title, "type": kind, "params": params, "aggs": aggs},
                                                      ensure_ascii=False),
                               "kibanaSavedObjectMeta": search_source(index, query)}, index_ref(index))
    return id_

def saved_search(id_, title, index, columns, sort_field, query=""):
    obj("search", id_, {"title": title, "description": "", "columns": columns, "sort": [[sort_field, "desc"]],
                        "kibanaSavedObjectMeta": search_source(index, query)}, index_ref(index))
    return id_

PIE = {"type": "pie", "addTooltip": True, "addLegend": True, "legendPosition": "right", "isDonut": True,
       "labels": {"show": True, "values": True, "last_level": True, "truncate": 100}}
TABLE = {"perPage": 10, "showPartialRows": False, "showMetricsAtAllLevels": False, "showTotal": False,
         "totalFunc": "sum", "percentageCol": ""}
CLOUD = {"scale": "linear", "orientation": "single", "minFontSize": 14, "maxFontSize": 60, "showLabel": True}
METRIC = {"addTooltip": True, "addLegend": False, "type": "metric",
          "metric": {"percentageMode": False, "useRanges": False, "colorSchema": "Green to Red",
                     "metricColorMode": "None", "colorsRange": [{"from": 0, "to": 10000}],
                     "labels": {"show": True}, "invertColors": False,
                     "style": {"bgFill": "#000", "bgColor": False, "labelColor": False, "subText": "", "fontSize": 48}}}

# 舆情总览
overview = [
    vis("fengxiang-vis-posts-total", "帖子总数", "metric", "fengxiang-posts", [count()], METRIC),
    vis("fengxiang-vis-posts-by-channel", "发帖量趋势（按渠道）", "histogram", "fengxiang-posts",
        [count(), date_hist("publishedAt"), terms("channel", "3", "group", 8)], xy_params("histogram")),
    vis("fengxiang-vis-sentiment-share", "情绪占比", "pie", "fengxiang-posts",
        [count(), terms("sentiment.label", "2", "segment", 3)], PIE),
    vis("fengxiang-vis-top-keywords", "热门关键词", "tagcloud", "fengxiang-posts",
        [count(), terms("keywords", "2", "segment", 40)], CLOUD),
    vis("fengxiang-vis-top-incidents", "热点事件 Top 10", "table", "fengxiang-incidents",
        [metric("max", "heat", "1", "热度"), metric("max", "postCount", "3", "帖子数"),
         metric("max", "negativeShare", "4", "负面占比"),
         terms("title.keyword", "2", "bucket", 10, "1", "事件"), terms("stage", "5", "bucket", 1, "1", "阶段"),
         terms("incidentId", "6", "bucket", 1, "1", "事件ID")], TABLE),
    vis("fengxiang-vis-regions", "地区分布", "histogram", "fengxiang-posts",
        [count(), terms("region", "2", "segment", 20)], xy_params("histogram", False)),
    vis("fengxiang-vis-top-sources", "来源 Top 15", "table", "fengxiang-posts",
        [count(), terms("source", "2", "bucket", 15), metric("sum", "interactions", "3", "互动数")], TABLE),
]
# 预警
alerts = [
    vis("fengxiang-vis-alerts-by-level", "预警状态变化（按级别）", "histogram", "fengxiang-alert-transitions",
        [count(), date_hist("detectedAt"), terms("level", "3", "group", 4)], xy_params("histogram")),
    vis("fengxiang-vis-open-alerts-by-level", "未关闭预警（按级别）", "pie", "fengxiang-alerts",
        [count(), terms("level", "2", "segment", 4)], PIE, "open:true"),
    vis("fengxiang-vis-alerts-by-rule", "预警规则分布", "table", "fengxiang-alert-transitions",
        [count(), terms("rule", "2", "bucket", 10), terms("level", "3", "bucket", 4)], TABLE),
    saved_search("fengxiang-search-open-alerts", "未关闭预警", "fengxiang-alerts",
                 ["level", "title", "status", "sequence", "postCount", "heat", "incidentId", "rule"], "detectedAt",
                 "open:true"),
]
# 事件详情 (filter with incidentId:"..." — the links in e-mails and tables set this query)
incident = [
    vis("fengxiang-vis-incident-timeline", "事件时间线（原帖/转发）", "histogram", "fengxiang-posts",
        [count(), date_hist("publishedAt"), terms("isRepost", "3", "group", 2)], xy_params("histogram")),
    vis("fengxiang-vis-incident-sentiment-trend", "情绪走势", "line", "fengxiang-posts",
        [count(), date_hist("publishedAt"), terms("sentiment.label", "3", "group", 3)], xy_params("line", False)),
    vis("fengxiang-vis-incident-sentiment-score", "平均情绪分", "line", "fengxiang-posts",
        [metric("avg", "sentiment.score", "1", "平均情绪分"), date_hist("publishedAt")], xy_params("line", False)),
    vis("fengxiang-vis-incident-origin", "源头与阶段", "table", "fengxiang-incidents",
        [metric("max", "postCount", "1", "帖子数"), terms("originPostId", "2", "bucket", 5, "1", "源头帖子"),
         terms("originAuthorId", "3", "bucket", 5, "1", "源头作者"), terms("stage", "4", "bucket", 1, "1", "阶段")], TABLE),
    vis("fengxiang-vis-incident-spreaders", "主要传播者", "table", "fengxiang-posts",
        [metric("sum", "interactions", "1", "互动数"), terms("author.name", "2", "bucket", 15, "1", "作者"),
         metric("max", "author.followers", "3", "粉丝数"), count("4")], TABLE),
    vis("fengxiang-vis-incident-alerts", "事件预警", "table", "fengxiang-alert-transitions",
        [metric("max", "sequence", "1", "状态序号"), terms("level", "2", "bucket", 4, "1", "级别"),
         terms("status", "3", "bucket", 4, "1", "状态")], TABLE),
    saved_search("fengxiang-search-incident-posts", "事件帖子", "fengxiang-posts",
                 ["author.name", "channel", "title", "text", "sentiment.label", "interactions", "url", "incidentId"],
                 "publishedAt"),
]

def dashboard(id_, title, description, panels, query="", time_from="now-7d"):
    panels_json, refs = [], []
    for i, pid in enumerate(panels):
        ptype = "search" if pid.startswith("fengxiang-search") else "visualization"
        w = 48 if ptype == "search" else 24
        h = 15
        panels_json.append({"version": "8.0.0", "type": ptype, "panelIndex": str(i + 1),
                            "gridData": {"x": 0 if w == 48 or i % 2 == 0 else 24, "y": (i // 2) * h, "w": w, "h": h,
                                         "i": str(i + 1)},
                            "embeddableConfig": {"enhancements": {}}, "panelRefName": "panel_" + str(i + 1)})
        refs.append({"name": "panel_" + str(i + 1), "type": ptype, "id": pid})
    obj("dashboard", id_, {"title": title, "description": description, "version": 1, "timeRestore": True,
                           "timeFrom": time_from, "timeTo": "now", "refreshInterval": {"pause": False, "value": 60000},
                           "panelsJSON": json.dumps(panels_json, ensure_ascii=False),
                           "optionsJSON": json.dumps({"useMargins": True, "syncColors": False, "hidePanelTitles": False}),
                           "kibanaSavedObjectMeta": {"searchSourceJSON": json.dumps(
                               {"query": {"query": query, "language": "kuery"}, "filter": []})}}, refs)

dashboard("fengxiang-dashboard-overview", "舆情总览", "发帖量、情绪、关键词、热点事件与地区分布", overview)
dashboard("fengxiang-dashboard-alerts", "预警", "按级别的预警趋势与未关闭预警列表（incidentId 可点击进入事件详情）", alerts)
dashboard("fengxiang-dashboard-incident", "事件详情", "单个事件：在查询栏输入 incidentId:\"…\"（预警邮件与表格中的链接会自动填入）",
          incident, time_from="now-30d")

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fengxiang-saved-objects.ndjson")
with open(out, "w", encoding="utf-8") as f:
    for o in objects:
        f.write(json.dumps(o, ensure_ascii=False, separators=(",", ":")) + "\n")
print(out, len(objects), "objects")
