package io.mobim.wv.model;

import java.util.List;

/**
 * A CSP structure, carried in several primitives.
 *
 * @param clientType {@code <ClientType>}, or {@code null} when absent
 * @param initialDeliveryMethod {@code <InitialDeliveryMethod>}, or {@code null} when absent
 * @param acceptedContentTypes {@code <AcceptedContentType>}, repeated
 * @param acceptedCharsets {@code <AcceptedCharset>}, repeated
 * @param acceptedTransferEncodings {@code <AcceptedTransferEncoding>}, repeated
 * @param acceptedContentLength {@code <AcceptedContentLength>}, or {@code null} when absent
 * @param anyContent {@code <AnyContent>}, or {@code null} when absent
 * @param supportedBearers {@code <SupportedBearer>}, repeated
 * @param multiTrans {@code <MultiTrans>}, or {@code null} when absent
 * @param parserSize {@code <ParserSize>}, or {@code null} when absent
 * @param supportedCirMethods {@code <SupportedCIRMethod>}, repeated
 * @param udpPort {@code <UDPPort>}, or {@code null} when absent
 * @param tcpAddress {@code <TCPAddress>}, or {@code null} when absent
 * @param tcpPort {@code <TCPPort>}, or {@code null} when absent
 * @param serverPollMin {@code <ServerPollMin>}, or {@code null} when absent
 * @param defaultLanguage {@code <DefaultLanguage>}, or {@code null} when absent
 */
public record CapabilityList(String clientType, String initialDeliveryMethod, List<String> acceptedContentTypes, List<Integer> acceptedCharsets, List<String> acceptedTransferEncodings, Integer acceptedContentLength, Boolean anyContent, List<String> supportedBearers, Integer multiTrans, Integer parserSize, List<String> supportedCirMethods, Integer udpPort, String tcpAddress, Integer tcpPort, Integer serverPollMin, String defaultLanguage) {
    public CapabilityList {
        acceptedContentTypes = Lists.copy(acceptedContentTypes);
        acceptedCharsets = Lists.copy(acceptedCharsets);
        acceptedTransferEncodings = Lists.copy(acceptedTransferEncodings);
        supportedBearers = Lists.copy(supportedBearers);
        supportedCirMethods = Lists.copy(supportedCirMethods);
    }
}
