package io.gohygiene.modfetch;

import io.gohygiene.testing.GoOnPath;
import io.gohygiene.testing.LocalModuleProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fetcher against a real proxy (a local server answering what proxy.golang.org answers, including its
 * checksum database) and a hostile one; go itself is the oracle for the hash and for the cache layout.
 */
class ModuleFetcherTest {

    private static final String MODULE = "rsc.io/quote";
    private static final String VERSION = "v1.5.2";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path temp;
    private LocalModuleProxy proxy;
    private ModuleCache cache;

    @BeforeEach
    void start() throws IOException {
        proxy = new LocalModuleProxy();
        cache = new ModuleCache(temp.resolve("modcache"));
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        ModuleFetcher.deleteTree(temp.resolve("modcache"));
    }

    private ModuleFetcher fetcher(String goproxy, boolean offline) {
        HttpSettings http = new HttpSettings(Optional.empty(), Duration.ofSeconds(20), TIMEOUT, offline);
        GoProxyList proxies = GoProxyList.parse(goproxy);
        return new ModuleFetcher(cache, proxies, SumDbSetting.sumGolangOrg(), ModuleHttp.withUserInfoOf(http, proxies.proxies().stream().map(GoProxyList.Entry::url).toList()), offline);
    }

    private ModuleFetcher fetcher() {
        return fetcher(proxy.url().toString(), false);
    }

