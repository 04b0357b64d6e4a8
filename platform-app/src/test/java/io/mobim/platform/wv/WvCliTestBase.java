package io.mobim.platform.wv;

import io.mobim.events.Msisdn;
import io.mobim.platform.support.Handsets;
import io.mobim.smpp.simulator.SmscSimulator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** What a test of the emulator's command line starts from: SMS-only handsets, and emulators it ends after each test. */
abstract class WvCliTestBase extends WvTestBase {

    @Autowired SmscSimulator smsc;
    Handsets phones;
    private final List<CliEmulator> emulators = new ArrayList<>();

    @BeforeEach
    void phones() {
        phones = new Handsets(smsc, subscribers);
    }

    @AfterEach
    void hangUp() throws IOException {
        for (CliEmulator e : emulators) {
            e.close();
        }
        emulators.clear();
    }

    /** The command line of {@code who}'s emulator. */
    String[] args(Msisdn who, String encoding, String version, boolean digest, String password) {
        return CliEmulator.args(clients.endpoint(), who, encoding, version, digest, password);
    }

    /** {@code who}'s emulator, logging in with the test password, on its own thread. */
    CliEmulator start(Msisdn who, String encoding, String version, boolean digest) throws IOException {
        CliEmulator e = new CliEmulator(args(who, encoding, version, digest, WvClients.PASSWORD));
        emulators.add(e);
        return e;
    }
}
