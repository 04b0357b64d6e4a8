package io.mobim.smpp.mt;

import io.mobim.events.Msisdn;
import io.mobim.events.sms.SmsAddresses;
import io.mobim.events.sms.SmsMt;
import io.mobim.smpp.Msisdns;
import io.mobim.smpp.esme.SmscLink;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;

/**
 * Builds the submit_sm of an MT's parts: the source address typed by its form (E.164, short code, alphanumeric),
 * the destination in international form, a receipt asked for when the MT wants one, the MT's expiry as an absolute
 * validity period, and the concatenation of a long MT as a UDH (in the part's octets) or as sar_ TLVs.
 */
final class SubmitSmFactory {

    private static final DateTimeFormatter SMPP_ABSOLUTE =
            DateTimeFormatter.ofPattern("yyMMddHHmmss").withZone(ZoneOffset.UTC);

    private SubmitSmFactory() {
    }

    /** The concatenation reference of a request: the same on every attempt, so parts sent before and after a retry match. */
    static int reference(String requestId) {
        int h = requestId.hashCode();
        return (h ^ (h >>> 8) ^ (h >>> 16) ^ (h >>> 24)) & 0xFF;
    }

    /** How each part of {@code mt} is written as a submit_sm on a session. */
    static SmscLink.Submission submission(SmsMt mt) {
        String from = mt.from();
        TypeOfNumber srcTon;
        NumberingPlanIndicator srcNpi;
        if (Msisdn.isE164(from)) {
            srcTon = TypeOfNumber.INTERNATIONAL;
            srcNpi = NumberingPlanIndicator.ISDN;
            from = Msisdns.toSmpp(from);
        } else if (SmsAddresses.isShortCode(from)) {
            srcTon = TypeOfNumber.UNKNOWN;
            srcNpi = NumberingPlanIndicator.UNKNOWN;
        } else {
            srcTon = TypeOfNumber.ALPHANUMERIC;
            srcNpi = NumberingPlanIndicator.UNKNOWN;
        }
        String source = from;
        String destination = Msisdns.toSmpp(mt.to());
        RegisteredDelivery receipt = new RegisteredDelivery(mt.receiptWanted()
                ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT);
        String validity = SMPP_ABSOLUTE.format(mt.expiresAt()) + "000+";
        return (session, part) -> {
            ESMClass esm = part.udhi()
                    ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI)
                    : new ESMClass();
            OptionalParameter[] tlvs = !part.udhi() && part.concatenated()
                    ? new OptionalParameter[] {
                        new OptionalParameter.Short(OptionalParameter.Tag.SAR_MSG_REF_NUM, (short) part.reference()),
                        new OptionalParameter.Byte(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS, (byte) part.total()),
                        new OptionalParameter.Byte(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM, (byte) part.seq())}
                    : new OptionalParameter[0];
            return session.submitAsync("", srcTon, srcNpi, source, TypeOfNumber.INTERNATIONAL,
                    NumberingPlanIndicator.ISDN, destination, esm, (byte) 0, (byte) 1, validity, receipt,
                    DataCodings.newInstance(part.encoding().dataCoding()), part.shortMessage(), tlvs);
        };
    }
}
