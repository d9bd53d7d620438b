# Targets: Ruby on Rails 8
# app/controllers/api/books_controller.rb, routed from config/routes.rb by:
#
#   namespace :api do
#     resources :books, only: :show
#   end
#
# which sends GET /api/books/:id to Api::BooksController#show.
module Api
  class BooksController < ApplicationController
    # A stand-in for a database table; a real app would query a Book model.
    BOOKS = [
      { id: 1, title: "Practical Object-Oriented Design", author: "Sandi Metz" },
      { id: 2, title: "Eloquent Ruby", author: "Russ Olsen" },
      { id: 3, title: "Metaprogramming Ruby", author: "Paolo Perrotta" }
    ].freeze

    def show
      # The id arrives as text: only whole numbers can match, so "abc" or "1.5" find no book.
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
