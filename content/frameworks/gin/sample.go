// Targets: Gin 1

// Command books serves GET /api/books/:id as JSON. Start it with `go run .`
// in a module that requires github.com/gin-gonic/gin.
package main

import (
	"cmp"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
)

// Book is one entry of the catalogue; the struct tags name the JSON fields.
type Book struct {
	ID     int    `json:"id"`
	Title  string `json:"title"`
	Author string `json:"author"`
}

// A small in-memory map stands in for a database table, keyed by id.
var books = map[int]Book{
	1: {ID: 1, Title: "The Go Programming Language", Author: "Alan A. A. Donovan and Brian W. Kernighan"},
	2: {ID: 2, Title: "Concurrency in Go", Author: "Katherine Cox-Buday"},
	3: {ID: 3, Title: "Learning Go", Author: "Jon Bodner"},
}

func getBook(c *gin.Context) {
	// The id arrives as text; "abc" or "1.5" fail to parse and find no book.
	id, err := strconv.Atoi(c.Param("id"))
	book, found := books[id]
	if err != nil || !found {
		c.JSON(http.StatusNotFound, gin.H{"error": "Book not found"})
		return
	}
	c.JSON(http.StatusOK, book)
}

func main() {
	router := gin.Default() // with the Logger and Recovery middleware
	router.GET("/api/books/:id", getBook)

	// HOST=0.0.0.0 accepts outside connections; the default is this machine only.
	host := cmp.Or(os.Getenv("HOST"), "localhost")
	port := cmp.Or(os.Getenv("PORT"), "8080")

	// router.Run would start a server with no timeouts, so build one that has them.
	server := &http.Server{
		Addr:              net.JoinHostPort(host, port),
		Handler:           router,
		ReadHeaderTimeout: 5 * time.Second,
	}
	log.Printf("Books API listening on http://%s", server.Addr)
	log.Fatal(server.ListenAndServe())
}
