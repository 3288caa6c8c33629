package org.premiumflow.engine.api;

import org.premiumflow.engine.ConditionalOnEmbeddedEngine;
import org.premiumflow.engine.runtime.ProcessInstances;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ConditionalOnEmbeddedEngine
class ElementInstanceController {

    private final ProcessInstances instances;

    ElementInstanceController(ProcessInstances instances) {
        this.instances = instances;
    }

    @PutMapping("/v2/element-instances/{key}/variables")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void setVariables(@PathVariable String key, @RequestBody String body) {
        JsonBody request = JsonBody.read(body);
        instances.setVariables(Keys.parse("elementInstanceKey", key), request.object("variables"), request.flag("local"));
    }
}
