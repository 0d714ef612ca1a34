package io.gohygiene.modfetch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A second build on the same host, as a process of its own: says "ready", waits until {@code <start file>} exists
 * (so that both processes ask at the same moment), fetches {@code module@version} into the module cache through the
 * proxy and prints the zip's hash. Args: proxy URL, module cache, module, version, start file.
 */
public final class FetchInAnotherJvm {

    public static void main(String[] args) throws Exception {
        GoProxyList proxies = GoProxyList.parse(args[0]);
        HttpSettings http = new HttpSettings(Optional.empty(), Duration.ofSeconds(20), Duration.ofMinutes(2), false);
        ModuleFetcher fetcher = new ModuleFetcher(new ModuleCache(Path.of(args[1])), proxies, SumDbSetting.sumGolangOrg(),
                ModuleHttp.withUserInfoOf(http, proxies.proxies().stream().map(GoProxyList.Entry::url).toList()), false);
        System.out.println("ready");
        System.out.flush();
        Path start = Path.of(args[4]);
        while (!Files.exists(start)) {
            Thread.sleep(10);
        }
        System.out.println(fetcher.fetch(args[2], args[3]).zipHash());
    }
}
