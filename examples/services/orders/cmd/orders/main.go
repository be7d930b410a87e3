package main

import (
	"log"
	"net/http"
)

func main() {
	ok := func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) }
	http.HandleFunc("/healthz", ok)
	http.HandleFunc("/ready", ok)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
