module example.com/vulnunlinked

go 1.21

require golang.org/x/text v0.3.7
