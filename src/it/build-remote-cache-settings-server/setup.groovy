// An HTTP cache server in the invoker's JVM (it ends with that JVM): GET/PUT under /cache/, every request needing
// Basic auth ci:ITCACHEPASS (401 otherwise), each request logged to requests.log as "METHOD path status". The build
// reaches it through go-hygiene.remoteCache.url in .mvn/maven.config; Maven finds the master password through
// -Dsettings.security there too.
import com.sun.net.httpserver.HttpServer
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.Executors

def store = new ConcurrentHashMap<String, byte[]>()
def log = new File(basedir, 'requests.log')
log.text = ''
def expected = 'Basic ' + Base64.encoder.encodeToString('ci:ITCACHEPASS'.getBytes('UTF-8'))
def server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
server.createContext('/cache/') { exchange ->
    int status
    byte[] body = new byte[0]
    String path = exchange.requestURI.path
    // Read once: Groovy's InputStream.getBytes() closes the stream.
    byte[] sent = exchange.requestBody.bytes
    if (exchange.requestHeaders.getFirst('Authorization') != expected) {
        status = 401
        exchange.responseHeaders.add('WWW-Authenticate', 'Basic realm="go cache"')
    } else if (exchange.requestMethod == 'PUT') {
        store[path] = sent
        status = 201
    } else if (exchange.requestMethod == 'GET' && store.containsKey(path)) {
        body = store[path]
        status = 200
    } else {
        status = 404
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length)
    if (body.length > 0) {
        exchange.responseBody.write(body)
    }
    exchange.close()
    synchronized (log) {
        log << "${exchange.requestMethod} ${path} ${status}\n"
    }
}
server.executor = Executors.newFixedThreadPool(8, { r -> def t = new Thread(r, 'it-cache-server'); t.daemon = true; t })
server.start()
// verify.groovy stops it.
System.properties.put('go-hygiene.it.cacheServer', server)
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text =
        "-Dgo-hygiene.remoteCache.url=http://127.0.0.1:${server.address.port}/cache/\n" +
        "-Dsettings.security=${new File(basedir, 'settings-security.xml').absolutePath}\n"
return true
