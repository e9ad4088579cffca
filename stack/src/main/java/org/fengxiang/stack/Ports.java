package org.fengxiang.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Port helpers for 127.0.0.1. */
final class Ports {
    private Ports() {}

    /** A port that was free a moment ago (for services that cannot report an ephemeral port themselves). */
    static int free() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code port} itself, or a free port if it is 0. */
    static int orFree(int port) {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("bad port " + port);
        return port == 0 ? free() : port;
    }

    /** True if something accepts TCP connections on 127.0.0.1:port. */
    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
