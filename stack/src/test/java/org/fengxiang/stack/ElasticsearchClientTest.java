package org.fengxiang.stack;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.InfoResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.util.Map;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

/** The official elasticsearch-java client works against the embedded node (info, ping, index, search), via SharedStack. */
class ElasticsearchClientTest {

    @Test
    void officialClientInfoPingIndexSearch() throws Exception {
        Endpoints e = SharedStack.get(Service.ELASTICSEARCH);
        assertThat(SharedStack.get(Service.ELASTICSEARCH)).as("started once per JVM").isEqualTo(e);
        try (RestClient rest = RestClient.builder(HttpHost.create(e.elasticsearchUrl())).build();
                RestClientTransport transport = new RestClientTransport(rest, new JacksonJsonpMapper())) {
            ElasticsearchClient es = new ElasticsearchClient(transport);
            assertThat(es.ping().value()).isTrue();
            InfoResponse info = es.info();
            assertThat(info.version().number()).isEqualTo("8.19.21");
            assertThat(info.clusterName()).isEqualTo("fengxiang");
            es.index(i -> i.index("client-test").id("1").document(Map.of("text", "风向标")).refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
            var hits = es.search(s -> s.index("client-test").query(q -> q.match(m -> m.field("text").query("风向标"))), Map.class);
            assertThat(hits.hits().total().value()).isEqualTo(1);
        }
    }
}
