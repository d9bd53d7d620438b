# Targets: Rails 8
# app/controllers/api/books_controller.rb, routed from config/routes.rb by:
#
#   namespace :api do
#     get "books/:id", to: "books#show", id: %r{[^/]+}, format: false
#   end
#
# The id constraint lets "1.5" reach the controller whole, instead of being
# split into id "1" and format "5" or matching no route at all.
module Api
  class BooksController < ApplicationController
    # A stand-in for a database table; a real app would query a Book model.
    BOOKS = [
      { id: 1, title: "Practical Object-Oriented Design", author: "Sandi Metz" },
      { id: 2, title: "Eloquent Ruby", author: "Russ Olsen" },
      { id: 3, title: "Metaprogramming Ruby", author: "Paolo Perrotta" }
    ].freeze

    def show
      # Only whole numbers are ids, so "abc" or "1.5" simply find no book.
      id = params[:id].match?(/\A\d+\z/) ? params[:id].to_i : nil
      book = BOOKS.find { |b| b[:id] == id }

      if book
        render json: book
      else
        render json: { error: "Book not found" }, status: :not_found
      end
    end
  end
end
