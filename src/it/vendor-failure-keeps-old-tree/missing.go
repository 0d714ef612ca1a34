package main

import _ "example.invalid/does-not-exist"
