package dev.playbook.serve;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Execution(ExecutionMode.CONCURRENT)
class AllowedHostsTest {
    private final AllowedHosts.Machine machine;

    AllowedHostsTest() throws Exception {
        machine = new AllowedHosts.Machine(List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"),
                InetAddress.getByName("192.168.1.5"), InetAddress.getByName("2001:db8::5")), "mybox.office.example");
    }

    private static InetSocketAddress bound(String address, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(address), port);
    }

    @Test
    void onThisMachineOnlyTheLoopbackNamesAreAnswered() throws Exception {
        AllowedHosts hosts = AllowedHosts.forServer(bound("127.0.0.1", 8080), "127.0.0.1", machine);
        for (String host : List.of("localhost:8080", "127.0.0.1:8080", "[::1]:8080", "LOCALHOST:8080", "localhost.:8080",
                "[0:0:0:0:0:0:0:1]:8080")) {
            assertTrue(hosts.accepts(host), host);
        }
        for (String host : List.of("mybox:8080", "mybox.office.example:8080", "192.168.1.5:8080", "evil.example:8080",
                "localhost:8081", "localhost", "localhost:", ":8080", "", "[::1", "[zz::1]:8080", "[::1]x:8080",
                "localhost:8080:8080", "localhost:08080")) {
            assertFalse(hosts.accepts(host), host);
        }
    }

    @Test
    void onTheNetworkTheMachinesOwnAddressesAndNamesAreAnsweredToo() throws Exception {
        AllowedHosts hosts = AllowedHosts.forServer(bound("0.0.0.0", 8080), "0.0.0.0", machine);
        for (String host : List.of("localhost:8080", "127.0.0.1:8080", "[::1]:8080", "192.168.1.5:8080",
                "[2001:db8::5]:8080", "[2001:DB8:0:0:0:0:0:5]:8080", "mybox:8080", "MyBox.Office.Example:8080",
                "mybox.local:8080", "0.0.0.0:8080")) {
            assertTrue(hosts.accepts(host), host);
        }
        for (String host : List.of("evil.example:8080", "192.168.1.6:8080", "mybox:8081", "mybox.evil.example:8080",
                "office.example:8080", "192.168.1.5.nip.io:8080")) {
            assertFalse(hosts.accepts(host), host);
        }
    }

    @Test
    void aNameGivenToListenOnIsAnswered() throws Exception {
        AllowedHosts hosts = AllowedHosts.forServer(bound("192.168.1.5", 8080), "preview.office.example", machine);
        assertTrue(hosts.accepts("preview.office.example:8080"));
        assertTrue(hosts.accepts("192.168.1.5:8080"));
        assertTrue(hosts.accepts("mybox:8080"));
        assertFalse(hosts.accepts("evil.example:8080"));
    }

    @Test
    void onPort80TheHostMayLeaveThePortOut() throws Exception {
        AllowedHosts hosts = AllowedHosts.forServer(bound("127.0.0.1", 80), "127.0.0.1", machine);
        assertTrue(hosts.accepts("localhost"));
        assertTrue(hosts.accepts("[::1]"));
        assertTrue(hosts.accepts("localhost:80"));
        assertFalse(hosts.accepts("evil.example"));
    }

    @Test
    void thisMachineKnowsAtLeastItsLoopbackAddress() {
        assertTrue(AllowedHosts.Machine.current().addresses().stream().anyMatch(InetAddress::isLoopbackAddress));
    }
}
