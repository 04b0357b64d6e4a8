package io.mobim.bench.wv;

import io.mobim.wv.handset.WvHandset;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One handset's HTTP/1.1 connection, kept alive between its requests: a blocking socket (cheap on a virtual thread),
 * a request written in one piece, the answer read by Content-Length or chunks. The load driver's instrument: the
 * JDK's HTTP client costs several times as much CPU per request (its selector thread, executor hand-offs and
 * per-request objects), which on two shared cores would be counted against the server. Not thread-safe: one
 * handset, one request at a time. A connection the server closes (after its keep-alive limit) is opened again.
 */
final class KeepAliveHttp implements WvHandset.Transport {

    private final InetSocketAddress address;
    private final byte[] head;
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private long connects;

    KeepAliveHttp(URI endpoint) {
        this.address = new InetSocketAddress(endpoint.getHost(), endpoint.getPort());
        this.head = ("POST " + endpoint.getRawPath() + " HTTP/1.1\r\nHost: " + endpoint.getHost() + ":" + endpoint.getPort()
                + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public WvHandset.Answer post(byte[] body, String contentType) {
        try {
            return exchange(body, contentType);
        } catch (IOException first) {
            // the server may close an idle or used-up connection at any moment: one more try on a new one
            close();
            try {
                return exchange(body, contentType);
            } catch (IOException e) {
                close();
                throw new UncheckedIOException(e);
            }
        }
    }

    /** How many connections this handset opened. */
    long connects() {
        return connects;
    }

    private WvHandset.Answer exchange(byte[] body, String contentType) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 8192);
            connects++;
        }
        ByteArrayOutputStream request = new ByteArrayOutputStream(head.length + 96 + body.length);
        request.writeBytes(head);
        if (contentType != null) {
            request.writeBytes(("Content-Type: " + contentType + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        request.writeBytes(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        request.writeTo(out);
        out.flush();
        return read();
    }

    private WvHandset.Answer read() throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        boolean closing = status.startsWith("HTTP/1.0");
        String type = "";
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Integer.parseInt(value);
                case "content-type" -> type = value;
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closing = value.equalsIgnoreCase("close");
                default -> {
                }
            }
        }
        byte[] content;
        if (chunked) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int n = Integer.parseInt(line().split(";")[0].trim(), 16); n > 0; n = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                all.writeBytes(in.readNBytes(n));
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
            content = all.toByteArray();
        } else if (length >= 0) {
            content = in.readNBytes(length);
            if (content.length < length) {
                throw new EOFException("the connection closed within an answer");
            }
        } else {
            content = in.readAllBytes();
            closing = true;
        }
        if (closing) {
            close();
        }
        return new WvHandset.Answer(code, type, content);
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder(64);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new EOFException("the connection closed");
            }
            if (c != '\r') {
                s.append((char) c);
            }
        }
        return s.toString();
    }

    void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
