module notify/go-broadcaster

go 1.19
