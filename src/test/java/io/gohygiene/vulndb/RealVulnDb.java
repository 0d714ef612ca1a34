package io.gohygiene.vulndb;

import io.gohygiene.modfetch.FetchedModule;
import io.gohygiene.modfetch.GoProxyList;
import io.gohygiene.modfetch.HttpSettings;
import io.gohygiene.modfetch.ModuleCache;
import io.gohygiene.modfetch.ModuleFetcher;
import io.gohygiene.modfetch.ModuleHttp;
import io.gohygiene.modfetch.SumDbSetting;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The real golang.org/x/vulndb at a pinned version, fetched once per machine through the plugin's own ModuleFetcher
 * (from proxy.golang.org, checked against sum.golang.org) into ~/.cache/go-hygiene/vulndb-modcache; later runs find
 * it complete there and touch no network.
 */
public final class RealVulnDb {

    public static final String VERSION = "v0.0.0-20261105234957-e22db6528018";
    static final Path MODCACHE = Path.of(System.getProperty("user.home"), ".cache", "go-hygiene", "vulndb-modcache");
    static final String PROXY = "https://proxy.golang.org";

    private RealVulnDb() {
    }

    static ModuleFetcher fetcher(Path modcache, String goproxy, boolean offline) {
        GoProxyList proxies = GoProxyList.parse(goproxy);
        return new ModuleFetcher(new ModuleCache(modcache), proxies, SumDbSetting.sumGolangOrg(), http(proxies, offline), offline);
    }

    static ModuleHttp http(GoProxyList proxies, boolean offline) {
        HttpSettings settings = new HttpSettings(java.util.Optional.empty(), Duration.ofSeconds(20), Duration.ofMinutes(5), offline);
        return ModuleHttp.withUserInfoOf(settings, proxies.proxies().stream().map(GoProxyList.Entry::url).toList());
    }

    static VulnDatabaseSource source(Path modcache, String goproxy, boolean offline) {
        GoProxyList proxies = GoProxyList.parse(goproxy);
        return new VulnDatabaseSource(fetcher(modcache, goproxy, offline), proxies, http(proxies, offline), offline);
    }

    /** The pinned version, verified, in the shared test module cache. */
    public static FetchedModule module() throws Exception {
        return fetcher(MODCACHE, PROXY, false).fetch(VulnDatabaseSource.MODULE, VERSION);
    }
}
