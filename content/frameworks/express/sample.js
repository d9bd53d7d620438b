// Targets: Express 5
import express from 'express';

// In-memory data keeps the example self-contained (no database needed).
const books = [
  { id: 1, title: 'Eloquent JavaScript', author: 'Marijn Haverbeke' },
  { id: 2, title: 'JavaScript: The Good Parts', author: 'Douglas Crockford' },
  { id: 3, title: 'Node.js Design Patterns', author: 'Mario Casciaro and Luciano Mammino' },
];

const app = express();
app.disable('x-powered-by'); // do not advertise the framework in every response

app.get('/api/books/:id', (req, res) => {
  // Only whole numbers are valid ids; anything else simply finds no book.
  const id = /^\d+$/.test(req.params.id) ? Number(req.params.id) : NaN;
  const book = books.find((b) => b.id === id);

  if (!book) {
    return res.status(404).json({ error: 'Book not found' });
  }
  res.json(book);
});

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? 'localhost'; // HOST=0.0.0.0 accepts outside connections

// In Express 5, listen errors (such as a port in use) reach this callback.
app.listen(port, host, (error) => {
  if (error) throw error;
  console.log(`Books API listening on http://${host}:${port}`);
});
