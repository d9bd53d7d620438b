# Targets: Django 6
"""books/views.py: GET /api/books/<id> returns one book as JSON."""
from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.views.decorators.http import require_GET

# A stand-in for a database table, keyed by id.
BOOKS = {
    1: {"id": 1, "title": "Fluent Python", "author": "Luciano Ramalho"},
    2: {"id": 2, "title": "Two Scoops of Django", "author": "Daniel and Audrey Feldroy"},
    3: {"id": 3, "title": "Test-Driven Development with Python", "author": "Harry Percival"},
}


@require_GET  # other methods get 405 Method Not Allowed
def book_detail(request: HttpRequest, book_id: str) -> JsonResponse:
    # The id arrives as text; "abc" or "1.5" simply matches no book.
    try:
        book = BOOKS.get(int(book_id))
    except ValueError:
        book = None
    if book is None:
        return JsonResponse({"error": "Book not found"}, status=404)
    return JsonResponse(book)


urlpatterns = [
    path("api/books/<str:book_id>", book_detail, name="book-detail"),
]
