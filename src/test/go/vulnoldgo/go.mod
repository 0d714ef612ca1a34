module example.com/vulnoldgo

go 1.21
