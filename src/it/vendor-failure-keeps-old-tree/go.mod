module example.com/app

go 1.21

require example.com/cgodep v0.0.0

replace example.com/cgodep => ./cgodep

require example.invalid/does-not-exist v1.0.0
