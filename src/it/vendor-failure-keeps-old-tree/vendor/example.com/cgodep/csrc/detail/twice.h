static int twice(int x) { return 2 * x; }
static int half(int x) { return x / 2; }
