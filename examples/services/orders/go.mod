module github.com/acme-shop/orders

go 1.22
