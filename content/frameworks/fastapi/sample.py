# Targets: FastAPI 0
"""main.py: GET /api/books/{book_id} returns one book as JSON. Run it with `fastapi dev main.py`."""
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from pydantic import BaseModel


class Book(BaseModel):
    id: int
    title: str
    author: str


class NotFound(BaseModel):
    error: str


# A stand-in for a database table, keyed by id.
BOOKS = {
    1: Book(id=1, title="Architecture Patterns with Python", author="Harry Percival and Bob Gregory"),
    2: Book(id=2, title="Robust Python", author="Patrick Viafore"),
    3: Book(id=3, title="Python Concurrency with asyncio", author="Matthew Fowler"),
}

app = FastAPI(title="Books API")


# response_model shapes the 200 answer; responses documents the 404 in the OpenAPI schema at /docs.
@app.get("/api/books/{book_id}", response_model=Book, responses={404: {"model": NotFound}})
async def read_book(book_id: str) -> Book | JSONResponse:
    # The id arrives as text: "abc" or "1.5" simply matches no book.
    book = BOOKS.get(int(book_id)) if book_id.isascii() and book_id.isdigit() else None
    if book is None:
        return JSONResponse(status_code=404, content={"error": "Book not found"})
    return book
