package dev.playbook.serve;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names a request may address the preview by. A web page elsewhere can point its own name at
 * this machine (DNS rebinding) and then read whatever the preview answers as if it were its own;
 * such a request carries the page's name in {@code Host}. So the preview answers only to this
 * machine's own names: the loopback ones always, and when it listens for others on the network
 * also the address it was given, the machine's addresses and its host name.
 */
final class AllowedHosts {
    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+");

    /** What this machine calls itself, as far as it knows without asking the network. */
    record Machine(List<InetAddress> addresses, String hostName) {
        Machine {
            addresses = List.copyOf(addresses);
        }

        static Machine current() {
            List<InetAddress> addresses = new ArrayList<>();
            try {
                NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses).forEach(addresses::add);
            } catch (SocketException e) {
                // without the list, the loopback names and the address given to --host still work
            }
            String name;
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                name = null;
            }
            return new Machine(addresses, name);
        }
    }

    private final Set<String> names;
    private final int port;

    AllowedHosts(int port, Collection<String> names) {
        this.port = port;
        this.names = new LinkedHashSet<>();
        for (String name : names) {
            if (name != null && !name.isBlank()) this.names.add(normalize(name));
        }
    }

    /**
     * @param bound the address and port the server listens on
     * @param given the address as the user wrote it ({@code --host}), which may be a name
     */
    static AllowedHosts forServer(InetSocketAddress bound, String given, Machine machine) {
        List<String> names = new ArrayList<>(LOOPBACK);
        names.add(given);
        names.add(literal(bound.getAddress()));
        if (!bound.getAddress().isLoopbackAddress()) {
            for (InetAddress address : machine.addresses()) names.add(literal(address));
            String host = machine.hostName();
            if (host != null && !host.isBlank()) {
                String shortName = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
                names.addAll(List.of(host, shortName, shortName + ".local"));
            }
        }
        return new AllowedHosts(bound.getPort(), names);
    }

    /** Whether a {@code Host} value ({@code name} or {@code name:port}) names this server. */
    boolean accepts(String host) {
        String value = host.strip();
        String name = value;
        String portText = null;
        int colon = value.lastIndexOf(':');
        int bracket = value.lastIndexOf(']');
        if (colon > bracket && (value.startsWith("[") || value.indexOf(':') == colon)) {
            name = value.substring(0, colon);
            portText = value.substring(colon + 1);
        }
        boolean portMatches = portText == null ? port == 80 : portText.equals(Integer.toString(port));
        return portMatches && !name.isEmpty() && names.contains(normalize(name));
    }

    /** Lower case, no trailing dot, IPv6 in one spelling within brackets and without a zone. */
    private static String normalize(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".")) n = n.substring(0, n.length() - 1);
        boolean bracketed = n.startsWith("[") && n.endsWith("]");
        String inner = bracketed ? n.substring(1, n.length() - 1) : n;
        int zone = inner.indexOf('%');
        if (zone >= 0) inner = inner.substring(0, zone);
        if ((bracketed || inner.contains(":")) && IPV6.matcher(inner).matches()) {
            try {
                // in brackets, a bad literal is refused without any look-up
                return literal(InetAddress.getByName("[" + inner + "]"));
            } catch (UnknownHostException e) {
                return n;
            }
        }
        return n;
    }

    private static String literal(InetAddress address) {
        String text = address.getHostAddress();
        int zone = text.indexOf('%');
        if (zone >= 0) text = text.substring(0, zone);
        return address instanceof Inet6Address ? "[" + text + "]" : text;
    }
}
