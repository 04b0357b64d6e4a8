package io.mobim.wv.bind;

/**
 * The Integers of decoded records' integer components. The values messages carry (content sizes, validities in
 * seconds, status codes, keep-alive times) are mostly below {@value #CACHED}, far above the JDK's own cache: boxed
 * once here, so decoding them allocates nothing.
 */
public final class Boxed {

    private static final int CACHED = 4096;
    private static final Integer[] SMALL = new Integer[CACHED];

    static {
        for (int i = 0; i < CACHED; i++) {
            SMALL[i] = Integer.valueOf(i);
        }
    }

    private Boxed() {
    }

    /** The Integer of {@code v}. */
    public static Integer of(int v) {
        return v >= 0 && v < CACHED ? SMALL[v] : Integer.valueOf(v);
    }
}
