package io.mobim.smpp.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;

/**
 * jSMPP's server connections on one address (jSMPP's own factory listens on every address), keeping the socket it
 * listens on so that its owner can read the port it was given.
 */
public final class AddressBoundListener implements ServerConnectionFactory {

    private final InetAddress address;
    private volatile ServerSocket socket;

    public AddressBoundListener(InetAddress address) {
        this.address = address;
    }

    /** The socket of the last {@code listen}, null before it. */
    public ServerSocket socket() {
        return socket;
    }

    @Override
    public ServerConnection listen(int port) throws IOException {
        return listen(port, 0, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout) throws IOException {
        return listen(port, timeout, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        ss.bind(new InetSocketAddress(address, port), backlog);
        ss.setSoTimeout(timeout);
        socket = ss;
        return new ServerSocketConnection(ss);
    }
}
