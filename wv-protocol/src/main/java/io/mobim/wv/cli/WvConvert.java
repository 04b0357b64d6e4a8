package io.mobim.wv.cli;

import io.mobim.wv.WvCodec;
import io.mobim.wv.WvDecodeException;
import io.mobim.wv.WvLimits;
import io.mobim.wv.model.WvMessage;
import io.mobim.wv.wbxml.WbxmlEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Converts between CSP WBXML and XML, for people debugging handsets:
 * <pre>
 * java -jar wv-protocol.jar decode &lt; in.wbxml &gt; out.xml
 * java -jar wv-protocol.jar encode &lt; in.xml &gt; out.wbxml
 * </pre>
 * The CSP version is taken from the document and kept. A DOCTYPE is accepted and never fetched.
 * Input that is not a CSP message exits with status 2 and the CSP status and reason on stderr;
 * a usage error exits with 1.
 */
public final class WvConvert {

    /** Input limit of the converter: 16 MiB and depth 256, far above anything a handset sends. */
    static final WvLimits LIMITS = new WvLimits(16 * 1024 * 1024, 256);

    private WvConvert() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs the converter; returns the exit status. */
    public static int run(String[] args, InputStream in, OutputStream out, PrintStream err) {
        boolean stringPublicId = args.length == 2 && args[0].equals("encode") && args[1].equals("--string-public-id");
        if (!(args.length == 1 || stringPublicId) || !args[0].equals("decode") && !args[0].equals("encode")) {
            err.println("usage: java -jar wv-protocol.jar decode|encode [--string-public-id] < input > output");
            err.println("  decode: WV-CSP WBXML (application/vnd.wv.csp.wbxml) to XML");
            err.println("  encode: WV-CSP XML (application/vnd.wv.csp.xml) to WBXML, public id 0x10/0x11 as handsets send it;");
            err.println("          --string-public-id writes it as a string instead, for libwbxml (which rejects 0x11)");
            return 1;
        }
        boolean decode = args[0].equals("decode");
        WvCodec from = decode ? WvCodec.wbxml() : WvCodec.xml();
        WvCodec to = decode ? WvCodec.xml() : WvCodec.wbxml();
        try {
            WvMessage m = from.decode(in, LIMITS);
            out.write(stringPublicId ? WbxmlEncoder.STRING_PUBLIC_ID.encode(m) : to.encode(m));
            out.flush();
            return 0;
        } catch (WvDecodeException e) {
            err.println(e.status().code() + " " + e.status().meaning() + ": " + e.reason());
            return 2;
        } catch (IOException e) {
            err.println("cannot write the output: " + e.getMessage());
            return 1;
        }
    }
}
