#define CGODEP_VERSION "cgodep 1.0"
