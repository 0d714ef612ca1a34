/* A header in a directory without Go files: reachable only through the injected CGO_CFLAGS. */
#define GREETING "hello from an injected include path"
