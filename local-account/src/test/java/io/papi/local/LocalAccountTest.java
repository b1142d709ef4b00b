package io.papi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.papi.local.files.AccountDirectory;
import io.papi.testing.TestKeys;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalAccountTest {
    @TempDir
    Path home;

    private Path directory() {
        return home.resolve(".papi").resolve("local");
    }

    @Test
    void createsDirectoryWithAccountPropertiesSigningKeyAndUserDatabase() throws Exception {
        try (LocalAccount account = LocalAccount.open(directory())) {
            assertThat(account.name()).isEqualTo("LOCAL");
            assertThat(account.directory()).isEqualTo(directory().toAbsolutePath());

            Properties properties = new Properties();
            properties.load(Files.newBufferedReader(directory().resolve("account.properties")));
            assertThat(properties.getProperty("account")).isEqualTo("LOCAL");
            assertThat(properties.getProperty("created"))
                    .isEqualTo(account.createdOn().toString());
            assertThat(directory().resolve("users.mv.db")).exists();
            assertThat(Files.readAllLines(directory().resolve("session-signing.key")))
                    .singleElement()
                    .satisfies(
                            line -> assertThat(Base64.getDecoder().decode(line)).hasSize(32));
        }
    }

    @Test
    void keepsSecretsReadableByTheOwnerOnly() throws Exception {
        try (LocalAccount ignored = LocalAccount.open(directory())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory())))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(directory().resolve("session-signing.key"))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(directory().resolve("account.properties"))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(directory().resolve("users.mv.db"))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void tightensADirectoryOthersCouldEnter() throws Exception {
        Files.createDirectories(
                directory(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        LocalAccount.open(directory()).close();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory())))
                .isEqualTo("rwx------");
    }

    @Test
    void tightensASigningKeyOthersCouldRead() throws Exception {
        LocalAccount.open(directory()).close();
        Path key = directory().resolve("session-signing.key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        LocalAccount.open(directory()).close();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
    }

    @Test
    void reopeningKeepsUsersNameAndSigningKey() throws Exception {
        String key;
        try (LocalAccount account = LocalAccount.open(directory(), "dev")) {
            account.users().create("SVC_DATA_API", "DATA_API_ROLE", TestKeys.publicKey(TestKeys.ALICE));
            key = Files.readString(directory().resolve("session-signing.key"));
        }

        try (LocalAccount again = LocalAccount.open(directory())) {
            assertThat(again.name()).isEqualTo("DEV");
            assertThat(again.users().describe("SVC_DATA_API")).isPresent();
            assertThat(Files.readString(directory().resolve("session-signing.key")))
                    .isEqualTo(key);
        }
    }

    @Test
    void refusesToOpenADirectoryUnderAnotherAccountName() throws Exception {
        LocalAccount.open(directory()).close();

        assertThatThrownBy(() -> LocalAccount.open(directory(), "STAGING"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds local account LOCAL, not STAGING");
    }

    @Test
    void rejectsAccountNamesAJwtCannotCarry() {
        for (String name : List.of("", "my.account", "1ACCOUNT", "A B")) {
            assertThatThrownBy(() -> LocalAccount.open(directory(), name))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("account name '" + name.trim() + "' is not valid");
        }
        assertThat(directory()).doesNotExist();
    }

    @Test
    void refusesAFileAsDirectory() throws Exception {
        Path file = Files.writeString(home.resolve("not-a-directory"), "x");

        assertThatThrownBy(() -> LocalAccount.open(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is a file");
    }

    @Test
    void reportsADamagedSigningKey() throws Exception {
        LocalAccount.open(directory()).close();
        Files.writeString(directory().resolve("session-signing.key"), "c2hvcnQ=\n");

        assertThatThrownBy(() -> LocalAccount.open(directory()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is damaged")
                .hasMessageContaining("delete it");
    }

    @Test
    void writesNoTemporaryFilesThatOutliveSetup() throws Exception {
        LocalAccount.open(directory()).close();

        try (var files = Files.list(directory())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void tokenUrlNamesLoopbackHostPortAndPath() {
        assertThat(LocalAccount.tokenUrl(LocalAccount.defaultAddress()))
                .isEqualTo(URI.create("http://127.0.0.1:8088/oauth/token"));
    }

    @Test
    void serverListensOnLoopbackOnly() throws Exception {
        try (LocalAccount account = LocalAccount.open(directory())) {
            assertThatThrownBy(() -> account.startServer(new InetSocketAddress("0.0.0.0", 0), Duration.ofMinutes(10)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("loopback only");
        }
    }

    @Test
    void sessionLifetimeMustBeBetweenOneSecondAndOneDay() throws Exception {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (LocalAccount account = LocalAccount.open(directory())) {
            assertThatThrownBy(() -> account.startServer(loopback, Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> account.startServer(loopback, Duration.ofDays(2)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aTakenPortIsReportedWithTheAddress() throws Exception {
        try (LocalAccount account = LocalAccount.open(directory())) {
            LocalTokenEndpoint first = account.startServer(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Duration.ofMinutes(10));

            assertThatThrownBy(() -> account.startServer(first.address(), Duration.ofMinutes(10)))
                    .isInstanceOf(java.net.BindException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + first.port());
        }
    }

    @Test
    void closingTheAccountStopsItsServersAndFreesThePort() throws Exception {
        int port;
        try (LocalAccount account = LocalAccount.open(directory())) {
            port = account.startServer(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Duration.ofMinutes(10))
                    .port();
        }
        try (java.net.ServerSocket socket = new java.net.ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aSecondProcessCanAddUsersWhileTheAccountIsOpen() throws Exception {
        try (LocalAccount account = LocalAccount.open(directory())) {
            account.users().create("FIRST", "DATA_API_ROLE", TestKeys.publicKey(TestKeys.ALICE));

            String output = runSecondProcess("SECOND", TestKeys.BOB.getPublic().getEncoded());

            assertThat(output.trim()).isEqualTo("CREATED");
            assertThat(account.users().list()).extracting(LocalUser::name).containsExactly("FIRST", "SECOND");
        }
    }

    private String runSecondProcess(String user, byte[] publicKey) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        SecondProcess.class.getName(),
                        directory().toString(),
                        user,
                        Base64.getEncoder().encodeToString(publicKey))
                .redirectErrorStream(true)
                .start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("second process did not finish in 30 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void userDatabaseServerForOtherProcessesListensOnLoopbackOnly() throws Exception {
        InetAddress external = nonLoopbackAddress();
        assumeTrue(external != null, "this host has no non-loopback IPv4 address to try");
        try (LocalAccount account = LocalAccount.open(directory())) {
            Properties lock = new Properties();
            try (var reader =
                    Files.newBufferedReader(directory().resolve("users.lock.db"), StandardCharsets.ISO_8859_1)) {
                lock.load(reader);
            }
            int port = Integer.parseInt(lock.getProperty("server").replaceAll(".*:", ""));

            try (java.net.Socket loopback = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                assertThat(loopback.isConnected()).isTrue();
            }
            assertThatThrownBy(() -> new java.net.Socket(external, port).close())
                    .isInstanceOf(java.net.ConnectException.class);
        }
    }

    private static InetAddress nonLoopbackAddress() throws java.net.SocketException {
        return java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst()
                .orElse(null);
    }

    @Test
    void accountNameRuleIsTheOneAJwtCarries() {
        assertThat(AccountDirectory.accountName(" myorg-myacct ")).isEqualTo("MYORG-MYACCT");
    }
}
