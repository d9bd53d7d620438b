// Targets: NestJS 12
// src/main.ts of a project created with `nest new`, cut down to one file: GET /api/books/:id returns one book as JSON.
import { Controller, Get, Injectable, Module, NotFoundException, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

interface Book {
  id: number;
  title: string;
  author: string;
}

@Injectable()
export class BooksService {
  // In-memory data keeps the example self-contained; a real service would query a repository.
  private readonly books: Book[] = [
    { id: 1, title: 'Programming TypeScript', author: 'Boris Cherny' },
    { id: 2, title: 'Effective TypeScript', author: 'Dan Vanderkam' },
    { id: 3, title: 'Node.js Design Patterns', author: 'Mario Casciaro and Luciano Mammino' },
  ];

  findOne(id: number): Book | undefined {
    return this.books.find((book) => book.id === id);
  }
}

@Controller('api/books')
export class BooksController {
  // Nest's container creates BooksService once and passes it in.
  constructor(private readonly booksService: BooksService) {}

  @Get(':id')
  findOne(@Param('id') id: string): Book {
    // Only whole numbers are valid ids; "abc" or "1.5" simply find no book.
    const book = /^\d+$/.test(id) ? this.booksService.findOne(Number(id)) : undefined;
    if (!book) {
      // An object given to an HTTP exception becomes the response body as it is.
      throw new NotFoundException({ error: 'Book not found' });
    }
    return book; // serialised to JSON with status 200
  }
}

@Module({ controllers: [BooksController], providers: [BooksService] })
export class AppModule {}

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule);
  app.useSecurityHeaders(); // Helmet's default headers, and no X-Powered-By
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? 'localhost'; // HOST=0.0.0.0 accepts outside connections
  await app.listen(port, host);
  console.log(`Books API listening on http://${host}:${port}`);
}

void bootstrap();
