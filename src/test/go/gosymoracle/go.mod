module example.com/gosymoracle

go 1.21
