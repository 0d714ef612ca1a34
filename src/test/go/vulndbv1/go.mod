module example.com/vulndbv1

go 1.21
