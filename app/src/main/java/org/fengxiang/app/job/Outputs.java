package org.fengxiang.app.job;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Rejected;

/** Side-output tags shared by the job's functions. */
final class Outputs {
    static final OutputTag<Rejected> REJECTED = new OutputTag<>("rejected", TypeInformation.of(Rejected.class));
    static final OutputTag<Incident> INCIDENTS = new OutputTag<>("incidents", TypeInformation.of(Incident.class));

    private Outputs() {}
}
