package io.mobim.wv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StatusCodeTest {

    @Test
    void lookupByNumber() {
        for (StatusCode s : StatusCode.values()) {
            assertThat(StatusCode.of(s.code())).isSameAs(s);
        }
        assertThat(StatusCode.of(401)).isEqualTo(StatusCode.UNAUTHORIZED);
        assertThat(StatusCode.of(760).meaning()).contains("subscription");
        assertThat(StatusCode.of(999)).isNull();
        assertThat(StatusCode.of(-1)).isNull();
        assertThat(StatusCode.of(100_000)).isNull();
        assertThat(Arrays.stream(StatusCode.values()).mapToInt(StatusCode::code).distinct().count())
                .isEqualTo(StatusCode.values().length);
        assertThat(StatusCode.SUCCESSFUL.isSuccess()).isTrue();
        assertThat(StatusCode.BAD_REQUEST.isSuccess()).isFalse();
    }

    @Test
    void contentTypes() {
        assertThat(WvCodec.forContentType("application/vnd.wv.csp.wbxml")).isSameAs(WvCodec.wbxml());
        assertThat(WvCodec.forContentType("Application/VND.WV.CSP.XML; charset=utf-8")).isSameAs(WvCodec.xml());
        assertThat(WvCodec.forContentType("application/vnd.wv.csp+xml")).isSameAs(WvCodec.xml());
        assertThat(WvCodec.forContentType("text/html")).isNull();
        assertThat(WvCodec.forContentType(null)).isNull();
        assertThat(WvCodec.wbxml().contentType()).isEqualTo("application/vnd.wv.csp.wbxml");
    }
}
