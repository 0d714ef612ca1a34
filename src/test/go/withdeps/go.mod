module example.com/withdeps

go 1.16

require (
	example.com/local v0.0.0
	rsc.io/quote v1.5.2
)

// A local directory: the dep line gets a "=>" line with no version and no sum.
replace example.com/local => ./local

// Another version of a real module: the "=>" line carries a version and a sum.
replace rsc.io/sampler v1.3.0 => rsc.io/sampler v1.99.99
