"""The picture book: book.pdf beside the video, for printing the tale the children watched."""

from digitales.book.pdf import PdfBook

BACKENDS = {PdfBook.name: PdfBook}
