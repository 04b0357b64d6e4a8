package io.mobim.smpp.codec;

/** How the parts of a long message are tied together on submit_sm (SMPP 3.4 §5.3.2, TS 23.040 §9.2.3.24.1). */
public enum ConcatMode {
    /** A user data header in short_message (IE 0x00, 8-bit reference) and esm_class UDHI (0x40). The usual way. */
    UDH,
    /** The sar_msg_ref_num / sar_total_segments / sar_segment_seqnum TLVs; the SMS-C builds the header. */
    SAR
}
