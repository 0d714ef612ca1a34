/* Not included by anything; restored because include/ is a #cgo -I directory. */
