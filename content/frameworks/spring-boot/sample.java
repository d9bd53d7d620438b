// Targets: Spring Boot 4
package com.example.books;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

@SpringBootApplication
@RestController
class BookApi {

    record Book(long id, String title, String author) {}

    private static final Map<Long, Book> BOOKS = Map.of(
            1L, new Book(1, "The Pragmatic Programmer", "Andrew Hunt and David Thomas"),
            2L, new Book(2, "Designing Data-Intensive Applications", "Martin Kleppmann"),
            3L, new Book(3, "Effective Java", "Joshua Bloch"));

    @GetMapping("/api/books/{id}")
    ResponseEntity<?> findBook(@PathVariable long id) {
        Book book = BOOKS.get(id);
        if (book == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "Book not found"));
        }
        return ResponseEntity.ok(book);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> invalidId() {
        return ResponseEntity.badRequest().body(Map.of("error", "Book id must be a number"));
    }

    public static void main(String[] args) {
        SpringApplication.run(BookApi.class, args);
    }
}
