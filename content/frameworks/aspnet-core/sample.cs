// Targets: ASP.NET Core 11
// Program.cs of a project created with `dotnet new web`; start it with `dotnet run`.

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

// A small in-memory list stands in for a database.
Book[] books =
[
    new(1, "The Pragmatic Programmer", "Andrew Hunt and David Thomas"),
    new(2, "Designing Data-Intensive Applications", "Martin Kleppmann"),
    new(3, "Refactoring", "Martin Fowler"),
];

// The id is bound as a string and parsed here, so "/api/books/abc" gets the
// same JSON 404 as an unknown number instead of a bare 400 from the binder.
app.MapGet("/api/books/{id}", (string id) =>
{
    var book = int.TryParse(id, out var bookId)
        ? books.FirstOrDefault(b => b.Id == bookId)
        : null;

    return book is null
        ? Results.NotFound(new { error = "Book not found" })
        : Results.Ok(book);
});

app.Run();

// Minimal APIs serialise with camelCase names: {"id":1,"title":"...","author":"..."}
record Book(int Id, string Title, string Author);
