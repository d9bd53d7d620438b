<?php
// Targets: Laravel 13

use Illuminate\Http\JsonResponse;
use Illuminate\Support\Facades\Route;

// A small in-memory catalogue; a real application would query an Eloquent model.
$books = collect([
    ['id' => 1, 'title' => 'Kindred', 'author' => 'Octavia E. Butler'],
    ['id' => 2, 'title' => 'The Dispossessed', 'author' => 'Ursula K. Le Guin'],
    ['id' => 3, 'title' => 'Piranesi', 'author' => 'Susanna Clarke'],
]);

// Routes in routes/api.php get the /api prefix, so this serves GET /api/books/{id}.
Route::get('/books/{id}', function (string $id) use ($books): JsonResponse {
    // Only plain digits can match; "abc" or "1; DROP" fall through to the 404 below.
    $book = ctype_digit($id) ? $books->firstWhere('id', (int) $id) : null;

    if ($book === null) {
        return response()->json(['error' => 'Book not found'], 404);
    }

    return response()->json($book);
});
