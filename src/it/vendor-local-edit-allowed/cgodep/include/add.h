#ifndef CGODEP_ADD_H
#define CGODEP_ADD_H
#include <version.h>
int add(int a, int b);
const char *cgodep_version(void);
#endif
