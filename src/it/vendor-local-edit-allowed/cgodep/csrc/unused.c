/* Nothing includes this file: vendoring must not restore it. */
int unused(void) { return 0; }
