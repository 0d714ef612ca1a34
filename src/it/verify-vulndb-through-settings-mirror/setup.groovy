// The Go module proxy mirror a company runs, in the invoker's JVM (it ends with that JVM; verify.groovy stops it):
// every request needs Basic auth ci:ITMIRRORPASS (401 with a challenge otherwise), the rest is forwarded to
// https://proxy.golang.org (modules and its /sumdb/ endpoint); each request is logged to requests.log as
// "path status".
import com.sun.net.httpserver.HttpServer
import java.util.concurrent.Executors

// The module cache starts empty on every run (go and the plugin leave it read-only): the database must come through
// the mirror.
// invoker.properties puts it under the outer build's target/, which is ../.. of this project's copy, or further up
// when .ci/other-mavens runs the ITs from target/other-mavens/<version>/it/.
def modCache = null
for (def dir = basedir.canonicalFile.parentFile; dir != null && modCache == null; dir = dir.parentFile) {
    def candidate = new File(dir, 'it-gomodcache/verify-vulndb-through-settings-mirror')
    if (candidate.exists()) {
        modCache = candidate
    }
}
if (modCache != null) {
    ['chmod', '-R', 'u+w', modCache.path].execute().waitFor()
    assert modCache.deleteDir() : "cannot empty ${modCache}"
}
def log = new File(basedir, 'requests.log')
log.text = ''
def expected = 'Basic ' + Base64.encoder.encodeToString('ci:ITMIRRORPASS'.getBytes('UTF-8'))
def server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
server.createContext('/go/') { exchange ->
    String path = exchange.requestURI.rawPath.substring('/go'.length())
    int status
    try {
        if (exchange.requestHeaders.getFirst('Authorization') != expected) {
            status = 401
            exchange.responseHeaders.add('WWW-Authenticate', 'Basic realm="corp go proxy"')
            exchange.sendResponseHeaders(status, -1)
        } else {
            def upstream = (HttpURLConnection) new URL('https://proxy.golang.org' + path).openConnection()
            upstream.connectTimeout = 30_000
            upstream.readTimeout = 120_000
            status = upstream.responseCode
            def body = status < 400 ? upstream.inputStream : upstream.errorStream
            exchange.sendResponseHeaders(status, 0)
            exchange.responseBody.withStream { out -> if (body != null) { body.withStream { out << it } } }
        }
    } finally {
        exchange.close()
        synchronized (log) {
            log << "${path} ${status}\n"
        }
    }
}
server.executor = Executors.newFixedThreadPool(4, { r -> def t = new Thread(r, 'it-go-mirror'); t.daemon = true; t })
server.start()
System.properties.put('go-hygiene.it.goMirror', server)
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dgo-hygiene.it.mirrorUrl=http://127.0.0.1:${server.address.port}/go/\n"
return true