    @Test
    void fetchesVerifiesAndInstallsWhereGoLooksAndGoAcceptsIt() throws Exception {
        FetchedModule fetched = fetcher().fetch(MODULE, VERSION);

        Map<String, String> oracle = goModDownload(temp.resolve("go-own-cache"), proxy.url().toString(), "sum.golang.org");
        assertEquals(oracle.get("Sum"), fetched.zipHash(), "go's own hash of the version, downloaded and checked by go");
        Map<String, String> offline = goModDownload(cache.root(), "off", "off");
        assertEquals(Path.of(offline.get("Dir")), fetched.dir(), "go finds the version complete where the plugin put it, with GOPROXY=off");
        assertEquals(oracle.get("Sum"), offline.get("Sum"));
        assertTrue(Files.isRegularFile(fetched.dir().resolve("quote.go")));
        // Permissions, not Files.isWritable: root (CI) may write anything.
        assertFalse(Files.getPosixFilePermissions(fetched.dir()).contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE),
                "read-only like go's own cache");
        assertFalse(fetched.fromCache());
        assertTrue(fetched.provenance(cache.root()).contains("verified against sum.golang.org (signed tree of "), fetched.provenance(cache.root()));
        assertEquals(List.of(), leftovers(), "no temporary file or marker is left");
    }

    @Test
    void aSecondFetchUsesTheCacheWithoutAsking() throws Exception {
        fetcher().fetch(MODULE, VERSION);
        int asked = proxy.requests(p -> true);
        FetchedModule again = fetcher(proxy.url().toString(), true).fetch(MODULE, VERSION);
        assertTrue(again.fromCache());
        assertEquals(asked, proxy.requests(p -> true), "no request for a cached version");
        assertTrue(again.provenance(cache.root()).startsWith("from the module cache "), again.provenance(cache.root()));
    }

    @Test
    void offlineWithAnEmptyCacheSaysWhatToDo() {
        ModuleFetchException e = assertThrows(ModuleFetchException.class, () -> fetcher(proxy.url().toString(), true).fetch(MODULE, VERSION));
        assertEquals("rsc.io/quote@v1.5.2 is not in the module cache " + cache.root() + ", and the build is offline (-o)", e.getMessage());
        assertEquals(0, proxy.requests(p -> true));
    }

    @Test
    void aZipWithOneFileChangedIsASecurityErrorAndNothingIsInstalled() throws Exception {
        proxy.change(p -> p.endsWith(".zip"), ModuleFetcherTest::changeOneByteOfQuoteGo);
        ModuleFetchException e = assertThrows(ModuleFetchException.class, () -> fetcher().fetch(MODULE, VERSION));
        assertTrue(e.getMessage().startsWith("SECURITY ERROR: rsc.io/quote@v1.5.2 downloaded from " + proxy.url() + "/rsc.io/quote/@v/v1.5.2.zip has h1:"),
                e.getMessage());
        assertTrue(e.getMessage().contains("but the checksum database sum.golang.org says h1:"), e.getMessage());
        assertNothingInstalled();
    }

    @Test
    void aZipWithOneByteFlippedIsRefusedAndNothingIsInstalled() {
        proxy.change(p -> p.endsWith(".zip"), bytes -> {
            byte[] changed = bytes.clone();
            changed[changed.length / 3] ^= 0x20;
            return changed;
        });
        assertThrows(ModuleFetchException.class, () -> fetcher().fetch(MODULE, VERSION));
        assertNothingInstalled();
    }

    @Test
    void aSignedNoteWithOneByteChangedIsRefused() {
        proxy.change(p -> p.contains("/sumdb/sum.golang.org/lookup/"), bytes -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int sig = text.lastIndexOf("— sum.golang.org ");
            byte[] changed = bytes.clone();
            int at = text.substring(0, sig).getBytes(StandardCharsets.UTF_8).length + "— sum.golang.org ".getBytes(StandardCharsets.UTF_8).length + 12;
            changed[at] = (byte) (changed[at] == 'A' ? 'B' : 'A');
            return changed;
        });
        ModuleFetchException e = assertThrows(ModuleFetchException.class, () -> fetcher().fetch(MODULE, VERSION));
        assertTrue(e.getMessage().contains("rsc.io/quote@v1.5.2"), e.getMessage());
        assertNothingInstalled();
    }

    @Test
    void aTruncatedDownloadIsRefused() {
        proxy.truncate(p -> p.endsWith(".zip"));
        ModuleFetchException e = assertThrows(ModuleFetchException.class, () -> fetcher().fetch(MODULE, VERSION));
        assertTrue(e.getMessage().startsWith("rsc.io/quote@v1.5.2: "), e.getMessage());
        assertNothingInstalled();
    }

    @Test
    void notFoundEverywhereNamesTheProxiesAndIsNotFound() {
        proxy.status(p -> p.endsWith(".zip"), 404);
        String url = proxy.url().toString();
        ModuleFetchException e = assertThrows(ModuleFetchException.class, () -> fetcher(url + "," + url + "/second", false).fetch(MODULE, VERSION));
        assertEquals("rsc.io/quote@v1.5.2 was not found on " + url + ", " + url + "/second", e.getMessage());
        assertTrue(e.notFound());
    }

    @Test
    void aServerErrorFallsBackOnlyAfterABar() throws Exception {
        String url = proxy.url().toString();
        proxy.status(p -> p.startsWith("/broken/"), 502);
        ModuleFetchException comma = assertThrows(ModuleFetchException.class, () -> fetcher(url + "/broken," + url, false).fetch(MODULE, VERSION));
        assertTrue(comma.getMessage().contains("answered HTTP 502"), comma.getMessage());
        assertFalse(comma.notFound());
        FetchedModule bar = fetcher(url + "/broken|" + url, false).fetch(MODULE, VERSION);
        assertEquals(proxy.url().resolve("/rsc.io/quote/@v/v1.5.2.zip"), bar.downloadedFrom().orElseThrow());
    }

    @Test
    void offAndDirectAreRefusedWithTheirReason() {
        assertEquals("rsc.io/quote@v1.5.2: module downloads are disabled by GOPROXY=off",
                assertThrows(ModuleFetchException.class, () -> fetcher("off", false).fetch(MODULE, VERSION)).getMessage());
        assertEquals("GOPROXY=direct names no module proxy, and rsc.io/quote@v1.5.2 comes only from one",
                assertThrows(ModuleFetchException.class, () -> fetcher("direct", false).fetch(MODULE, VERSION)).getMessage());
    }

    @Test
    void gosumdbOffIsRefused() {
        HttpSettings http = new HttpSettings(Optional.empty(), Duration.ofSeconds(20), TIMEOUT, false);
        ModuleFetcher off = new ModuleFetcher(cache, GoProxyList.parse(proxy.url().toString()), SumDbSetting.parse("off"), ModuleHttp.withUserInfoOf(http, List.of()), false);
        assertEquals("GOSUMDB=off: rsc.io/quote@v1.5.2 cannot be checked against the checksum database",
                assertThrows(ModuleFetchException.class, () -> off.fetch(MODULE, VERSION)).getMessage());
    }

    @Test
    void twoThreadsFetchingAtOnceDownloadOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<FetchedModule>> both = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                both.add(pool.submit(() -> fetcher().fetch(MODULE, VERSION)));
            }
            assertEquals(both.get(0).get().zipHash(), both.get(1).get().zipHash());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, proxy.requests(p -> p.endsWith(".zip")));
    }

    /**
     * Two builds on one host (two CI jobs, two JVMs) that need the same version at the same moment: the module
     * cache's file lock makes the second wait for the first, which downloads it once, and both use the same tree.
     * The zip is answered slowly, so both are inside the fetch at once.
     */
    @Test
    void twoJvmsFetchingAtOnceDownloadOnce() throws Exception {
        proxy.delay(p -> p.endsWith(".zip"), Duration.ofMillis(1500));
        Path start = temp.resolve("start");
        String javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> jvms = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                jvms.add(new ProcessBuilder(javaExecutable, "-cp", System.getProperty("java.class.path"), FetchInAnotherJvm.class.getName(),
                        proxy.url().toString(), cache.root().toString(), MODULE, VERSION, start.toString())
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start());
            }
            List<java.io.BufferedReader> outputs = new ArrayList<>();
            for (Process jvm : jvms) {
                java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(jvm.getInputStream()));
                assertEquals("ready", out.readLine());
                outputs.add(out);
            }
            Files.createFile(start);
            List<String> hashes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                hashes.add(outputs.get(i).readLine());
                assertTrue(jvms.get(i).waitFor(2, java.util.concurrent.TimeUnit.MINUTES), "JVM " + i + " did not finish");
                assertEquals(0, jvms.get(i).exitValue(), "JVM " + i);
            }
            assertTrue(hashes.get(0).startsWith("h1:") && hashes.get(0).equals(hashes.get(1)), hashes.toString());
        } finally {
            jvms.forEach(Process::destroyForcibly);
        }
        assertEquals(1, proxy.requests(p -> p.endsWith(".zip")), "the second JVM waited for the first's download");
        assertEquals(fetcher(proxy.url().toString(), true).fetch(MODULE, VERSION).zipHash(),
                Files.readString(cache.downloadFile(MODULE, VERSION, "ziphash")).strip(), "the tree both used is complete and trusted offline");
    }

    @Test
    void aHalfInstalledTreeIsNotTrustedAndIsReplaced() throws Exception {
        Path dir = cache.dir(MODULE, VERSION);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("quote.go"), "package planted\n");
        Files.createDirectories(cache.downloadFile(MODULE, VERSION, "partial").getParent());
        Files.write(cache.downloadFile(MODULE, VERSION, "partial"), new byte[0]);
        FetchedModule fetched = fetcher().fetch(MODULE, VERSION);
        assertFalse(fetched.fromCache());
        assertTrue(Files.readString(dir.resolve("quote.go")).startsWith("// Copyright"), "the planted file is gone");
    }

    @Test
    void anUnreachableProxyNamesTheUrlAndWhatToCheck() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;
        ModuleFetchException e = assertThrows(ModuleFetchException.class, () -> fetcher(url, false).fetch(MODULE, VERSION));
        assertTrue(e.getMessage().startsWith("rsc.io/quote@v1.5.2: " + url + "/rsc.io/quote/@v/v1.5.2.zip: "), e.getMessage());
        assertTrue(e.hint().startsWith("check the network path to the proxy"), e.hint());
        assertNothingInstalled();
    }

    @Test
    void aFullDiskIsSaidAsSuchAndLeavesNothing() throws Exception {
        // A 1 MiB file system for the module cache (root may mount one; elsewhere this test cannot run).
        Path small = temp.resolve("small");
        Files.createDirectories(small);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", small.toString()).redirectErrorStream(true).start();
        String said = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assumptions.assumeTrue(mount.waitFor() == 0, "cannot mount a small file system here: " + said);
        try {
            cache = new ModuleCache(small.resolve("modcache"));
            // golang.org/x/text is about 9 MB unpacked: far more than the disk holds.
            ModuleFetchException e = assertThrows(ModuleFetchException.class, () -> fetcher().fetch("golang.org/x/text", "v0.14.0"));
            assertTrue(e.getMessage().contains("the disk is full"), e.getMessage());
            assertTrue(e.hint().startsWith("free space on the disk of the module cache (GOMODCACHE)"), e.hint());
            try (Stream<Path> walk = Files.walk(cache.root())) {
                // The checksum database's verified answers are kept (go's cache; each is proven again when read).
                assertEquals(List.of(), walk.filter(Files::isRegularFile).map(Path::toString)
                                .filter(n -> !n.endsWith(".lock") && !n.contains("/cache/download/sumdb/")).toList(),
                        "nothing of the module but its lock file is left");
            }
            assertFalse(Files.exists(cache.dir("golang.org/x/text", "v0.14.0")));
        } finally {
            new ProcessBuilder("umount", small.toString()).start().waitFor();
            cache = new ModuleCache(temp.resolve("modcache"));
        }
    }

    private void assertNothingInstalled() {
        try {
            assertFalse(Files.exists(cache.dir(MODULE, VERSION)), "no tree");
            assertFalse(Files.exists(cache.downloadFile(MODULE, VERSION, "zip")), "no zip");
            assertFalse(Files.exists(cache.downloadFile(MODULE, VERSION, "ziphash")), "no hash");
            assertEquals(List.of(), leftovers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> leftovers() throws IOException {
        if (!Files.exists(cache.root())) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(cache.root())) {
            return walk.map(p -> p.getFileName().toString()).filter(n -> n.contains(".tmp-") || n.endsWith(".partial")).toList();
        }
    }

    /** The same zip with one byte of quote.go changed: well-formed, so only the checksum database can tell. */
    static byte[] changeOneByteOfQuoteGo(byte[] zip) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().endsWith("/quote.go")) {
                    content[content.length - 2] ^= 0x01;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** go mod download -json with this cache: go's own view of the version. */
    private Map<String, String> goModDownload(Path modCache, String goproxy, String gosumdb) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(GoOnPath.executable().toString(), "mod", "download", "-json", MODULE + "@" + VERSION)
                .directory(temp.toFile()).redirectErrorStream(true);
        pb.environment().put("GOMODCACHE", modCache.toString());
        pb.environment().put("GOPROXY", goproxy);
        pb.environment().put("GOFLAGS", "-mod=mod");
        pb.environment().put("GOSUMDB", gosumdb);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(out);
        assertFalse(json.containsKey("Error"), out);
        Map<String, String> result = Map.of("Sum", String.valueOf(json.get("Sum")), "Dir", String.valueOf(json.get("Dir")));
        if (!modCache.equals(cache.root())) {
            ProcessBuilder clean = new ProcessBuilder(GoOnPath.executable().toString(), "clean", "-modcache").directory(temp.toFile()).redirectErrorStream(true);
            clean.environment().put("GOMODCACHE", modCache.toString());
            clean.start().waitFor();
        }
        return result;
    }
}
