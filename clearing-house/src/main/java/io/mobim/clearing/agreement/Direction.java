package io.mobim.clearing.agreement;

/** A message's direction between an agreement's parties: from the originating to the terminating operator. */
public enum Direction {
    A_TO_B,
    B_TO_A
}
