package org.premiumflow.engine.api;

import io.camunda.client.protocol.rest.BrokerInfo;
import io.camunda.client.protocol.rest.Partition;
import io.camunda.client.protocol.rest.TopologyResponse;
import java.util.List;
import org.premiumflow.engine.ConditionalOnEmbeddedEngine;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The embedded engine is one broker with one partition, always the leader, healthy while it runs. */
@RestController
@ConditionalOnEmbeddedEngine
class TopologyController {

    static final String VERSION = "8.9.0-embedded";

    @GetMapping("/v2/topology")
    TopologyResponse topology(jakarta.servlet.http.HttpServletRequest request) {
        Partition partition = new Partition()
                .partitionId(1)
                .role(Partition.RoleEnum.LEADER)
                .health(Partition.HealthEnum.HEALTHY);
        BrokerInfo broker = new BrokerInfo()
                .nodeId(0)
                .host(request.getServerName())
                .port(request.getServerPort())
                .version(VERSION)
                .partitions(List.of(partition));
        return new TopologyResponse()
                .brokers(List.of(broker))
                .clusterSize(1)
                .partitionsCount(1)
                .replicationFactor(1)
                .gatewayVersion(VERSION);
    }
}
