package io.mobim.wv;

/**
 * Decoding limits, set by the caller: the largest body accepted and the deepest element nesting.
 * Anything beyond either is rejected with a 400 before it costs memory or stack.
 *
 * @param maxBytes largest encoded message, in bytes
 * @param maxDepth deepest element nesting, the root being depth 1 (a real CSP message is under 15)
 */
public record WvLimits(int maxBytes, int maxDepth) {

    /** 256 KiB and depth 32: generous for handsets (whose ParserSize is usually a few KB). */
    public static final WvLimits DEFAULT = new WvLimits(256 * 1024, 32);

    /** The largest depth limit accepted (mapping and writing the tree recurse once per level). */
    public static final int MAX_DEPTH = 1000;

    public WvLimits {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        if (maxDepth <= 0 || maxDepth > MAX_DEPTH) {
            throw new IllegalArgumentException("maxDepth must be between 1 and " + MAX_DEPTH + ": " + maxDepth);
        }
    }
}
