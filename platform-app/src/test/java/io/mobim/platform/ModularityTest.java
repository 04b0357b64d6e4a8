package io.mobim.platform;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The feature packages of platform-app depend on each other only through their public types, without cycles. */
class ModularityTest {

    @Test
    void moduleBoundariesHold() {
        ApplicationModules.of(MobimApplication.class).verify();
    }
}
