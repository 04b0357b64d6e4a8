package io.mobim.platform.interconnect;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The peer operators this operator exchanges messages with over the server-to-server interface ({@code /s2s/v1}).
 * This operator's own code is {@code mobim.subscribers.home-operator}; which numbers are whose, the number plan.
 *
 * @param peers         each peer by its operator code ({@code mobim.interconnect.peers.FRAF1.url=...}): where its
 *                      platform listens and the secret both sides sign their requests with
 * @param maxClockSkew  a signed request whose timestamp is further than this from our clock is refused as stale
 *                      (a replayed or badly delayed request)
 * @param requestTimeout connect and answer timeout of a hand-over to a peer; a peer that does not answer in time is
 *                      tried again with backoff
 * @param pollInterval  how often each peer's lane looks for what waits for it without being woken: rows another
 *                      instance queued, a peer's line another instance held, an operator no longer configured whose
 *                      rows are then refused
 */
@Validated
@ConfigurationProperties("mobim.interconnect")
public record InterconnectSettings(
        @DefaultValue Map<String, @Valid Peer> peers,
        @DefaultValue("5m") @NotNull Duration maxClockSkew,
        @DefaultValue("10s") @NotNull Duration requestTimeout,
        @DefaultValue("5s") @NotNull Duration pollInterval) {

    public InterconnectSettings {
        // operator codes are upper case; environment variables (MOBIM_INTERCONNECT_PEERS_FRAF1_URL) bind map keys in lower case
        Map<String, Peer> byCode = new java.util.TreeMap<>();
        peers.forEach((code, peer) -> byCode.put(code.toUpperCase(java.util.Locale.ROOT), peer));
        peers = Map.copyOf(byCode);
    }

    /**
     * One peer operator.
     *
     * @param url    the base address of its platform ({@code https://im.peer.example}); requests go to {@code <url>/s2s/v1/...}
     * @param secret the key both operators sign requests with (HMAC-SHA256), at least 32 characters; env
     *               {@code MOBIM_INTERCONNECT_PEERS_<CODE>_SECRET}, from a Secret
     */
    public record Peer(@NotNull URI url, @NotNull @Size(min = 32) String secret) {

        @Override
        public String toString() {
            return "Peer[" + url + ", secret=***]"; // never the secret in a log or an error
        }
    }
}
