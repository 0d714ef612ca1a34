package io.gohygiene.toolchain;

import io.gohygiene.modfetch.GoProxyList;
import io.gohygiene.modfetch.HttpSettings;
import io.gohygiene.modfetch.ModuleCache;
import io.gohygiene.modfetch.ModuleFetcher;
import io.gohygiene.modfetch.ModuleHttp;
import io.gohygiene.modfetch.SumDbSetting;

/**
 * Go modules fetched the way go would on this machine: GOPROXY, GOSUMDB and GOMODCACHE from the environment or the
 * go env file ({@link GoEnvironmentDefaults}), over Maven's HTTP settings. What toolchain provisioning and the
 * vulnerability database share.
 *
 * @param fetcher the verified download into go's module cache
 * @param proxies GOPROXY as parsed
 * @param http    the HTTP client, credentials only for the proxies' own URLs
 */
public record GoModuleAccess(ModuleFetcher fetcher, GoProxyList proxies, ModuleHttp http) {

    /** @throws ToolchainException when GOPROXY or GOSUMDB cannot be read, naming where they were set */
    public static GoModuleAccess of(SystemProbe probe, HttpSettings settings) throws ToolchainException {
        GoEnvironmentDefaults defaults = GoEnvironmentDefaults.read(probe);
        GoProxyList proxies;
        SumDbSetting sumDb;
        try {
            sumDb = SumDbSetting.parse(defaults.goSumDb());
            proxies = GoProxyList.parse(defaults.goProxy());
        } catch (IllegalArgumentException e) {
            throw new ToolchainException(e.getMessage() + defaults.envFile().map(f -> " (environment or " + f + ")").orElse(""),
                    "fix the setting in the environment or with go env -w");
        }
        if (settings.mirror().isPresent()) {
            // As Maven does for repositories: the mirror replaces what it mirrors (GOPROXY), for the plugin's downloads.
            HttpSettings.GoProxyMirror mirror = settings.mirror().get();
            try {
                proxies = GoProxyList.parse(mirror.url().toString());
            } catch (IllegalArgumentException e) {
                throw new ToolchainException("settings.xml <mirror> " + mirror.id() + ": " + e.getMessage(),
                        "give it the http(s) URL of a Go module proxy");
            }
        }
        java.util.List<ModuleHttp.HostCredentials> credentials = new java.util.ArrayList<>(ModuleHttp.HostCredentials.ofUserInfo(
                proxies.proxies().stream().map(GoProxyList.Entry::url).toList()));
        settings.mirror().filter(m -> m.username().isPresent()).ifPresent(m ->
                credentials.add(new ModuleHttp.HostCredentials(m.url(), m.username().get(), m.password().orElse(""))));
        ModuleHttp client = new ModuleHttp(settings, credentials);
        return new GoModuleAccess(new ModuleFetcher(new ModuleCache(defaults.goModCache()), proxies, sumDb, client, settings.offline()), proxies, client);
    }
}
