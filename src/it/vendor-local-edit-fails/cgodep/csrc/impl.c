#include "../include/add.h"
#include "detail/twice.h"

int add(int a, int b) { return half(twice(a) + twice(b)); }
const char *cgodep_version(void) { return CGODEP_VERSION; }
